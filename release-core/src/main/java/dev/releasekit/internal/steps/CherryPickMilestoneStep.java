package dev.releasekit.internal.steps;

import dev.releasekit.Change;
import dev.releasekit.CherryPicks;
import dev.releasekit.CherryPickConflictException;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * hass-release's {@code milestone_cherry_pick}, done right: only merged pull requests, in merge order, merge commits
 * with {@code -m 1}, {@code -x} trailers, changes already on the branch recognised whatever the labels say, the
 * label added only once the pick is on origin, and a conflict that leaves the branch clean and names the PR.
 *
 * <p>Like hass-release, it labels only what it picked (or what was picked before it, by hand or by a trailer): a pull
 * request whose merge commit is an ancestor of the branch was merged before the branch was cut, so it is neither a
 * pick nor a beta fix, and is not labelled. One already labelled so (by an earlier tool) gets a warning, as the
 * release notes would list it under Beta Fixes.
 */
public final class CherryPickMilestoneStep implements Step {
  private final Optional<String> title;
  private final String branch;
  private final String base;
  private final CherryPicks options;

  public CherryPickMilestoneStep(Optional<String> title, String branch, String base, CherryPicks options) {
    this.title = title;
    this.branch = branch;
    this.base = base;
    this.options = options;
  }

  @Override
  public String description() {
    return "cherry-pick milestone " + title.orElse("(highest open)") + " onto " + branch;
  }

