package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
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
    String fromTip = ws.remoteBranch(from).orElseThrow(() -> missing(from));
    String intoTip = ws.remoteBranch(into).orElseThrow(() -> missing(into));
    if (ws.isAncestor(fromTip, intoTip)) {
      return StepResult.alreadyDone(into + " already contains " + from + " (" + fromTip.substring(0, 7) + ")");
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
    String merge = ws.merge(from, into, "Merge branch '" + from + "' into " + into);
    if (!ws.isAncestor(fromTip, ws.remoteBranch(into).orElseThrow())) {
      throw new StepFailedException(description(), "origin's " + into + " does not contain " + from
          + " after the push; check origin's hooks");
    }
    return StepResult.done(into + " now contains " + from + " (merge " + merge.substring(0, 7) + ")");
  }

  private PreconditionException missing(String branch) {
    return new PreconditionException("Origin has no branch '" + branch + "'. Check the branch names in "
        + "Conventions or mergeForward(...).");
  }
}
