package dev.releasekit.files;

import java.util.Objects;

/**
 * A Python module variable holding the version as a string, such as PostHog's {@code posthog/version.py}:
 * {@code VERSION = "1.30.0"}.
 *
 * <pre>{@code
 * PythonString version = PythonString.at("posthog/version.py", "VERSION");
 * version.read(bytes);                         // 1.30.0
 * version.writeValue(bytes, "1.31.0");         // VERSION = "1.31.0", nothing else changes
 * }</pre>
 *
 * <p>The assignment must be at the start of a line, once, to a single- or double-quoted string; an annotation
 * ({@code VERSION: Final = "1.30.0"}), the quotes and a trailing comment are kept.
 */
public record PythonString(String path, String variable) implements VersionFile {

  public PythonString {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(variable, "variable");
  }

  /** The string assigned to {@code variable} in the Python file at {@code path}. */
  public static PythonString at(String path, String variable) {
    return new PythonString(path, variable);
  }

  @Override
  public String readValue(byte[] content) {
    return PythonAssignment.find(path, Texts.decode(path, content), variable).value();
  }

  @Override
  public byte[] writeValue(byte[] content, String value) {
    String text = Texts.decode(path, content);
    PythonAssignment assignment = PythonAssignment.find(path, text, variable);
    PythonAssignment.requireWritable(path, variable, value);
    Texts.Edit edit = assignment.edit(value);
    return edit == null ? content : Texts.apply(content, text, edit);
  }

  @Override
  public String toString() {
    return "PythonString(" + path + ", " + variable + ")";
  }
}
