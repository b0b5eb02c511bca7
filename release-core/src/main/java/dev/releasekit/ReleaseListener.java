package dev.releasekit;

/**
 * Hears what a plan or run is doing, as OkHttp's {@code EventListener} does for calls. Every method has an empty
 * default, so a listener overrides only what it needs. {@link #console()} prints a line per event.
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

  /** A listener that prints each event to standard error, for people watching a terminal. */
  static ReleaseListener console() {
    return new ReleaseListener() {
      @Override
      public void stepStarted(int index, String description) {
        System.err.println("[releasekit] " + index + ") " + description + " ...");
      }

      @Override
      public void progress(int index, String message) {
        System.err.println("[releasekit] " + index + ")   " + message);
      }

      @Override
      public void stepFinished(int index, StepResult result) {
        System.err.println("[releasekit] " + index + ") " + result.outcome()
            + (result.detail().isEmpty() ? "" : ": " + result.detail()));
      }
    };
  }

  /** A listener that ignores everything. */
  static ReleaseListener silent() {
    return new ReleaseListener() {
    };
  }
}
