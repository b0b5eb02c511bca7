package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A JSON file whose top level is an array of flat objects, newest first, such as PostHog's {@code versions.json}.
 *
 * <pre>{@code
 * JsonArrayHead versions = JsonArrayHead.at("versions.json");
 * LinkedHashMap<String, String> entry = new LinkedHashMap<>();
 * entry.put("version", "1.31.0");
 * entry.put("release_date", "2021-12-16");
 * bytes = versions.insert(bytes, entry, "version");   // a new first element; unchanged if 1.31.0 is listed
 * versions.entries(bytes).get(0).get("version");        // "1.31.0"
 * }</pre>
 *
 * <p>The new element copies the layout of the existing first element: its indentation (4 spaces in
 * {@code versions.json}), whether it is on one line, the spacing around colons and commas, and the file's line
 * ending. Nothing else in the file changes. Values are written as JSON strings, keys in the map's order.
 */
public final class JsonArrayHead {
  private final String path;

  private JsonArrayHead(String path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The JSON array file at {@code path}. */
  public static JsonArrayHead at(String path) {
    return new JsonArrayHead(path);
  }

  /** The file's path relative to the repository root. */
  public String path() {
    return path;
  }

  /**
   * The elements in file order, each as its keys and values in file order. Values that are not single values
   * (nested objects or arrays) are left out; JSON {@code null} reads as "".
   *
   * @throws PreconditionException if the content is null, not JSON, or not an array of objects
   */
  public List<Map<String, String>> entries(byte[] content) {
    SequenceNode array = array(Texts.decode(path, content));
    List<Map<String, String>> out = new ArrayList<>();
    for (Node element : array.getValue()) {
      Map<String, String> map = new LinkedHashMap<>();
      for (NodeTuple t : object(element).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
          map.put(k.getValue(), Tree.text(v));
        }
      }
      out.add(map);
    }
    return out;
  }

  /**
   * The content with {@code entry} as the new first element, or the content unchanged if an element already has
   * the same value for {@code identityKey}.
   *
   * @throws PreconditionException if the entry lacks the identity key, or the file is not an array of objects
   */
  public byte[] insert(byte[] content, LinkedHashMap<String, String> entry, String identityKey) {
    Objects.requireNonNull(entry, "entry");
    if (identityKey == null || entry.get(identityKey) == null) {
      throw new PreconditionException(path + ": the entry " + entry + " has no value for the identity key \""
          + identityKey + "\", so a re-run could not tell whether it is already there. Add that key to the entry.");
    }
    String text = Texts.decode(path, content);
    SequenceNode array = array(text);
    String identity = entry.get(identityKey);
    for (Node element : array.getValue()) {
      for (NodeTuple t : object(element).getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(identityKey)
            && t.getValueNode() instanceof ScalarNode v && Tree.text(v).equals(identity)) {
          return content;
        }
      }
    }
    String eol = Texts.lineEnding(text);
    List<Node> elements = array.getValue();
    if (elements.isEmpty()) {
      int open = Tree.start(text, array) + 1;
      String inner = text.substring(open, Tree.end(text, array) - 1);
      String element = multiLine(entry, eol, "        ", "    ", ": ");
      return Texts.apply(content, text, new Texts.Edit(open, open + inner.length(), eol + "    " + element + eol));
    }
    MappingNode first = object(elements.get(0));
    int firstStart = Tree.start(text, first);
    int firstEnd = Tree.end(text, first);
    String firstText = text.substring(firstStart, firstEnd);
    String colon = ": ";
    if (!first.getValue().isEmpty()) {
      NodeTuple pair = first.getValue().get(0);
      colon = text.substring(Tree.end(text, pair.getKeyNode()), Tree.start(text, pair.getValueNode()));
    }
    String element;
    if (firstText.indexOf('\n') < 0 || first.getValue().isEmpty()) {
      String comma = ", ";
      String open = "";
      String close = "";
      if (!first.getValue().isEmpty()) {
        List<NodeTuple> pairs = first.getValue();
        open = text.substring(firstStart + 1, Tree.start(text, pairs.get(0).getKeyNode()));
        close = text.substring(Tree.end(text, pairs.get(pairs.size() - 1).getValueNode()), firstEnd - 1);
        if (pairs.size() > 1) {
          comma = text.substring(Tree.end(text, pairs.get(0).getValueNode()), Tree.start(text, pairs.get(1).getKeyNode()));
        }
      }
      StringBuilder sb = new StringBuilder("{").append(open);
      String sep = "";
      for (Map.Entry<String, String> e : entry.entrySet()) {
        sb.append(sep).append(Texts.jsonString(e.getKey())).append(colon).append(Texts.jsonString(e.getValue()));
        sep = comma;
      }
      element = sb.append(close).append('}').toString();
    } else {
      String keyIndent = indentOf(text, Tree.start(text, first.getValue().get(0).getKeyNode()));
      String closeIndent = indentOf(text, firstEnd - 1);
      element = multiLine(entry, eol, keyIndent, closeIndent, colon);
    }
    String separator;
    if (elements.size() > 1) {
      separator = text.substring(firstEnd, Tree.start(text, elements.get(1)));
    } else {
      String lead = text.substring(Tree.start(text, array) + 1, firstStart);
      separator = lead.isEmpty() ? ", " : "," + lead;
    }
    byte[] out = Texts.apply(content, text, new Texts.Edit(firstStart, firstStart, element + separator));
    List<Map<String, String>> check = entries(out);
    if (!check.get(0).equals(entry)) {
      throw new IllegalStateException(path + ": inserted " + entry + " but read back " + check.get(0));
    }
    return out;
  }

  private static String multiLine(Map<String, String> entry, String eol, String keyIndent, String closeIndent,
      String colon) {
    StringBuilder sb = new StringBuilder("{").append(eol);
    int i = 0;
    for (Map.Entry<String, String> e : entry.entrySet()) {
      sb.append(keyIndent).append(Texts.jsonString(e.getKey())).append(colon).append(Texts.jsonString(e.getValue()));
      sb.append(++i < entry.size() ? "," : "").append(eol);
    }
    return sb.append(closeIndent).append('}').toString();
  }

  /** The whitespace between the start of the line holding {@code index} and the first non-blank character. */
  private static String indentOf(String text, int index) {
    int lineStart = text.lastIndexOf('\n', index - 1) + 1;
    int i = lineStart;
    while (i < index && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(lineStart, i);
  }

  private SequenceNode array(String text) {
    Node root = Tree.compose(path, text, Tree.Syntax.JSON).orElse(null);
    if (!(root instanceof SequenceNode array)) {
      throw new PreconditionException(path + ": expected a JSON array of objects at the top level, such as"
          + " [{\"version\": \"1.31.0\"}], but found " + (root == null ? "nothing" : "something else")
          + ". Fix the file or the path.");
    }
    return array;
  }

  private MappingNode object(Node element) {
    if (!(element instanceof MappingNode mapping)) {
      throw new PreconditionException(path + ": every element of the array must be an object such as"
          + " {\"version\": \"1.31.0\"}; found another kind of value. Fix the file or the path.");
    }
    return mapping;
  }

  @Override
  public String toString() {
    return "JsonArrayHead(" + path + ")";
  }
}
