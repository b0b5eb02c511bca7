package dev.releasekit.testing;

import dev.releasekit.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A clock that only moves when someone sleeps on it, shared by every module's tests: a client's waits (retry
 * backoff, rate-limit resets, polling) advance it instantly, and the test reads back every wait. Nothing ever
 * really sleeps.
 */
public final class FakeTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();
  private IntConsumer onSleep = count -> { };

  public FakeTime(Instant start) {
    this.now = start;
  }

  public static FakeTime at(String instant) {
    return new FakeTime(Instant.parse(instant));
  }

  /** Runs {@code hook} with the number of sleeps so far (1 for the first) after each sleep. */
  public FakeTime onSleep(IntConsumer hook) {
    this.onSleep = hook;
    return this;
  }

  @Override
  public void sleep(Duration duration) {
    int count;
    synchronized (this) {
      sleeps.add(duration);
      now = now.plus(duration);
      count = sleeps.size();
    }
    onSleep.accept(count);
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Every wait so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
