package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module-level Python assignment of a literal, {@code NAME = 'x'}, {@code NAME: Final = "x"} or
 * {@code NAME = 57}, located by a line-anchored pattern. Python is not YAML: a precise pattern for one statement
 * form is the honest parser here.
 */
record PythonAssignment(String name, String value, int valueStart, int valueEnd, char quote) {

  /** Finds the one assignment of {@code name}; none or several is a precondition failure. */
  static PythonAssignment find(String path, String text, String name) {
    Pattern p = Pattern.compile("(?m)^" + Pattern.quote(name)
        + "(?![A-Za-z0-9_])[ \\t]*(?::[^=\\r\\n]*)?=(?!=)[ \\t]*"
        + "(?:([0-9]+)|'([^'\\\\\\r\\n]*)'|\"([^\"\\\\\\r\\n]*)\")[ \\t]*(?:#[^\\r\\n]*)?(?=\\r?\\n|\\z)");
    Matcher m = p.matcher(text);
    List<PythonAssignment> found = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    while (m.find()) {
      int group = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
      char quote = group == 1 ? 0 : group == 2 ? '\'' : '"';
      found.add(new PythonAssignment(name, m.group(group), m.start(group), m.end(group), quote));
      lines.add(Texts.lineOf(text, m.start()));
    }
    if (found.isEmpty()) {
      throw new PreconditionException(path + ": no line assigns " + name + " a number or a quoted string (expected"
          + " a line such as " + name + " = '1.2.3' or " + name + ": Final = \"1.2.3\" at the start of a line)."
          + " Fix the variable name or the path in the Conventions' version files.");
    }
    if (found.size() > 1) {
      throw new PreconditionException(path + ": " + name + " is assigned " + found.size() + " times (lines "
          + lines + "); releasekit edits exactly one assignment. Remove the extra assignments.");
    }
    return found.get(0);
  }

  boolean isNumber() {
    return quote == 0;
  }

  /** The edit that makes this assignment hold {@code newValue}, keeping its quotes; null if nothing changes. */
  Texts.Edit edit(String newValue) {
    if (newValue.equals(value)) {
      return null;
    }
    if (isNumber() && !newValue.matches("[0-9]+")) {
      return new Texts.Edit(valueStart, valueEnd, "\"" + newValue + "\"");
    }
    return new Texts.Edit(valueStart, valueEnd, newValue);
  }

  static void requireWritable(String path, String name, String value) {
    Texts.requireSingleLine(path, name, value);
    if (value.indexOf('\\') >= 0 || value.indexOf('\'') >= 0 || value.indexOf('"') >= 0) {
      throw new PreconditionException(path + ": the value for " + name + " contains a quote or a backslash: "
          + value + ". Pass a plain value such as 1.2.3.");
    }
  }
}
