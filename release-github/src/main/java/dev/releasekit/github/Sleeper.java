package dev.releasekit.github;

import java.time.Duration;

/**
 * How the client waits between retries and for rate limits. The default really sleeps; tests pass one that
 * advances a fake clock, so no test ever waits for real.
 *
 * <pre>{@code
 * GitHub.builder().clock(fakeClock).sleeper(d -> fakeClock.advance(d))...
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}; an interrupt ends the wait early and is turned into an error by the caller. */
  void sleep(Duration duration) throws InterruptedException;

  /** The sleeper that really sleeps. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
