package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.util.Objects;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A value in a YAML file at a dotted key path, such as a Helm chart's {@code appVersion} or the image tag in its
 * {@code values.yaml}.
 *
 * <pre>{@code
 * YamlValue tag = YamlValue.at("charts/posthog/values.yaml", "image.default");
 * tag.readValue(bytes);                          // ":release-1.30.0"
 * tag.writeValue(bytes, ":release-1.31.0");      // comments, key order and quotes stay
 * YamlValue.at("charts/posthog/Chart.yaml", "appVersion").write(bytes, Version.parse("1.31.0"));
 * }</pre>
 *
 * <p>The file is parsed with snakeyaml-engine to find the value's exact position; then only those characters are
 * replaced. The value keeps its style: a double- or single-quoted value stays quoted the same way; a plain value
 * stays plain unless the new text would change its YAML type (writing {@code 1.32} into a plain string value
 * would make it a number, so it is written {@code "1.32"}). An empty value ({@code tag:}) is filled in after the
 * colon. A number segment indexes a list ({@code images.0.tag}). Block scalars ({@code |}, {@code >}) and aliases
 * are refused.
 */
public record YamlValue(String path, String key) implements VersionFile {

  public YamlValue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
  }

  /** The value at {@code dottedKey} (for example {@code image.default}) in the YAML file at {@code path}. */
  public static YamlValue at(String path, String dottedKey) {
    return new YamlValue(path, dottedKey);
  }

  @Override
  public String readValue(byte[] content) {
    String text = Texts.decode(path, content);
    return Tree.locate(path, text, key, Tree.Syntax.YAML).value();
  }

  @Override
  public byte[] writeValue(byte[] content, String value) {
    Texts.requireSingleLine(path, key, value);
    String text = Texts.decode(path, content);
    Tree.Found found = Tree.locate(path, text, key, Tree.Syntax.YAML);
    if (found.value().equals(value)) {
      return content;
    }
    ScalarStyle style = found.node().getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      throw new PreconditionException(path + ": \"" + key + "\" is a block scalar (| or >); releasekit edits only"
          + " single-line values. Make it a plain or quoted value and run again.");
    }
    boolean empty = found.start() == found.end();
    String before = empty && found.start() > 0 && text.charAt(found.start() - 1) == ':' ? " " : "";
    String quoted = doubleQuoted(value);
    String replacement = switch (style) {
      case DOUBLE_QUOTED -> quoted;
      case SINGLE_QUOTED -> "'" + value.replace("'", "''") + "'";
      default -> value;
    };
    byte[] out = Texts.apply(content, text, new Texts.Edit(found.start(), found.end(), before + replacement));
    if (style == ScalarStyle.PLAIN && !keepsMeaning(out, found, value)) {
      out = Texts.apply(content, text, new Texts.Edit(found.start(), found.end(), before + quoted));
    }
    Tree.Found check = Tree.locate(path, Texts.decode(path, out), key, Tree.Syntax.YAML);
    if (!check.value().equals(value)) {
      throw new PreconditionException(path + ": writing \"" + value + "\" at \"" + key + "\" would read back as \""
          + check.value() + "\". Quote the value in the file and run again.");
    }
    return out;
  }

  /** Whether a plain value reads back as the same text with the same YAML type (a string stays a string). */
  private boolean keepsMeaning(byte[] out, Tree.Found old, String value) {
    if (value.isEmpty()) {
      return false;
    }
    Tree.Found now;
    try {
      now = Tree.locate(path, Texts.decode(path, out), key, Tree.Syntax.YAML);
    } catch (PreconditionException e) {
      return false;
    }
    Tag oldTag = Tag.NULL.equals(old.node().getTag()) ? Tag.STR : old.node().getTag();
    return now.node().getScalarStyle() == ScalarStyle.PLAIN && now.value().equals(value)
        && now.node().getTag().equals(oldTag);
  }

  private static String doubleQuoted(String value) {
    // JSON escapes are valid YAML double-quoted escapes.
    return Texts.jsonString(value);
  }

  @Override
  public String toString() {
    return "YamlValue(" + path + ", " + key + ")";
  }
}
