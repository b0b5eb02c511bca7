package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;

/** Merges origin's {@code from} into origin's {@code into} with a merge commit, unless it is already contained. */
public final class MergeForwardStep implements Step {
  private final String from;
  private final String into;

  public MergeForwardStep(String from, String into) {
    this.from = from;
    this.into = into;
  }

  @Override
  public String description() {
    return "merge " + from + " into " + into;
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    Origin origin = ws.origin();
    CommitId fromId = origin.branch(from).orElseThrow(() -> missing(from));
    String fromTip = fromId.name();
    String intoTip = origin.branch(into).orElseThrow(() -> missing(into)).name();
    if (ws.isAncestor(fromTip, intoTip)) {
      return StepResult.alreadyDone(into + " already contains " + from + " (" + fromId.abbreviated() + ")");
    }
    if (ws.isAncestor(intoTip, fromTip)) {
      // Merging back a branch whose pull request already went into from (a site's release branch after release
      // day) would only add a merge commit to a finished branch, on every re-run.
      java.util.Optional<dev.releasekit.spi.PullRequest> merged = context.hosting().findPullRequest(into, from)
          .filter(dev.releasekit.spi.PullRequest::isMerged);
      if (merged.isPresent()) {
        return StepResult.alreadyDone(into + " was merged into " + from + " by #" + merged.get().number()
            + "; there is nothing to bring back");
      }
    }
    CommitId merge = ws.merge(origin, from, into, "Merge branch '" + from + "' into " + into);
    if (!ws.isAncestor(fromTip, ws.remoteBranch(into).orElseThrow())) {
      throw new StepFailedException(description(), "origin's " + into + " does not contain " + from
          + " after the push; check origin's hooks");
    }
    return StepResult.done(into + " now contains " + from + " (merge " + merge.abbreviated() + ")");
  }

  private PreconditionException missing(String branch) {
    return new PreconditionException("Origin has no branch '" + branch + "'. Check the branch names in "
        + "Conventions or mergeForward(...).");
  }
}
