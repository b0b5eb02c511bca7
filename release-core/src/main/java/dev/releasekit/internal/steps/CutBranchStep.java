package dev.releasekit.internal.steps;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.Optional;

/**
 * Creates the release branch on origin from the source branch's tip. An existing branch is accepted as this
 * step's work when it contains the source tip, or the commit the journal says this release cut it at; otherwise it
 * is someone else's branch and the step blocks.
 */
public final class CutBranchStep implements Step {
  private final String branch;
  private final String from;

  public CutBranchStep(String branch, String from) {
    this.branch = branch;
    this.from = from;
  }

  @Override
  public String description() {
    return "cut " + branch + " from " + from;
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    Origin origin = ws.origin();
    CommitId sourceId = origin.branch(from).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + from + "' to cut " + branch + " from."));
    String source = sourceId.name();
    String key = "branch:" + branch;
    Optional<CommitId> existing = origin.branch(branch);
    if (existing.isPresent()) {
      String tip = existing.get().name();
      if (ws.isAncestor(source, tip)) {
        return StepResult.alreadyDone(branch + " exists and contains " + from + " (" + sourceId.abbreviated()
            + ")");
      }
      Optional<String> cutAt = context.journal().latest(key).map(dev.releasekit.spi.Journal.Entry::detail);
      if (cutAt.isPresent() && ws.isAncestor(cutAt.get(), tip)) {
        return StepResult.alreadyDone(branch + " was cut at " + CommitId.of(cutAt.get()).abbreviated()
            + " by an earlier run");
      }
      throw new ConflictException("Origin already has " + branch + " at " + existing.get().abbreviated() + ", which"
          + " does not contain " + from + "'s " + sourceId.abbreviated() + ". releasekit never moves or deletes branches:"
          + " if that branch is stale, rename or remove it by hand; otherwise merge " + from + " into it; then run"
          + " again.");
    }
    ws.createBranch(origin, branch, sourceId);
    context.journal().record(key, "created", source);
    if (!ws.remoteBranch(branch).map(source::equals).orElse(false)) {
      throw new StepFailedException(description(), "origin does not show " + branch + " at " + source
          + " after the push");
    }
    return StepResult.done(branch + " created at " + sourceId.abbreviated());
  }
}
