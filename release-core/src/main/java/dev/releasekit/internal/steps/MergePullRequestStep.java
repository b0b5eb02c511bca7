package dev.releasekit.internal.steps;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;

/**
 * Merges a pull request with a merge commit (never a squash), unless it is merged already: the release pull request,
 * or PostHog's sync pull request, whose merge is what tells users an update is available.
 */
public final class MergePullRequestStep implements Step {
  private final String head;
  private final String base;
  private final ResultKey<PullRequest> key;
  private final String opener;

  /** The release pull request, opened by {@code openPr()}. */
  public MergePullRequestStep(String head, String base) {
    this(head, base, ResultKey.RELEASE_PR, "openPr()");
  }

  /** The pull request from {@code head}, published as {@code key}; {@code opener} is the verb that opens it. */
  public MergePullRequestStep(String head, String base, ResultKey<PullRequest> key, String opener) {
    this.head = head;
    this.base = base;
    this.key = key;
    this.opener = opener;
  }

  @Override
  public String description() {
    return "merge pull request " + head + " -> " + base + " with a merge commit";
  }

  @Override
  public StepResult apply(StepContext context) {
    Hosting hosting = context.hosting();
    PullRequest pr = hosting.findPullRequest(head, base).orElseThrow(() -> new PreconditionException(
        "There is no pull request from " + head + " to " + base + " to merge. Open it first (" + opener + ")."));
    if (pr.isMerged()) {
      return StepResult.alreadyDone("#" + pr.number() + " is merged (" + pr.mergeCommitSha().map(s -> s.substring(0,
          7)).orElse("?") + ")").with(key, pr);
    }
    if (pr.state() == PullRequest.State.CLOSED) {
      throw new ConflictException("#" + pr.number() + " was closed without merging. Reopen it (" + pr.url()
          + ") and run again.");
    }
    String headTip = context.workspace().remoteBranch(head).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + head + "'."));
    PullRequest merged = hosting.mergePullRequest(pr.number());
    context.change(Change.of(Change.Kind.PULL_REQUEST, "#" + pr.number(), "merge #" + pr.number() + " into "
        + base + " with a merge commit"));
    String baseTip = context.workspace().remoteBranch(base).orElseThrow();
    if (!merged.isMerged() || !context.workspace().isAncestor(headTip, baseTip)) {
      throw new StepFailedException(description(), "#" + pr.number() + " does not show as merged into " + base);
    }
    return StepResult.done("#" + pr.number() + " merged as " + dev.releasekit.git.CommitId.of(
        merged.mergeCommitSha().orElse(baseTip)).abbreviated()).with(key, merged);
  }
}
