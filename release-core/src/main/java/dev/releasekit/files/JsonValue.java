package dev.releasekit.files;

import java.util.Objects;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * A value in a JSON file at a dotted key path, such as {@code package.json}'s {@code version}.
 *
 * <pre>{@code
 * JsonValue version = JsonValue.at("package.json", "version");
 * version.readValue(bytes);               // "1.30.0"
 * version.writeValue(bytes, "1.31.0");    // indentation, key order and line endings stay
 * JsonValue.at("config.json", "release.build").writeValue(bytes, "42");   // a number stays a number
 * }</pre>
 *
 * <p>The value is found by parsing the file (JSON is YAML to snakeyaml-engine) and its characters are replaced in
 * place. A string is written as a JSON string with JSON escapes; a number, {@code true}, {@code false} or
 * {@code null} stays a bare literal when the new text is one too, else it becomes a string. A number segment
 * indexes an array ({@code 0.version}).
 */
public record JsonValue(String path, String key) implements VersionFile {
  private static final Pattern LITERAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null");

  public JsonValue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
  }

  /** The value at {@code dottedKey} (for example {@code version} or {@code release.tag}) in the JSON file. */
  public static JsonValue at(String path, String dottedKey) {
    return new JsonValue(path, dottedKey);
  }

  @Override
  public String readValue(byte[] content) {
    String text = Texts.decode(path, content);
    return Tree.locate(path, text, key, Tree.Syntax.JSON).value();
  }

  @Override
  public byte[] writeValue(byte[] content, String value) {
    Texts.requireSingleLine(path, key, value);
    String text = Texts.decode(path, content);
    Tree.Found found = Tree.locate(path, text, key, Tree.Syntax.JSON);
    if (found.value().equals(value) && found.start() < found.end()) {
      return content;
    }
    boolean bare = found.node().getScalarStyle() == ScalarStyle.PLAIN && LITERAL.matcher(value).matches();
    String replacement = bare ? value : Texts.jsonString(value);
    byte[] out = Texts.apply(content, text, new Texts.Edit(found.start(), found.end(), replacement));
    String check = Tree.locate(path, Texts.decode(path, out), key, Tree.Syntax.JSON).value();
    if (!check.equals(value)) {
      throw new IllegalStateException(path + ": wrote \"" + value + "\" at " + key + " but read back \"" + check + "\"");
    }
    return out;
  }

  @Override
  public String toString() {
    return "JsonValue(" + path + ", " + key + ")";
  }
}
