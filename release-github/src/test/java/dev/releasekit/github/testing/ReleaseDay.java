package dev.releasekit.github.testing;

import dev.releasekit.PreconditionException;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hosting side of a Home Assistant release day, written the way releasekit's steps work (observe, compare,
 * act): find the milestone, list its items, read their pull requests in one batch, label the merged ones, get or
 * create the draft release, publish it, close the milestone, merge the release pull request. Running it again
 * after any failure finishes the job and repeats nothing.
 */
public final class ReleaseDay {
  private ReleaseDay() {}

  /** Runs the sequence; returns the notes it put in the release. */
  public static String run(Hosting hosting, String milestoneTitle, String tag, int releasePullRequest,
      String label) {
    Milestone milestone = hosting.milestone(milestoneTitle).orElseThrow(() -> new PreconditionException(
        "No milestone " + milestoneTitle + "; open ones: " + hosting.openMilestones()));
    List<Integer> numbers = hosting.milestoneItems(milestone).stream().filter(Issue::isPullRequest)
        .map(Issue::number).collect(Collectors.toList());
    Map<Integer, PullRequest> pulls = hosting.pullRequests(numbers);
    for (PullRequest pull : pulls.values()) {
      if (pull.isMerged() && !pull.hasLabel(label)) {
        hosting.addLabels(pull.number(), List.of(label));
      }
    }
    String notes = pulls.values().stream().filter(PullRequest::isMerged)
        .map(p -> "- " + p.title() + " (@" + p.author() + " - #" + p.number() + ")")
        .collect(Collectors.joining("\n"));
    HostedRelease release = hosting.releaseByTag(tag)
        .orElseGet(() -> hosting.createDraftRelease(tag, tag, notes));
    if (release.isDraft()) {
      hosting.publishRelease(release.id());
    }
    if (milestone.state() == Milestone.State.OPEN) {
      hosting.closeMilestone(milestone);
    }
    if (!hosting.pullRequest(releasePullRequest).isMerged()) {
      hosting.mergePullRequest(releasePullRequest);
    }
    return notes;
  }
}
