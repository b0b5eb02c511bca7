package dev.releasekit.github.internal;

import dev.releasekit.spi.Sleeper;
import java.time.Duration;
import java.util.Random;

/** How long to wait before attempt {@code n + 1}: exponential, capped, with jitter so parallel runs spread out. */
final class Backoff {
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Random jitter = new Random();

  Backoff(Sleeper sleeper, int maxAttempts) {
    this.sleeper = sleeper;
    this.maxAttempts = maxAttempts;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  void after(int attempt) {
    long base = Math.min(30_000L, 1000L << Math.min(attempt - 1, 5));
    long millis = base / 2 + (long) (jitter.nextDouble() * (base / 2.0));
    sleeper.sleep(Duration.ofMillis(millis));
  }
}
