package dev.releasekit.spi;

import dev.releasekit.ReleaseException;
import java.time.Duration;

/**
 * How a client waits: between retries, for a rate limit to reset, while polling for an image. The default really
 * sleeps; tests pass one that advances a fake clock, so no test ever waits for real.
 *
 * <pre>{@code
 * GitHub.builder().clock(fakeTime).sleeper(fakeTime)...
 * Registry.builder().clock(fakeTime).sleeper(fakeTime)...
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}; an interruption ends the wait with a {@link ReleaseException}. */
  void sleep(Duration duration);

  /** The sleeper that really sleeps the current thread. */
  static Sleeper system() {
    return duration -> {
      try {
        Thread.sleep(Math.max(0, duration.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReleaseException("Interrupted while waiting; the wait itself wrote nothing. Run again to continue;"
            + " steps already done will be skipped.", e);
      }
    };
  }
}
