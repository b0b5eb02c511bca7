package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text helpers shared by the updaters. Edits are applied to the original bytes, so everything outside an edited
 * range stays byte for byte, whatever the decoder would have made of it.
 */
final class Texts {

  private Texts() {
  }

  /** One replacement of the chars {@code [start, end)} of the decoded text. */
  record Edit(int start, int end, String replacement) {
  }

  /** Decodes strict UTF-8; a null content (file not read) or bytes that are not UTF-8 are a precondition failure. */
  static String decode(String path, byte[] content) {
    if (content == null) {
      throw new PreconditionException(path + ": no content was given (the file is missing or was not read)."
          + " Create the file or fix its path in the Conventions' version files.");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PreconditionException(path + ": the file is not UTF-8 text; releasekit edits UTF-8 files only."
          + " Convert it to UTF-8 and run again.", e);
    }
  }

  /** Applies non-overlapping edits to {@code content}, whose decoded form is {@code text}. */
  static byte[] apply(byte[] content, String text, List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start));
    byte[][] parts = new byte[sorted.size() * 2 + 1][];
    int byteCursor = 0;
    int charCursor = 0;
    int total = 0;
    int i = 0;
    for (Edit e : sorted) {
      if (e.start() < charCursor) {
        throw new IllegalArgumentException("overlapping edits " + sorted);
      }
      int startByte = byteCursor + utf8Length(text, charCursor, e.start());
      int endByte = startByte + utf8Length(text, e.start(), e.end());
      parts[i++] = slice(content, byteCursor, startByte);
      parts[i++] = e.replacement().getBytes(StandardCharsets.UTF_8);
      byteCursor = endByte;
      charCursor = e.end();
    }
    parts[i++] = slice(content, byteCursor, content.length);
    for (int k = 0; k < i; k++) {
      total += parts[k].length;
    }
    byte[] out = new byte[total];
    int pos = 0;
    for (int k = 0; k < i; k++) {
      System.arraycopy(parts[k], 0, out, pos, parts[k].length);
      pos += parts[k].length;
    }
    return out;
  }

  static byte[] apply(byte[] content, String text, Edit edit) {
    return apply(content, text, List.of(edit));
  }

  private static byte[] slice(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  /** The number of UTF-8 bytes of {@code s[from, to)}. */
  static int utf8Length(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** The file's line ending: CRLF if its first line break is one, else LF. */
  static String lineEnding(String text) {
    int nl = text.indexOf('\n');
    return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
  }

  /** The 1-based line number of a char index, for messages. */
  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Rejects values that would break the single line they are written into. */
  static void requireSingleLine(String path, String what, String value) {
    if (value == null) {
      throw new PreconditionException(path + ": no value was given for " + what + ". Pass the text to write.");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new PreconditionException(path + ": the value for " + what + " contains a line break: \""
          + value.replace("\n", "\\n").replace("\r", "\\r") + "\". Pass a single-line value.");
    }
  }

  static String jsonString(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
