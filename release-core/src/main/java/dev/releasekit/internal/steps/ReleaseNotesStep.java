package dev.releasekit.internal.steps;

import dev.releasekit.Change;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.git.Commit;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.notes.Variant;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.List;

/**
 * hass-release's {@code release_notes}, done right, written into the release pull request's body: commits from the
 * previous release's tag (or main) to the release branch, oldest first, pull request data fetched in one batch.
 */
public final class ReleaseNotesStep implements Step {
  private final String branch;
  private final String base;

  public ReleaseNotesStep(String branch, String base) {
    this.branch = branch;
    this.base = base;
  }

  @Override
  public String description() {
    return "write release notes into pull request " + branch + " -> " + base;
  }

  /** Collects the notes of {@code branch} for the context's version. */
  static ReleaseNotes collect(StepContext context, String branch, String base) {
    Workspace ws = context.workspace();
    Hosting hosting = context.hosting();
    String tip = ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("Origin has no branch '"
        + branch + "' to write notes for."));
    String from = Ranges.previousTag(ws, context.version()).orElse(base);
    List<Commit> commits = ws.log(from, tip);
    return ReleaseNotes.builder()
        .version(context.version())
        .milestone(context.version().toString())
        .commits(commits)
        .pullRequests(hosting.pullRequests(ReleaseNotes.referencedPullRequests(commits)))
        .style(context.conventions().notesStyle())
        .userUrlBase(hosting.userUrl(""))
        .date(context.date())
        .build();
  }

  @Override
  public StepResult apply(StepContext context) {
    Hosting hosting = context.hosting();
    PullRequest pr = hosting.findPullRequest(branch, base).orElseThrow(() -> new PreconditionException(
        "There is no pull request from " + branch + " to " + base + " to write the notes into. Open it first"
            + " (openPr()), then run again."));
    if (pr.isMerged()) {
      StepResult merged = StepResult.alreadyDone("#" + pr.number() + " is merged; its body is final")
          .with(ResultKey.RELEASE_PR, pr);
      // Later steps (the website's post) still need the notes: recollected, they count only if they are still
      // the merged body, which a range emptied by the merge would not be.
      // Once merged, base contains the branch: the range starts where base stood before the merge.
      String before = pr.mergeCommitSha().map(sha -> sha + "^1").orElse(base);
      ReleaseNotes notes = collect(context, branch, before);
      return notes.render(Variant.GITHUB).equals(pr.body()) ? merged.with(ResultKey.NOTES, notes)
          : merged.withWarning("the notes recollected now differ from #" + pr.number() + "'s merged body, so"
              + " later steps get no notes from this step");
    }
    ReleaseNotes notes = collect(context, branch, base);
    String body = notes.render(Variant.GITHUB);
    // Only the variant this step writes: the website variant is the blog post's, shown by the step that writes it
    // (and handed to it, and to the caller, as ResultKey.NOTES).
    String output = body + dropped(notes);
    if (pr.body().equals(body)) {
      return StepResult.alreadyDone("#" + pr.number() + " already holds these notes (" + notes.entries().size()
          + " entries, " + notes.dropped().size() + " commits dropped)").withOutput(output)
          .with(ResultKey.RELEASE_PR, pr).with(ResultKey.NOTES, notes);
    }
    hosting.updatePullRequest(pr.number(), pr.title(), body);
    context.change(Change.of(Change.Kind.PULL_REQUEST, "#" + pr.number(), "set the body of #" + pr.number()
        + " to the release notes (" + notes.entries().size() + " entries)"));
    if (!hosting.pullRequest(pr.number()).body().equals(body)) {
      throw new StepFailedException(description(), "#" + pr.number() + " does not hold the notes after the update");
    }
    return StepResult.done("#" + pr.number() + " body set to the notes (" + notes.entries().size() + " entries, "
        + notes.dropped().size() + " commits dropped)").withOutput(output)
        .with(ResultKey.RELEASE_PR, hosting.pullRequest(pr.number())).with(ResultKey.NOTES, notes);
  }

  /** Every commit of the range that has no line, and why, so a person can check that nothing was lost. */
  private static String dropped(ReleaseNotes notes) {
    if (notes.dropped().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("\n--- " + notes.dropped().size() + " commits dropped ---\n");
    notes.dropped().forEach(d -> out.append("- ").append(d).append('\n'));
    return out.toString();
  }
}
