package dev.releasekit.docker;

import dev.releasekit.ReleaseException;
import java.time.Duration;

/**
 * How the registry waits: between polls of {@link Registry#awaitTag}, before retrying a failed read, and until a
 * rate limit resets. Tests give a sleeper that advances their clock instead of sleeping.
 *
 * <pre>{@code
 * MutableClock clock = ...;
 * Registry registry = Registry.builder().clock(clock).sleeper(clock::advance).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration);

  /** Sleeps the current thread; an interruption stops the wait with a {@link ReleaseException}. */
  static Sleeper system() {
    return duration -> {
      try {
        Thread.sleep(Math.max(0, duration.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReleaseException("Interrupted while waiting; nothing was written by the wait. Run again.", e);
      }
    };
  }
}
