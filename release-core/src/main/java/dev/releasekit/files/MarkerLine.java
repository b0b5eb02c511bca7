package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version on every line that carries a marker comment, for files no parser fits (a Dockerfile, a shell
 * script, a README badge).
 *
 * <pre>{@code
 * // FROM posthog/posthog:release-1.30.0-unstable  # x-releasekit-version
 * MarkerLine image = MarkerLine.at("Dockerfile");
 * image.readValue(bytes);                   // "1.30.0"
 * image.writeValue(bytes, "1.31.0");        // FROM posthog/posthog:release-1.31.0-unstable  # x-releasekit-version
 * }</pre>
 *
 * <p>On each line containing the marker ({@value #DEFAULT_MARKER} unless given), the first version-like token is
 * replaced: digits {@code x.y} or {@code x.y.z}, optionally followed by a PEP 440 suffix ({@code b1},
 * {@code rc1}, {@code .dev0}) or {@code -dev.N}, {@code -beta.N}, {@code -rc.N}, {@code -alpha.N}. Other text
 * after the numbers, such as {@code -unstable}, is kept. When several lines carry the marker, all are updated and
 * must agree when read.
 */
public record MarkerLine(String path, String marker) implements VersionFile {
  /** The marker looked for by {@link #at(String)}. */
  public static final String DEFAULT_MARKER = "x-releasekit-version";

  private static final Pattern TOKEN = Pattern.compile(
      "(?<![0-9.])[0-9]+\\.[0-9]+(?:\\.[0-9]+)?(?:(?:b|rc)[0-9]+|\\.dev[0-9]+|-(?:dev|beta|rc|alpha)\\.[0-9]+)?"
          + "(?!\\.?[0-9])");

  public MarkerLine {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(marker, "marker");
    if (marker.isEmpty()) {
      throw new PreconditionException("MarkerLine: the marker for " + path + " is empty. Pass a marker text.");
    }
  }

  /** The lines of {@code path} that contain {@value #DEFAULT_MARKER}. */
  public static MarkerLine at(String path) {
    return new MarkerLine(path, DEFAULT_MARKER);
  }

  /** The lines of {@code path} that contain {@code marker}. */
  public static MarkerLine at(String path, String marker) {
    return new MarkerLine(path, marker);
  }

  private record Hit(int line, int start, int end, String value) {
  }

  private List<Hit> hits(String text) {
    List<Hit> hits = new ArrayList<>();
    int lineStart = 0;
    int line = 1;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      String content = text.substring(lineStart, lineEnd);
      int at = content.indexOf(marker);
      if (at >= 0) {
        // Look outside the marker itself, so a marker holding digits is never taken for the version.
        String masked = content.substring(0, at) + " ".repeat(marker.length()) + content.substring(at + marker.length());
        Matcher m = TOKEN.matcher(masked);
        if (!m.find()) {
          throw new PreconditionException(path + ": line " + line + " carries the marker " + marker
              + " but has no version on it (such as 1.2.3 or 0.57.0b1): \"" + content.strip()
              + "\". Put the version on that line or remove the marker.");
        }
        hits.add(new Hit(line, lineStart + m.start(), lineStart + m.end(), m.group()));
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
      line++;
    }
    if (hits.isEmpty()) {
      throw new PreconditionException(path + ": no line contains the marker " + marker
          + ". Add a comment containing " + marker + " to the line that holds the version, or fix the path.");
    }
    return hits;
  }

  /**
   * The version on the marked lines.
   *
   * @throws PreconditionException if no line carries the marker, a marked line has no version, or two marked lines
   *     disagree
   */
  @Override
  public String readValue(byte[] content) {
    List<Hit> hits = hits(Texts.decode(path, content));
    String value = hits.get(0).value();
    for (Hit h : hits) {
      if (!h.value().equals(value)) {
        throw new PreconditionException(path + ": the lines marked " + marker + " disagree: line "
            + hits.get(0).line() + " has " + value + ", line " + h.line() + " has " + h.value()
            + ". Make them agree, then run again.");
      }
    }
    return value;
  }

  @Override
  public byte[] writeValue(byte[] content, String value) {
    Texts.requireSingleLine(path, marker, value);
    String text = Texts.decode(path, content);
    List<Texts.Edit> edits = new ArrayList<>();
    for (Hit h : hits(text)) {
      if (!h.value().equals(value)) {
        edits.add(new Texts.Edit(h.start(), h.end(), value));
      }
    }
    return edits.isEmpty() ? content : Texts.apply(content, text, edits);
  }

  @Override
  public String toString() {
    return "MarkerLine(" + path + ", " + marker + ")";
  }
}
