package dev.releasekit.docker;

import dev.releasekit.spi.Sleeper;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The step that waits for an image tag to exist, such as the {@code posthog/posthog:release-1.31.0} that CI builds
 * from the tag {@code 1.31.0}. It is a gate: steps after it (merging the chart, publishing {@code versions.json})
 * run only once the image is there, and when the deadline passes it fails with a {@link PreconditionException}, so
 * they never run. Made by {@link Registry#awaitTag(String, Duration)}.
 *
 * <pre>{@code
 * release.then(hub.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(2)).pollingEvery(Duration.ofSeconds(30)))
 *        .then(chart)                                   // only after the image exists
 * }</pre>
 *
 * <p>It polls with a {@code HEAD} request, waiting longer each time (doubling up to four times the first interval),
 * reports each wait through {@link StepContext#progress(String)}, reads time from {@link StepContext#clock()} and
 * waits through the registry's {@link Sleeper}, so tests never sleep. It writes nothing.
 */
public final class AwaitTag implements Step {
  private final Registry registry;
  private final ImageRef reference;
  private final Duration timeout;
  private final Instant deadline;
  private final Duration interval;
  private final String expectedDigest;

  AwaitTag(Registry registry, ImageRef reference, Duration timeout, Instant deadline) {
    this(registry, reference, timeout, deadline, Duration.ofSeconds(15), null);
  }

  private AwaitTag(Registry registry, ImageRef reference, Duration timeout, Instant deadline, Duration interval,
      String expectedDigest) {
    if (timeout != null && timeout.isNegative()) {
      throw new PreconditionException("The timeout to wait for " + reference + " is negative; give a positive one.");
    }
    this.registry = registry;
    this.reference = reference;
    this.timeout = timeout;
    this.deadline = deadline;
    this.interval = interval;
    this.expectedDigest = expectedDigest;
  }

  /** Checks first after {@code first}, then waits twice as long each time, up to four times {@code first}. */
  public AwaitTag pollingEvery(Duration first) {
    if (first.isNegative() || first.isZero()) {
      throw new PreconditionException("The polling interval must be positive, such as Duration.ofSeconds(30).");
    }
    return new AwaitTag(registry, reference, timeout, deadline, first, expectedDigest);
  }

  /**
   * Also requires the tag to point at this digest; a tag on another digest blocks with a {@link ConflictException}.
   */
  public AwaitTag expectingDigest(String digest) {
    ImageRef.parse("x@" + Objects.requireNonNull(digest, "digest"));
    return new AwaitTag(registry, reference, timeout, deadline, interval, digest);
  }

  @Override
  public String description() {
    return "wait for " + reference + (deadline != null ? " until " + deadline : " for up to " + human(timeout));
  }

  @Override
  public StepResult apply(StepContext context) {
    ImageRegistry images = context.registry().orElse(registry);
    Instant start = context.clock().instant();
    Instant giveUp = deadline != null ? deadline : start.plus(timeout);
    Optional<String> digest = images.digest(reference.toString());
    if (digest.isPresent()) {
      check(digest.get());
      return StepResult.alreadyDone(reference + " exists (" + Retag.shortDigest(digest.get()) + ")");
    }
    Duration wait = interval;
    Duration longest = interval.multipliedBy(4);
    int checks = 1;
    while (true) {
      Instant now = context.clock().instant();
      if (!now.isBefore(giveUp)) {
        throw new PreconditionException(reference + " did not appear by " + giveUp + " (" + checks + " check"
            + (checks == 1 ? "" : "s") + " over " + human(Duration.between(start, now)) + "). Check the build"
            + " that pushes it, then run again; the steps after this one have not run.");
      }
      Duration remaining = Duration.between(now, giveUp);
      Duration pause = wait.compareTo(remaining) < 0 ? wait : remaining;
      context.progress(reference + " is not there yet (check " + checks + "); next check in " + human(pause)
          + ", giving up at " + giveUp);
      registry.sleeper().sleep(pause);
      checks++;
      digest = images.digest(reference.toString());
      if (digest.isPresent()) {
        check(digest.get());
        Duration waited = Duration.between(start, context.clock().instant());
        context.change(Change.of(Change.Kind.IMAGE, reference.toString(), reference + " appeared at "
            + Retag.shortDigest(digest.get()) + " after " + human(waited) + " (" + checks + " checks)"));
        return StepResult.done(reference + " appeared after " + human(waited));
      }
      Duration doubled = wait.multipliedBy(2);
      wait = doubled.compareTo(longest) > 0 ? longest : doubled;
    }
  }

  private void check(String digest) {
    if (expectedDigest != null && !expectedDigest.equals(digest)) {
      throw new ConflictException(reference + " points at " + digest + ", not at the expected " + expectedDigest
          + ". Find out which build pushed it before going on; nothing was changed.");
    }
  }

  private static String human(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
    }
    return (seconds / 3600) + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
  }

  @Override
  public String toString() {
    return description();
  }
}
