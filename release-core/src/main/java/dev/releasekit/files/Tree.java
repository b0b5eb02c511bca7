package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Finds values in YAML and JSON text with snakeyaml-engine's composer, whose nodes carry their start and end
 * positions, so that an updater can splice the text without re-serialising the document. Reading and writing both
 * go through {@link #locate}.
 */
final class Tree {

  private Tree() {
  }

  /** A scalar found at a key path, with its range in the decoded text as Java char indices. */
  record Found(ScalarNode node, int start, int end) {

    /** The value as a string: a YAML null ({@code tag:}, {@code ~}, {@code null}) reads as "". */
    String value() {
      return text(node);
    }
  }

  static String text(ScalarNode node) {
    return Tag.NULL.equals(node.getTag()) ? "" : node.getValue();
  }

  /** The syntax a file is written in. */
  enum Syntax {
    YAML, JSON
  }

  /** Composes the single document of {@code text}; an empty document is {@code Optional.empty()}. */
  static Optional<Node> compose(String path, String text, Syntax syntax) {
    // JSON allows tabs between tokens, YAML not for indentation. A JSON string cannot hold a raw tab, so every tab
    // is whitespace between tokens: a space in its place keeps every index and makes the text YAML.
    String source = syntax == Syntax.JSON ? text.replace('\t', ' ') : text;
    try {
      return new Compose(LoadSettings.builder().setLabel(path).build()).composeString(source);
    } catch (YamlEngineException e) {
      throw new PreconditionException(path + ": cannot parse the file: " + e.getMessage()
          + "\nFix the syntax (or the path in the Conventions) and run again.", e);
    }
  }

  /** Converts a snakeyaml mark (it counts code points) to a Java char index into {@code text}. */
  static int charIndex(String text, Optional<Mark> mark) {
    int codePoints = mark.orElseThrow(() -> new IllegalStateException("snakeyaml node without a mark")).getIndex();
    return text.offsetByCodePoints(0, codePoints);
  }

  static int start(String text, Node node) {
    return charIndex(text, node.getStartMark());
  }

  static int end(String text, Node node) {
    return charIndex(text, node.getEndMark());
  }

  /**
   * Finds the scalar at a dotted key path such as {@code image.default}; a segment that is a number indexes a
   * sequence ({@code entries.0.version}).
   *
   * @throws PreconditionException naming the file and the key when any segment is missing or not a scalar
   */
  static Found locate(String path, String text, String keyPath, Syntax syntax) {
    if (keyPath == null || keyPath.isEmpty()) {
      throw new PreconditionException(path + ": no key path was given. Pass a dotted path such as image.tag.");
    }
    Node node = compose(path, text, syntax).orElse(null);
    String[] segments = keyPath.split("\\.", -1);
    List<String> walked = new ArrayList<>();
    Node parentKey = null;
    for (String segment : segments) {
      String where = walked.isEmpty() ? "the top level" : "\"" + String.join(".", walked) + "\"";
      if (node instanceof MappingNode mapping) {
        NodeTuple match = null;
        List<String> keys = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
          String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
          keys.add(key);
          if (key.equals(segment)) {
            if (match != null) {
              throw new PreconditionException(path + ": key \"" + keyPath + "\" is ambiguous: \"" + segment
                  + "\" appears twice in " + where + ". Remove the duplicate key.");
            }
            match = t;
          }
        }
        if (match == null) {
          throw new PreconditionException(path + ": no key \"" + keyPath + "\": " + where + " has no \"" + segment
              + "\"" + (keys.isEmpty() ? "" : " (its keys: " + String.join(", ", keys) + ")")
              + ". Add the key to the file or fix the key path in the Conventions.");
        }
        parentKey = match.getKeyNode();
        node = match.getValueNode();
      } else if (node instanceof SequenceNode sequence && segment.matches("0|[1-9][0-9]{0,8}")) {
        int index = Integer.parseInt(segment);
        if (index >= sequence.getValue().size()) {
          throw new PreconditionException(path + ": no key \"" + keyPath + "\": " + where + " has "
              + sequence.getValue().size() + " elements, no element " + index + ". Fix the key path.");
        }
        parentKey = null;
        node = sequence.getValue().get(index);
      } else {
        throw new PreconditionException(path + ": no key \"" + keyPath + "\": " + where + " is "
            + describe(node) + ", not a mapping with \"" + segment + "\". Fix the key path in the Conventions.");
      }
      walked.add(segment);
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw new PreconditionException(path + ": \"" + keyPath + "\" is " + describe(node)
          + ", not a single value. Point the key path at a value, such as " + keyPath + ".tag.");
    }
    int start = start(text, scalar);
    int end = end(text, scalar);
    // An alias (*name) resolves to the anchored node, whose marks lie before the key: editing there would change
    // every place that uses the anchor.
    if (parentKey != null && start < end(text, parentKey)) {
      throw new PreconditionException(path + ": \"" + keyPath + "\" is an alias (*anchor) of a value defined"
          + " elsewhere in the file; releasekit will not edit a shared anchor. Write the value in place.");
    }
    return new Found(scalar, start, end);
  }

  private static String describe(Node node) {
    if (node == null) {
      return "empty";
    } else if (node instanceof MappingNode) {
      return "a mapping";
    } else if (node instanceof SequenceNode) {
      return "a list";
    }
    return "the value \"" + ((ScalarNode) node).getValue() + "\"";
  }
}
