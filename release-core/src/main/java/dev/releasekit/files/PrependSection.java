package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown changelog that grows at the top, newest first, such as PostHog's {@code CHANGELOG.md}.
 *
 * <pre>{@code
 * PrependSection changelog = PrependSection.at("CHANGELOG.md");
 * if (!changelog.hasSection(bytes, "### 1.31.0")) {
 *   bytes = changelog.prepend(bytes, "### 1.31.0 - Thursday 16 December\n\n- Faster funnels\n");
 * }
 * }</pre>
 *
 * <p>The section must start with a Markdown heading ({@code ### ...}). It is inserted before the first existing
 * heading of the same level, so it lands after any title and introduction; if there is no such heading it goes at
 * the end. One blank line separates it from what follows, and its line breaks are converted to the file's (LF or
 * CRLF). Headings inside fenced code blocks are ignored.
 */
public final class PrependSection {
  private static final Pattern HEADING = Pattern.compile("(#{1,6})(?:[ \\t]|$)");

  private final String path;

  private PrependSection(String path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The Markdown file at {@code path}. */
  public static PrependSection at(String path) {
    return new PrependSection(path);
  }

  /** The file's path relative to the repository root. */
  public String path() {
    return path;
  }

  /**
   * Whether a heading line starts with {@code headingPrefix}, such as {@code "### 1.31.0"}. The prefix must end at
   * a word boundary: {@code "### 1.3"} does not match {@code ### 1.31.0}, nor {@code "### 1.31.0"} the heading
   * {@code ### 1.31.0-rc.1}.
   *
   * @throws PreconditionException if the content is null or the prefix is not a heading
   */
  public boolean hasSection(byte[] content, String headingPrefix) {
    if (headingPrefix == null || !HEADING.matcher(headingPrefix).lookingAt()) {
      throw new PreconditionException(path + ": \"" + headingPrefix + "\" is not a Markdown heading prefix."
          + " Pass the start of a heading such as \"### 1.31.0\".");
    }
    String text = Texts.decode(path, content);
    char last = headingPrefix.charAt(headingPrefix.length() - 1);
    boolean boundaryInPrefix = !isWordChar(last);
    for (Line line : new Lines(text)) {
      if (line.heading() > 0 && line.text().startsWith(headingPrefix)) {
        String rest = line.text().substring(headingPrefix.length());
        if (boundaryInPrefix || rest.isEmpty() || !isWordChar(rest.charAt(0))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
  }

  /**
   * The content with {@code section} inserted before the first heading of the same level. If the file already
   * holds a heading identical to the section's first line, the content is returned unchanged, so a re-run writes
   * nothing; use {@link #hasSection} to detect a different section for the same version.
   *
   * @throws PreconditionException if the content is null or the section does not start with a heading
   */
  public byte[] prepend(byte[] content, String section) {
    String text = Texts.decode(path, content);
    if (section == null) {
      throw new PreconditionException(path + ": no section was given. Pass the section's Markdown text.");
    }
    String eol = Texts.lineEnding(text);
    String[] sectionLines = section.strip().split("\r?\n", -1);
    Matcher h = HEADING.matcher(sectionLines[0]);
    if (section.isBlank() || !h.lookingAt()) {
      throw new PreconditionException(path + ": the section must start with a Markdown heading such as"
          + " \"### 1.31.0 - Thursday 16 December\", but starts with \"" + sectionLines[0] + "\".");
    }
    int level = h.group(1).length();
    String headingLine = sectionLines[0].stripTrailing();
    Integer insertAt = null;
    for (Line line : new Lines(text)) {
      if (line.heading() == level && line.text().stripTrailing().equals(headingLine)) {
        return content;
      }
      if (insertAt == null && line.heading() == level) {
        insertAt = line.start();
      }
    }
    StringBuilder block = new StringBuilder();
    for (String l : sectionLines) {
      block.append(l.stripTrailing().isEmpty() ? "" : l).append(eol);
    }
    if (insertAt != null) {
      block.append(eol);
      return Texts.apply(content, text, new Texts.Edit(insertAt, insertAt, block.toString()));
    }
    String before = "";
    if (!text.isEmpty()) {
      before = text.endsWith("\n") ? "" : eol;
      String trimmed = (text + before);
      before += trimmed.endsWith(eol + eol) || trimmed.isBlank() ? "" : eol;
    }
    return Texts.apply(content, text, new Texts.Edit(text.length(), text.length(), before + block));
  }

  /** A line without its line break, and its Markdown heading level (0 when it is not a heading). */
  private record Line(String text, int start, int heading) {
  }

  /** The lines of a text, with fenced code blocks recognised so that their {@code #} lines are not headings. */
  private record Lines(String text) implements Iterable<Line> {
    @Override
    public Iterator<Line> iterator() {
      List<Line> lines = new ArrayList<>();
      int start = 0;
      String fence = null;
      while (start < text.length()) {
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? text.length() : nl;
        String line = text.substring(start, end);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        String stripped = line.stripLeading();
        int heading = 0;
        if (fence != null) {
          if (stripped.startsWith(fence)) {
            fence = null;
          }
        } else if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
          fence = stripped.substring(0, 3);
        } else {
          Matcher m = HEADING.matcher(line);
          if (m.lookingAt()) {
            heading = m.group(1).length();
          }
        }
        lines.add(new Line(line, start, heading));
        start = nl < 0 ? text.length() : nl + 1;
      }
      return lines.iterator();
    }
  }

  @Override
  public String toString() {
    return "PrependSection(" + path + ")";
  }
}
