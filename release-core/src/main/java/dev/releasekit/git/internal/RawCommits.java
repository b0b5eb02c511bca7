package dev.releasekit.git.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;

/**
 * Reads a raw commit object the way git's {@code pretty.c} does for {@code --pretty=format:}, without building
 * JGit's {@code PersonIdent}s or decoding more than is asked for. Not API.
 *
 * <ul>
 *   <li>{@code %s} ({@link #subject(byte[])}): the message's leading blank lines are skipped; then every line up to
 *       the first blank one, each with its trailing white space ({@code ' '}, {@code \t}, {@code \r}, {@code \n})
 *       removed, joined by single spaces ({@code format_subject}). A NUL ends the message, as in C.
 *   <li>{@code %ae} ({@link #authorEmail(byte[])}): the bytes between the first {@code <} and the next {@code >} of
 *       the last {@code author} header line, untrimmed ({@code split_ident_line}); empty when the line has none.
 *   <li>Text is decoded from the commit's {@code encoding} header when it names a known charset, else as UTF-8:
 *       what git prints with its default {@code i18n.logOutputEncoding} (UTF-8), except that bytes which are not
 *       valid UTF-8 in a commit without an {@code encoding} header become U+FFFD here, where git copies them.
 * </ul>
 */
public final class RawCommits {
  private RawCommits() {
  }

  /** Where one commit's parts are, found in one pass over its headers. */
  public record Layout(byte[] raw, int authorStart, int authorEnd, int messageStart, Charset charset) {
  }

  public static Layout layout(byte[] raw) {
    int authorStart = -1;
    int authorEnd = -1;
    Charset charset = StandardCharsets.UTF_8;
    int i = 0;
    int n = raw.length;
    while (i < n && raw[i] != 0) {
      int eol = i;
      while (eol < n && raw[eol] != '\n' && raw[eol] != 0) {
        eol++;
      }
      if (eol == i) {
        // The blank line after the headers; the message starts after it.
        return new Layout(raw, authorStart, authorEnd, raw[i] == '\n' ? i + 1 : i, charset);
      }
      if (startsWith(raw, i, eol, "author ")) {
        authorStart = i + "author ".length();
        authorEnd = eol;
      } else if (startsWith(raw, i, eol, "encoding ")) {
        charset = charset(new String(raw, i + "encoding ".length(), eol - i - "encoding ".length(),
            StandardCharsets.US_ASCII));
      }
      i = eol + 1;
    }
    return new Layout(raw, authorStart, authorEnd, Math.min(i, n), charset);
  }

  /** The {@code %s} of a commit. */
  public static String subject(Layout commit) {
    byte[] raw = commit.raw();
    int n = raw.length;
    int i = skipBlankLines(raw, commit.messageStart());
    StringBuilder out = null;
    int from = -1;
    int to = -1;
    while (i < n && raw[i] != 0) {
      int eol = i;
      while (eol < n && raw[eol] != '\n' && raw[eol] != 0) {
        eol++;
      }
      int end = eol;
      while (end > i && isSpace(raw[end - 1])) {
        end--;
      }
      if (end == i) {
        break;
      }
      if (from < 0) {
        from = i;
        to = end;
      } else {
        if (out == null) {
          out = new StringBuilder(new String(raw, from, to - from, commit.charset()));
        }
        out.append(' ').append(new String(raw, i, end - i, commit.charset()));
      }
      i = eol < n && raw[eol] == '\n' ? eol + 1 : eol;
    }
    if (from < 0) {
      return "";
    }
    return out != null ? out.toString() : new String(raw, from, to - from, commit.charset());
  }

  /** The whole message (everything after the headers' blank line), decoded. */
  public static String message(Layout commit) {
    byte[] raw = commit.raw();
    int start = commit.messageStart();
    int end = start;
    while (end < raw.length && raw[end] != 0) {
      end++;
    }
    return new String(raw, start, end - start, commit.charset());
  }

  /** The {@code %ae} of a commit. */
  public static String authorEmail(Layout commit) {
    int lt = indexOf(commit.raw(), commit.authorStart(), commit.authorEnd(), '<');
    if (lt < 0) {
      return "";
    }
    int gt = indexOf(commit.raw(), lt + 1, commit.authorEnd(), '>');
    return gt < 0 ? "" : new String(commit.raw(), lt + 1, gt - lt - 1, commit.charset());
  }

  /** The {@code %an} of a commit: the author line up to its {@code <}, without the white space before it. */
  public static String authorName(Layout commit) {
    int lt = indexOf(commit.raw(), commit.authorStart(), commit.authorEnd(), '<');
    if (lt < 0) {
      return "";
    }
    int end = lt;
    while (end > commit.authorStart() && isSpace(commit.raw()[end - 1])) {
      end--;
    }
    return new String(commit.raw(), commit.authorStart(), end - commit.authorStart(), commit.charset());
  }

  /** The author date, or null when the author line has none that can be read. */
  public static Instant authorTime(Layout commit) {
    byte[] raw = commit.raw();
    int gt = commit.authorStart() < 0 ? -1 : lastIndexOf(raw, commit.authorStart(), commit.authorEnd(), '>');
    if (gt < 0) {
      return null;
    }
    int i = gt + 1;
    while (i < commit.authorEnd() && raw[i] == ' ') {
      i++;
    }
    long seconds = 0;
    int digits = 0;
    while (i < commit.authorEnd() && raw[i] >= '0' && raw[i] <= '9' && digits < 18) {
      seconds = seconds * 10 + (raw[i] - '0');
      i++;
      digits++;
    }
    return digits == 0 ? null : Instant.ofEpochSecond(seconds);
  }

  private static int skipBlankLines(byte[] raw, int i) {
    int n = raw.length;
    while (i < n && raw[i] != 0) {
      int eol = i;
      while (eol < n && raw[eol] != '\n' && raw[eol] != 0) {
        eol++;
      }
      for (int j = i; j < eol; j++) {
        if (!isSpace(raw[j])) {
          return i;
        }
      }
      if (eol >= n || raw[eol] == 0) {
        return eol;
      }
      i = eol + 1;
    }
    return i;
  }

  /** git's {@code isspace}: space, tab, line feed and carriage return, nothing else. */
  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean startsWith(byte[] raw, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (raw[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] raw, int from, int to, char c) {
    if (from < 0) {
      return -1;
    }
    for (int i = from; i < to; i++) {
      if (raw[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] raw, int from, int to, char c) {
    for (int i = to - 1; i >= from; i--) {
      if (raw[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
