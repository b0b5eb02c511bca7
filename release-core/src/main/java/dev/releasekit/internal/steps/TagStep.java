package dev.releasekit.internal.steps;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.spi.Tag;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.Optional;

/**
 * Creates an annotated tag on a branch's tip. An existing tag is this step's work only when it is at the tip, or
 * where the journal says this release created it; a same-named tag anywhere else blocks.
 */
public final class TagStep implements Step {
  private final String tag;
  private final String branch;
  private final String message;

  public TagStep(String tag, String branch, String message) {
    this.tag = tag;
    this.branch = branch;
    this.message = message;
  }

  @Override
  public String description() {
    return "tag " + branch + " as " + tag;
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    Origin origin = ws.origin();
    CommitId tipId = origin.branch(branch).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + branch + "' to tag."));
    String tip = tipId.name();
    Optional<String> existing = origin.tag(tag).map(CommitId::name);
    String key = "tag:" + tag;
    if (existing.isPresent()) {
      if (existing.get().equals(tip)) {
        return StepResult.alreadyDone("tag " + tag + " is at " + branch + "'s tip " + tipId.abbreviated())
            .with(ResultKey.TAG, new Tag(tag, tip));
      }
      Optional<String> ours = context.journal().latest(key).map(dev.releasekit.spi.Journal.Entry::detail);
      if (ours.isPresent() && ours.get().equals(existing.get()) && ws.isAncestor(existing.get(), tip)) {
        return StepResult.alreadyDone("tag " + tag + " was created at " + CommitId.of(existing.get()).abbreviated()
            + " by an earlier run").with(ResultKey.TAG, new Tag(tag, existing.get()));
      }
      throw new ConflictException("Tag " + tag + " already exists at " + CommitId.of(existing.get()).abbreviated()
          + ", which is not on " + branch + ". releasekit never moves tags: if it is wrong, fix it by hand"
          + " (and tell everyone who fetched it), then run again.");
    }
    ws.tag(origin, tag, tipId, message);
    context.journal().record(key, "created", tip);
    if (!ws.remoteTag(tag).map(tip::equals).orElse(false)) {
      throw new StepFailedException(description(), "origin does not show tag " + tag + " at " + tip);
    }
    return StepResult.done("tag " + tag + " created at " + tipId.abbreviated()).with(ResultKey.TAG, new Tag(tag, tip));
  }
}
