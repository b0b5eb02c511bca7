package dev.releasekit.docker;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.RemoteException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.spi.ImageDigest;
import dev.releasekit.spi.ImageManifest;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The step that gives an image more tags: the manifest's exact bytes are put back under each new tag, so the
 * digest is the same and no layer moves. Made by {@link Registry#retag(String, String...)}.
 *
 * <pre>{@code
 * release.then(hub.retag("posthog/posthog:release-1.31.0", "latest-release").move());
 * }</pre>
 *
 * <p>It observes every new tag before writing any: a tag that already points at the digest is left alone (the step
 * is ALREADY_DONE when all do); a tag on another digest blocks the step with a {@link ConflictException} and nothing
 * is written, unless {@link #move()} was asked for, as it is for a rolling tag such as {@code latest-release}. It
 * always uses the registry of the {@link StepContext}: the release's, or, when the release has none, the
 * {@link Registry} it was built from, which the engine wires; inside a plan the puts stay in the engine's overlay.
 */
public final class Retag implements Step {
  private final Registry registry;
  private final ImageRef source;
  private final List<ImageRef> targets;
  private final boolean move;

  Retag(Registry registry, ImageRef source, List<ImageRef> targets, boolean move) {
    this.registry = registry;
    this.source = source;
    this.targets = List.copyOf(targets);
    this.move = move;
  }

  /** The same step, allowed to move new tags that point at another digest (rolling tags such as {@code latest}). */
  public Retag move() {
    return new Retag(registry, source, targets, true);
  }

  @Override
  public String description() {
    return "tag " + source + " as " + targets.stream().map(t -> t.tag().orElseThrow())
        .collect(Collectors.joining(", ")) + (move ? " (moving existing tags)" : "");
  }

  @Override
  public StepResult apply(StepContext context) {
    ImageRegistry images = context.registry().orElseThrow(() -> new PreconditionException("No registry is wired"
        + " to tag " + source + " on. Wire one with Release.withRegistry(...)."));
    ImageManifest manifest = images.manifest(source.toString()).orElseThrow(() -> new PreconditionException(
        "The image " + source + " does not exist on " + source.registry() + ", so it cannot be tagged. Check the"
        + " reference, or put awaitTag(\"" + source + "\", ...) before this step to wait for the build."));
    String digest = manifest.digest();

    Map<ImageRef, Optional<String>> current = new LinkedHashMap<>();
    for (ImageRef target : targets) {
      current.put(target, images.digest(target.toString()));
    }
    List<String> conflicts = new ArrayList<>();
    List<ImageRef> missing = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (Map.Entry<ImageRef, Optional<String>> entry : current.entrySet()) {
      Optional<String> now = entry.getValue();
      if (now.isPresent() && now.get().equals(digest)) {
        done.add(entry.getKey().tag().orElseThrow());
      } else {
        if (now.isPresent() && !move) {
          conflicts.add(entry.getKey() + " points at " + now.get());
        }
        missing.add(entry.getKey());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new ConflictException("Cannot tag " + source + " (" + digest + "): " + String.join("; ", conflicts)
          + ". Nothing was changed. If that tag is meant to roll, use retag(...).move(); otherwise choose another"
          + " tag or fix it by hand.");
    }
    if (missing.isEmpty()) {
      return StepResult.alreadyDone(String.join(", ", done) + " already point" + (done.size() == 1 ? "s" : "")
          + " at " + shortDigest(digest)).with(ResultKey.IMAGE, new ImageDigest(source.toString(), digest));
    }
    for (ImageRef target : missing) {
      Optional<String> before = current.get(target);
      String stored;
      if (images instanceof Registry own) {
        stored = own.put(target, manifest);
      } else {
        images.putManifest(target.toString(), manifest);
        stored = images.digest(target.toString()).orElse("nothing");
      }
      if (!stored.equals(digest)) {
        throw new RemoteException(target.registry(), 0, null, "After putting " + target + ", it points at "
            + stored + " instead of " + digest + ". Check the tag by hand before running again.");
      }
      context.change(Change.of(Change.Kind.IMAGE, target.toString(), before
          .map(old -> "move " + target + " from " + shortDigest(old) + " to " + shortDigest(digest))
          .orElse("tag " + target + " -> " + shortDigest(digest) + " (" + source.version() + ")")));
    }
    return StepResult.done("tagged " + missing.stream().map(t -> t.tag().orElseThrow())
        .collect(Collectors.joining(", ")) + " -> " + shortDigest(digest)
        + (done.isEmpty() ? "" : "; " + String.join(", ", done) + " already there"))
        .with(ResultKey.IMAGE, new ImageDigest(source.toString(), digest));
  }

  /** The registry it was built from: the engine wires it when the release has none, so a plan overlays it. */
  @Override
  public List<Object> services() {
    return List.of(registry);
  }

  static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
  }

  @Override
  public String toString() {
    return description();
  }
}
