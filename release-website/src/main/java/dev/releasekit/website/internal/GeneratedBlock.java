package dev.releasekit.website.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file releasekit generated, between two HTML comments that Markdown keeps out of the page:
 *
 * <pre>{@code
 * <!-- releasekit:notes 0.57 sha256:3f2a9c0d1e4b begin: generated from the release notes; ... -->
 * ...
 * <!-- releasekit:notes 0.57 end -->
 * }</pre>
 *
 * <p>The begin marker records the hash of what was generated, so a re-run tells a part a person edited (the hash no
 * longer matches) from one that is as generated but out of date (it matches, and the notes changed since).
 */
public record GeneratedBlock(int start, int end, String body, String recordedHash) {

  /** The block of {@code id} in {@code text}, when both markers are there. */
  public static Optional<GeneratedBlock> find(String text, String id) {
    Matcher begin = Pattern.compile("<!-- releasekit:notes " + Pattern.quote(id)
        + " sha256:([0-9a-f]{12}) begin[^\\n]*-->\\n").matcher(text);
    if (!begin.find()) {
      return Optional.empty();
    }
    String endMarker = endMarker(id);
    int close = text.indexOf(endMarker, begin.end());
    if (close < 0) {
      return Optional.empty();
    }
    return Optional.of(new GeneratedBlock(begin.start(), close + endMarker.length(), text.substring(begin.end(),
        close), begin.group(1)));
  }

  /** Whether {@code text} has either marker of {@code id}. */
  public static boolean hasAnyMarker(String text, String id) {
    return text.contains("<!-- releasekit:notes " + id + " ");
  }

  /** The whole block for {@code body}, markers included, ending with a newline. */
  public static String of(String id, String body) {
    String text = body.endsWith("\n") ? body : body + "\n";
    return "<!-- releasekit:notes " + id + " sha256:" + hash(text) + " begin: generated from the release notes;"
        + " edit outside these markers, or regenerate -->\n" + text + endMarker(id);
  }

  /** Whether the body is still as generated: a person who edits it changes its hash. */
  public boolean untouched() {
    return hash(body).equals(recordedHash);
  }

  private static String endMarker(String id) {
    return "<!-- releasekit:notes " + id + " end -->\n";
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
