package dev.releasekit.internal.steps;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closes the release's milestone, but not while it still holds open pull requests or merged ones that are neither
 * picked nor on the release branch (unless forced): a closed milestone must mean "all of this shipped".
 */
public final class CloseMilestoneStep implements Step {
  private final Optional<String> title;
  private final String branch;
  private final String base;
  private final boolean force;

  public CloseMilestoneStep(Optional<String> title, String branch, String base, boolean force) {
    this.title = title;
    this.branch = branch;
    this.base = base;
    this.force = force;
  }

  @Override
  public String description() {
    return "close milestone " + title.orElse("(highest open)") + (force ? " even if incomplete" : "");
  }

  @Override
  public StepResult apply(StepContext context) {
    Hosting hosting = context.hosting();
    List<String> warnings = new ArrayList<>();
    Milestone milestone = Milestones.resolve(hosting, title, warnings::add);
    if (milestone.state() == Milestone.State.CLOSED) {
      return StepResult.alreadyDone("milestone " + milestone.title() + " is closed");
    }
    List<Issue> items = hosting.milestoneItems(milestone);
    Map<Integer, PullRequest> pulls = hosting.pullRequests(items.stream().filter(Issue::isPullRequest)
        .map(Issue::number).toList());
    List<String> blockers = new ArrayList<>();
    String tip = context.workspace().remoteBranch(branch).orElse(null);
    BranchContents contents = tip == null ? null : new BranchContents(context.workspace(), tip, base,
        Ranges.previousTag(context.workspace(), context.version()).orElse(null));
    for (PullRequest pr : pulls.values()) {
      if (pr.state() == PullRequest.State.OPEN) {
        blockers.add("#" + pr.number() + " is still open");
      } else if (pr.isMerged() && pr.mergeCommitSha().isPresent()
          && (contents == null || contents.find(pr.mergeCommitSha().get()) == null)) {
        blockers.add("#" + pr.number() + " is merged but not on " + branch);
      }
    }
    if (!blockers.isEmpty() && !force) {
      throw new ConflictException("Milestone " + milestone.title() + " is not complete: " + String.join("; ",
          blockers) + ". Pick or merge them, move them to another milestone, or close it anyway with"
          + " closeMilestoneEvenIfIncomplete().");
    }
    hosting.closeMilestone(milestone);
    context.change(Change.of(Change.Kind.MILESTONE, milestone.title(), "close milestone " + milestone.title()));
    StepResult result = StepResult.done("milestone " + milestone.title() + " closed");
    for (String blocker : blockers) {
      result = result.withWarning("closed although " + blocker);
    }
    for (String warning : warnings) {
      result = result.withWarning(warning);
    }
    return result;
  }
}
