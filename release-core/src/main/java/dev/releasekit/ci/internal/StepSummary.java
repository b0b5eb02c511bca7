package dev.releasekit.ci.internal;

import java.nio.charset.StandardCharsets;

/**
 * Fits Markdown into what is left of a step summary's 1 MiB: the full form when it fits, else the form without
 * diffs and outputs, else that form cut at a line boundary with a note saying where the rest is.
 */
public final class StepSummary {
  /** GitHub's limit for one step's summary file. */
  public static final long LIMIT = 1024 * 1024;

  private StepSummary() {
  }

  /**
   * The text to append to a summary that already holds {@code used} bytes.
   *
   * @param full the Markdown with diffs and outputs
   * @param compact the Markdown without them
   */
  public static String fit(String full, String compact, long used) {
    long budget = LIMIT - used;
    if (bytes(full) <= budget) {
      return full;
    }
    if (bytes(compact) <= budget) {
      return compact;
    }
    String note = "\n_The summary is cut here to stay under GitHub's 1 MiB limit; the whole report is in the"
        + " job's log._\n";
    long room = budget - bytes(note);
    if (room <= 0) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    long size = 0;
    for (String line : compact.split("\n", -1)) {
      long lineSize = bytes(line) + 1;
      if (size + lineSize > room) {
        break;
      }
      kept.append(line).append('\n');
      size += lineSize;
    }
    return kept.append(note).toString();
  }

  public static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
