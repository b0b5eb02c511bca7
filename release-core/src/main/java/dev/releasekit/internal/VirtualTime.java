package dev.releasekit.internal;

import dev.releasekit.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A plan's time: it starts at the release clock's now and only moves when someone sleeps on it, at once. A step
 * that loops on {@link Sleeper#sleep} in a plan reaches its deadline without waiting, and nothing really sleeps.
 */
public final class VirtualTime extends Clock implements Sleeper {
  private final Clock base;
  private final Instant start;
  private Duration slept = Duration.ZERO;

  public VirtualTime(Clock base) {
    this.base = base;
    this.start = base.instant();
  }

  @Override
  public synchronized void sleep(Duration duration) {
    if (!duration.isNegative()) {
      slept = slept.plus(duration);
    }
  }

  @Override
  public synchronized Instant instant() {
    return start.plus(slept);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return base.withZone(zone);
  }
}
