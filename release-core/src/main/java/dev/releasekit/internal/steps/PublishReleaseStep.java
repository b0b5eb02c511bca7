package dev.releasekit.internal.steps;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates the hosting's release for the tag as a draft, with the release pull request's body (or the notes), then
 * publishes it: publishing is the commit point. An existing release is left alone when equal, has only its body
 * updated when only the body differs, and blocks when it is titled differently. A release for the tag created by
 * someone else between this step's look and its create (another run of the same release) is refused by the hosting
 * as {@link AlreadyExistsException}; the step looks again and treats it as if it had found it first.
 */
public final class PublishReleaseStep implements Step {
  private final String tag;
  private final String name;
  private final String head;
  private final String base;

  public PublishReleaseStep(String tag, String name, String head, String base) {
    this.tag = tag;
    this.name = name;
    this.head = head;
    this.base = base;
  }

  @Override
  public String description() {
    return "publish release " + name + " for tag " + tag;
  }

  private String body(StepContext context) {
    Optional<String> prBody = context.hosting().findPullRequest(head, base).map(pr -> pr.body())
        .filter(b -> !b.isBlank());
    return prBody.orElseGet(() -> ReleaseNotesStep.collect(context, head, base)
        .render(dev.releasekit.notes.Variant.GITHUB));
  }

  @Override
  public StepResult apply(StepContext context) {
    Hosting hosting = context.hosting();
    if (context.workspace().remoteTag(tag).isEmpty()) {
      throw new PreconditionException("Tag " + tag + " is not on origin. Tag first (publishRelease() tags " + base
          + " before this step), then run again.");
    }
    String body = body(context);
    Optional<HostedRelease> existing = hosting.releaseByTag(tag);
    List<String> did = new ArrayList<>();
    HostedRelease release = null;
    if (existing.isEmpty()) {
      try {
        release = hosting.createDraftRelease(tag, name, body);
        did.add("created it as a draft");
        context.change(Change.of(Change.Kind.RELEASE, tag, "create draft release " + name + " for tag " + tag));
      } catch (AlreadyExistsException e) {
        // Created between our look and our create, by another run or a person: look again and adopt it.
        existing = Optional.of(hosting.releaseByTag(tag).orElseThrow(() -> new ConflictException("The hosting"
            + " refused to create a release for tag " + tag + " because one exists (" + e.getMessage() + "), but"
            + " does not list it. Run again to look once more.")));
      }
    }
    if (existing.isPresent()) {
      release = existing.get();
      if (!release.name().equals(name)) {
        throw new ConflictException("A release for tag " + tag + " already exists, titled '" + release.name()
            + "' instead of '" + name + "' (" + release.url() + "). Fix or remove it by hand; releasekit will not"
            + " overwrite it.");
      }
      if (!release.body().equals(body)) {
        release = hosting.updateReleaseBody(release.id(), body);
        did.add("updated its body");
        context.change(Change.of(Change.Kind.RELEASE, tag, "update the body of release " + name));
      }
    }
    if (release.isDraft()) {
      release = hosting.publishRelease(release.id());
      did.add("published it");
      context.change(Change.of(Change.Kind.RELEASE, tag, "publish release " + name));
    }
    HostedRelease check = hosting.releaseByTag(tag).orElseThrow(() -> new StepFailedException(description(),
        "the hosting does not list the release after publishing"));
    if (check.isDraft() || !check.body().equals(body)) {
      throw new StepFailedException(description(), "the release reads back as " + check);
    }
    return (did.isEmpty() ? StepResult.alreadyDone("release " + name + " is published as intended")
        : StepResult.done("release " + name + ": " + String.join(", ", did) + " " + check.url()))
        .with(ResultKey.PUBLISHED_RELEASE, check);
  }
}
