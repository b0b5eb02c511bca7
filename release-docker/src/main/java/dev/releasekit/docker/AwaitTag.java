package dev.releasekit.docker;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.spi.ImageDigest;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
 * <p>It polls with a {@code HEAD} request through {@link StepContext#await}, waiting longer each time (doubling up
 * to four times the first interval) on the release's one clock and sleeper, and reports each wait as progress. In a
 * plan it never sleeps: an image that is not there yet makes the step WOULD_DO, "would wait up to 2h for ...". It
 * uses the release's registry; when the release has none, the engine wires the {@link Registry} this step was built
 * from (and overlays it in a plan). It writes nothing.
 */
public final class AwaitTag implements Step {
  private final Registry registry;
  private final ImageRef reference;
  private final Duration timeout;
  private final Instant deadline;
  private final Duration interval;
  private final String expectedDigest;

  AwaitTag(Registry registry, ImageRef reference, Duration timeout, Instant deadline) {
    this(new Builder(registry, reference, timeout, deadline));
  }

  private AwaitTag(Builder builder) {
    if (builder.timeout != null && builder.timeout.isNegative()) {
      throw new PreconditionException("The timeout to wait for " + builder.reference + " is negative; give a"
          + " positive one.");
    }
    this.registry = builder.registry;
    this.reference = builder.reference;
    this.timeout = builder.timeout;
    this.deadline = builder.deadline;
    this.interval = builder.interval;
    this.expectedDigest = builder.expectedDigest;
  }

  private Builder toBuilder() {
    Builder builder = new Builder(registry, reference, timeout, deadline);
    builder.interval = interval;
    builder.expectedDigest = expectedDigest;
    return builder;
  }

  /** Checks first after {@code first}, then waits twice as long each time, up to four times {@code first}. */
  public AwaitTag pollingEvery(Duration first) {
    if (first.isNegative() || first.isZero()) {
      throw new PreconditionException("The polling interval must be positive, such as Duration.ofSeconds(30).");
    }
    Builder builder = toBuilder();
    builder.interval = first;
    return new AwaitTag(builder);
  }

  /**
   * Also requires the tag to point at this digest; a tag on another digest blocks with a {@link ConflictException}.
   */
  public AwaitTag expectingDigest(String digest) {
    ImageRef.parse("x@" + Objects.requireNonNull(digest, "digest"));
    Builder builder = toBuilder();
    builder.expectedDigest = digest;
    return new AwaitTag(builder);
  }

  /** The settings of an {@link AwaitTag}: what to wait for, until when, and how often to look. */
  private static final class Builder {
    private final Registry registry;
    private final ImageRef reference;
    private final Duration timeout;
    private final Instant deadline;
    private Duration interval = Duration.ofSeconds(15);
    private String expectedDigest;

    Builder(Registry registry, ImageRef reference, Duration timeout, Instant deadline) {
      this.registry = registry;
      this.reference = reference;
      this.timeout = timeout;
      this.deadline = deadline;
    }
  }

  @Override
  public String description() {
    return "wait for " + reference + (deadline != null ? " until " + deadline : " for up to " + human(timeout));
  }

  @Override
  public StepResult apply(StepContext context) {
    ImageRegistry images = context.registry().orElseThrow(() -> new PreconditionException("No registry is wired"
        + " for " + reference + ". Wire one with Release.withRegistry(...)."));
    Instant start = context.clock().instant();
    Instant giveUp = deadline != null ? deadline : start.plus(timeout);
    int[] checks = {0};
    String digest = context.await(reference.toString(), giveUp, interval, () -> {
      checks[0]++;
      return images.digest(reference.toString());
    });
    check(digest);
    ImageDigest found = new ImageDigest(reference.toString(), digest);
    if (checks[0] == 1) {
      return StepResult.alreadyDone(reference + " exists (" + Retag.shortDigest(digest) + ")")
          .with(ResultKey.IMAGE, found);
    }
    Duration waited = Duration.between(start, context.clock().instant());
    context.change(Change.of(Change.Kind.IMAGE, reference.toString(), reference + " appeared at "
        + Retag.shortDigest(digest) + " after " + checks[0] + " checks"));
    return StepResult.done(reference + " appeared after " + human(waited) + " (" + checks[0] + " checks)")
        .with(ResultKey.IMAGE, found);
  }

  /** The registry it was built from: the engine wires it when the release has none, so a plan overlays it. */
  @Override
  public List<Object> services() {
    return List.of(registry);
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