  @Override
  public StepResult apply(StepContext context) {
    Hosting hosting = context.hosting();
    Workspace ws = context.workspace();
    List<String> warnings = new ArrayList<>();
    Milestone milestone = Milestones.resolve(hosting, title, warnings::add);
    String label = context.conventions().cherryPickedLabel();
    // Picked pull requests are marked with it, and a missing label would only show after the first pick.
    Labels.requireExisting(hosting.labels(), List.of(label), hosting.webUrl());
    List<Issue> items = hosting.milestoneItems(milestone);
    List<Integer> numbers = items.stream().filter(Issue::isPullRequest).map(Issue::number).toList();
    Map<Integer, PullRequest> pulls = hosting.pullRequests(numbers);
    List<PullRequest> merged = new ArrayList<>();
    List<String> notPicked = new ArrayList<>();
    for (Issue item : items) {
      PullRequest pr = pulls.get(item.number());
      if (!item.isPullRequest() || pr == null) {
        notPicked.add("- " + item.title() + " (#" + item.number() + ", an issue: nothing to pick)");
      } else if (!pr.isMerged() || pr.mergeCommitSha().isEmpty()) {
        notPicked.add("- " + pr.title() + " (#" + pr.number() + ", not merged: not picked)");
      } else {
        merged.add(pr);
      }
    }
    merged.sort(options.order() == CherryPicks.Order.MERGE_TIME
        ? Comparator.comparing((PullRequest p) -> p.mergedAt().orElse(Instant.MAX)).thenComparing(PullRequest::number)
        : Comparator.comparing(PullRequest::number));

    String tip = ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("Origin has no branch '"
        + branch + "' to pick onto. Cut it first (cutBranch()), then run again."));
    // Trailers are searched since the previous release, not just in base..branch: once the release pull request
    // is merged, base contains the branch and its picks would otherwise look missing (and be picked twice).
    BranchContents contents = new BranchContents(ws, tip, base,
        Ranges.previousTag(ws, context.version()).orElse(null));
    List<String> previously = new ArrayList<>();
    List<String> beforeCut = new ArrayList<>();
    List<String> just = new ArrayList<>();
    List<ConflictException> conflicts = new ArrayList<>();
    boolean wrote = false;
    int position = 0;
    for (PullRequest pr : merged) {
      position++;
      String sha = pr.mergeCommitSha().orElseThrow();
      String line = "- " + pr.title() + " (@" + pr.author() + " - #" + pr.number() + ")";
      String found = contents.find(sha);
      if (found == null) {
        context.progress("picking #" + pr.number() + " " + pr.title() + " (" + position + " of " + merged.size()
            + ")");
        try {
          // Checked again against origin's tip as it is now: another run may have pushed this very pick.
          found = contents.pickUnlessThere(branch, sha);
        } catch (ConflictException e) {
          if (e.files().isEmpty()) {
            throw e;
          }
          ConflictException conflict = new ConflictException("Cherry-picking #" + pr.number() + " (" + pr.url()
              + ", commit " + dev.releasekit.git.CommitId.of(sha).abbreviated() + ") onto " + branch + " conflicts in " + e.files() + ". "
              + branch + " is unchanged. Resolve by hand: git checkout " + branch + " && git cherry-pick -x -m 1 "
              + sha + ", fix " + e.files() + ", commit, push; then run again.", pr.url(), sha, e.files());
          conflicts.add(conflict);
          if (options.onConflict() == CherryPicks.OnConflict.STOP) {
            break;
          }
          continue;
        }
      }
      if (found == null) {
        just.add(line);
        wrote = true;
      } else if (found.equals(BranchContents.BEFORE_CUT)) {
        beforeCut.add(line);
        if (pr.hasLabel(label)) {
          warnings.add("#" + pr.number() + " is labelled " + label + " but was merged before " + branch
              + " was cut, so it is no pick and the notes would call it a beta fix; remove the label.");
        }
        continue;
      } else {
        previously.add(line);
      }
      // Labelled only now that the change is on origin's branch; a missing label is repaired on a re-run. Once
      // origin's branch moved during this step, a change found on it may be another run's pick, labelled by that
      // run since the pull requests were read: look again before writing.
      boolean seenOnNewerTip = found != null && !contents.tip().equals(tip);
      if (!pr.hasLabel(label) && !(seenOnNewerTip && hosting.pullRequest(pr.number()).hasLabel(label))) {
        hosting.addLabels(pr.number(), List.of(label));
        context.change(Change.of(Change.Kind.LABEL, "#" + pr.number(), "label #" + pr.number() + " " + label));
        wrote = true;
      }
    }
    String summary = summary(previously, beforeCut, just, notPicked, conflicts);
    if (!conflicts.isEmpty()) {
      ConflictException first = conflicts.get(0);
      String message = conflicts.size() == 1 ? first.getMessage()
          : conflicts.size() + " pull requests conflict: " + String.join(" | ", conflicts.stream()
              .map(ConflictException::getMessage).toList());
      throw new CherryPickConflictException(message + "\n" + summary, first.pullRequest().orElse(null),
          first.commit().orElse(null), first.files());
    }
    StepResult result = wrote
        ? StepResult.done("picked " + just.size() + ", already on " + branch + " " + previously.size())
        : StepResult.alreadyDone("all " + (previously.size() + beforeCut.size()) + " merged pull requests are on "
            + branch + (beforeCut.isEmpty() ? "" : " (" + beforeCut.size() + " since before the cut)"));
    for (String warning : warnings) {
      result = result.withWarning(warning);
    }
    return result.withOutput(summary);
  }

  private static String summary(List<String> previously, List<String> beforeCut, List<String> just,
      List<String> notPicked, List<ConflictException> conflicts) {
    StringBuilder out = new StringBuilder();
    section(out, "Previously picked", previously);
    section(out, "Merged before the cut (on the branch, not picked, not labelled)", beforeCut);
    section(out, "Just picked", just);
    section(out, "Conflicts (not picked)", conflicts.stream().map(c -> "- " + c.pullRequest().orElse("?") + " in "
        + c.files()).toList());
    section(out, "Not picked", notPicked);
    return out.toString().stripTrailing();
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.append(title).append(":\n");
      lines.forEach(l -> out.append(l).append('\n'));
      out.append('\n');
    }
  }
}
