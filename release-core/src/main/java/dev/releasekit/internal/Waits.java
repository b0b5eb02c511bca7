package dev.releasekit.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way steps wait ({@link dev.releasekit.spi.StepContext#await}): the run polls with backoff on the
 * release's clock and sleeper; the plan checks once and, when it would have to wait, says so instead.
 */
public final class Waits {
  private Waits() {
  }

  /**
   * Ends a rehearsed step that would have to wait: the engine reports it as WOULD_DO with this message and goes
   * on. It is not a {@link dev.releasekit.ReleaseException}, so steps that handle those do not swallow it.
   */
  public static final class WouldWait extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WouldWait(String message) {
      super(message, null, false, false);
    }
  }

  /** The plan's wait: the probe's value when there is one now, else {@link WouldWait}. Never sleeps. */
  public static <T> T rehearse(String what, Instant deadline, Clock clock, Supplier<Optional<T>> probe) {
    Optional<T> value = probe.get();
    if (value.isPresent()) {
      return value.get();
    }
    Duration left = Duration.between(clock.instant(), deadline);
    throw new WouldWait(left.isNegative() || left.isZero()
        ? "would give up at once on " + what + " (not there yet, and the deadline " + deadline + " has passed)"
        : "would wait up to " + human(left) + " for " + what + " (not there yet)");
  }

  /**
   * The run's wait: checks at once, then after {@code first}, doubling up to four times {@code first}. Elapsed time
   * is the larger of what the clock says and what was slept, so a fixed clock with a real sleeper still ends.
   */
  public static <T> T await(String what, Instant deadline, Duration first, Clock clock, Sleeper sleeper,
      Consumer<String> progress, Supplier<Optional<T>> probe) {
    if (first.isNegative() || first.isZero()) {
      throw new PreconditionException("The polling interval for " + what + " must be positive, such as"
          + " Duration.ofSeconds(15).");
    }
    Instant start = clock.instant();
    Duration slept = Duration.ZERO;
    Duration wait = first;
    Duration longest = first.multipliedBy(4);
    int checks = 1;
    Optional<T> value = probe.get();
    while (value.isEmpty()) {
      Instant byClock = clock.instant();
      Instant bySleeps = start.plus(slept);
      Instant now = byClock.isAfter(bySleeps) ? byClock : bySleeps;
      if (!now.isBefore(deadline)) {
        throw new PreconditionException(what + " did not appear by " + deadline + " (" + checks + " check"
            + (checks == 1 ? "" : "s") + " over " + human(Duration.between(start, now)) + "). Check what makes it"
            + " (a build, a person), then run again; the steps after this one have not run.");
      }
      Duration remaining = Duration.between(now, deadline);
      Duration pause = wait.compareTo(remaining) < 0 ? wait : remaining;
      progress.accept(what + " is not there yet (check " + checks + "); next check in " + human(pause)
          + "; " + human(Duration.between(start, now)) + " elapsed, giving up at " + deadline + " (in "
          + human(remaining) + ")");
      sleeper.sleep(pause);
      slept = slept.plus(pause);
      checks++;
      value = probe.get();
      Duration doubled = wait.multipliedBy(2);
      wait = doubled.compareTo(longest) > 0 ? longest : doubled;
    }
    return value.get();
  }

  /** A duration for people: {@code 45s}, {@code 2m 30s}, {@code 2h}, {@code 1h 15m}. */
  public static String human(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
    }
    return (seconds / 3600) + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
  }
}
