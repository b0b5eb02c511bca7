package dev.releasekit;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Hears what a plan or run is doing, as OkHttp's {@code EventListener} does for calls. Every method has an empty
 * default, so a listener overrides only what it needs. {@link #console()} prints a line per step.
 *
 * <pre>{@code
 * Release.of("0.57").listener(new ReleaseListener() {
 *   public void stepFinished(int index, StepResult result) { metrics.count(result.outcome()); }
 * });
 * }</pre>
 */
public interface ReleaseListener {

  /**
   * Called once per plan or run, before any other event, with every credential the release's services hold: the
   * repositories' {@linkplain Release#credentials push tokens} and the secrets of each hosting (wired or found from
   * origin), registry, announcer and endpoint that is a {@link dev.releasekit.spi.SecretHolder}. A listener that
   * writes to a log that masks registers them here ({@code GitHubActions}' listener prints {@code ::add-mask::}).
   */
  default void secretsInUse(java.util.List<Secret> secrets) {
  }

  default void stepStarted(int index, String description) {
  }

  /**
   * Progress of step {@code index} (picks made, an image awaited), or, with {@code index} 0, of the run before its
   * first step: waiting for another run's lease.
   */
  default void progress(int index, String message) {
  }

  default void stepFinished(int index, StepResult result) {
  }

  /**
   * A listener for people watching: one line per finished step on standard error (its outcome, description and
   * the first line of its detail), and an indented line for each progress report of a long step (picks done of
   * the total, an image wait's elapsed time and deadline). Summaries and outputs are left to the report, so each
   * is printed once. Outcomes are coloured only when standard error is a terminal.
   */
  static ReleaseListener console() {
    PrintStream err = System.err;
    return console(new PrintWriter(err, true, Charset.defaultCharset()), System.console() != null);
  }

  /**
   * The {@linkplain #console() console listener} on {@code out}, which it flushes after each line; {@code colour}
   * says whether outcomes get ANSI colours (only for a terminal).
   */
  static ReleaseListener console(PrintWriter out, boolean colour) {
    java.util.Objects.requireNonNull(out, "out");
    return new ReleaseListener() {
      @Override
      public void progress(int index, String message) {
        out.println("[releasekit] " + (index == 0 ? "" : index + ")   ") + firstLine(message));
        out.flush();
      }

      @Override
      public void stepFinished(int index, StepResult result) {
        String outcome = String.format("%-12s", result.outcome());
        String detail = firstLine(result.detail());
        out.println("[releasekit] " + index + ") " + (colour ? paint(result.outcome(), outcome) : outcome) + " "
            + result.description() + (detail.isEmpty() ? "" : " - " + detail));
        out.flush();
      }

      private String paint(Outcome outcome, String text) {
        String code = switch (outcome) {
          case DONE -> "32";
          case WOULD_DO -> "36";
          case ALREADY_DONE -> "2";
          case BLOCKED -> "1;31";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
      }

      private String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " ...";
      }
    };
  }

  /** A listener that ignores everything. */
  static ReleaseListener silent() {
    return new ReleaseListener() {
    };
  }
}
