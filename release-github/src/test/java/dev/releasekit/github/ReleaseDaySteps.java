package dev.releasekit.github;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Stand-ins for the release-day verbs release-core does not have yet (label the picked milestone items, close the
 * milestone, merge the release pull request, draft and publish the GitHub release). They follow the step contract
 * (observe, compare, act, verify) and use only {@link Hosting}, so the flows can run on GitHub end to end now;
 * they go away when core's own steps arrive.
 */
final class ReleaseDaySteps {
  private ReleaseDaySteps() {}

  private static Milestone milestone(Hosting hosting, String title) {
    return hosting.milestone(title).orElseThrow(() -> new PreconditionException("There is no milestone titled '"
        + title + "'. Open milestones: " + hosting.openMilestones().stream().map(Milestone::title)
        .collect(Collectors.joining(", ")) + ". Pass one of those titles."));
  }

  /** Labels every merged pull request of the milestone {@code label} (hass-release's cherry-pick bookkeeping). */
  static Step labelMerged(String title, String label) {
    return step("label the merged pull requests of milestone " + title + " '" + label + "'", context -> {
      Hosting hosting = context.hosting();
      Milestone milestone = milestone(hosting, title);
      List<Integer> numbers = hosting.milestoneItems(milestone).stream().filter(Issue::isPullRequest)
          .map(Issue::number).collect(Collectors.toList());
      Map<Integer, PullRequest> pulls = hosting.pullRequests(numbers);
      List<PullRequest> todo = pulls.values().stream().filter(PullRequest::isMerged)
          .filter(p -> !p.hasLabel(label)).collect(Collectors.toList());
      if (todo.isEmpty()) {
        return StepResult.alreadyDone("every merged pull request is labelled " + label);
      }
      for (PullRequest pull : todo) {
        hosting.addLabels(pull.number(), List.of(label));
        context.change(Change.of(Change.Kind.LABEL, "#" + pull.number(), "label #" + pull.number() + " " + label));
      }
      return StepResult.done("labelled " + todo.size() + " pull requests");
    });
  }

  static Step closeMilestone(String title) {
    return step("close milestone " + title, context -> {
      Milestone milestone = milestone(context.hosting(), title);
      if (milestone.state() == Milestone.State.CLOSED) {
        return StepResult.alreadyDone("milestone " + title + " is closed");
      }
      context.hosting().closeMilestone(milestone);
      context.change(Change.of(Change.Kind.MILESTONE, title, "close milestone " + title));
      return StepResult.done("closed milestone " + title);
    });
  }

  static Step mergePullRequest(String head, String base) {
    return step("merge pull request " + head + " -> " + base, context -> {
      PullRequest pull = context.hosting().findPullRequest(head, base).orElseThrow(() ->
          new PreconditionException("There is no pull request from " + head + " into " + base + ". Open it first."));
      if (pull.isMerged()) {
        return StepResult.alreadyDone("#" + pull.number() + " is merged");
      }
      if (pull.state() == PullRequest.State.CLOSED) {
        throw new ConflictException("#" + pull.number() + " was closed without merging; reopen it and run again.");
      }
      PullRequest merged = context.hosting().mergePullRequest(pull.number());
      context.change(Change.of(Change.Kind.PULL_REQUEST, "#" + pull.number(), "merge #" + pull.number()));
      return StepResult.done("merged #" + pull.number() + " as " + merged.mergeCommitSha().orElse("?"));
    });
  }

  static Step publishRelease(String tag, Supplier<String> body) {
    return step("draft and publish release " + tag, context -> {
      Hosting hosting = context.hosting();
      HostedRelease release = hosting.releaseByTag(tag).orElse(null);
      if (release != null && !release.isDraft()) {
        return StepResult.alreadyDone(release.toString());
      }
      if (release == null) {
        release = hosting.createDraftRelease(tag, tag, body.get());
        context.change(Change.of(Change.Kind.RELEASE, tag, "draft release " + tag));
      }
      hosting.publishRelease(release.id());
      context.change(Change.of(Change.Kind.RELEASE, tag, "publish release " + tag));
      return StepResult.done("published release " + tag);
    });
  }

  private interface Body {
    StepResult apply(StepContext context);
  }

  private static Step step(String description, Body body) {
    return new Step() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public StepResult apply(StepContext context) {
        return body.apply(context);
      }
    };
  }
}
