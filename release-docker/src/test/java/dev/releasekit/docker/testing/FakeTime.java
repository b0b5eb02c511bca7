package dev.releasekit.docker.testing;

import dev.releasekit.docker.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A clock that moves only when something sleeps on it, so waits in tests take no time. An optional hook runs on
 * each sleep, for example to push the image a test waits for.
 */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();
  private Consumer<Integer> onSleep = count -> { };

  public FakeTime(Instant start) {
    this.now = start;
  }

  /** Runs {@code hook} with the number of sleeps so far (1 for the first) after each sleep. */
  public FakeTime onSleep(Consumer<Integer> hook) {
    this.onSleep = hook;
    return this;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
    onSleep.accept(sleeps.size());
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }
}
