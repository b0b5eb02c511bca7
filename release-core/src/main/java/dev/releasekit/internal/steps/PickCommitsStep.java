package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.git.Commit;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cherry-picks the commits of {@code from} (not on {@code base}) whose subjects are in {@code subjects} onto
 * {@code onto}, skipping those already there (also when another run pushed them meanwhile, or picking one would
 * change nothing): PostHog's "cherry-pick the changelog and version commits into a sync branch".
 */
public final class PickCommitsStep implements Step {
  private final String from;
  private final String onto;
  private final String base;
  private final Set<String> subjects;

  public PickCommitsStep(String from, String onto, String base, Set<String> subjects) {
    this.from = from;
    this.onto = onto;
    this.base = base;
    this.subjects = Set.copyOf(subjects);
  }

  @Override
  public String description() {
    return "cherry-pick " + String.join(" and ", subjects.stream().sorted().map(s -> "'" + s + "'").toList())
        + " from " + from + " onto " + onto;
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    String source = ws.remoteBranch(from).orElseThrow(() -> new PreconditionException("Origin has no branch '"
        + from + "'."));
    String tip = ws.remoteBranch(onto).orElseThrow(() -> new PreconditionException("Origin has no branch '"
        + onto + "'. Create it first."));
    List<Commit> wanted = ws.log(base, source).stream().filter(c -> subjects.contains(c.subject())).toList();
    if (wanted.isEmpty()) {
      throw new PreconditionException("No commit on " + from + " is titled " + subjects + ". Run the changelog and"
          + " version steps first.");
    }
    BranchContents contents = new BranchContents(ws, tip, base,
        Ranges.previousTag(ws, context.version()).orElse(null));
    List<String> picked = new ArrayList<>();
    for (Commit commit : wanted) {
      // Checked again against origin's tip as it is now: another run may have pushed this very pick.
      if (contents.find(commit.id()) == null && contents.pickUnlessThere(onto, commit.id()) == null) {
        picked.add(commit.subject());
      }
    }
    return picked.isEmpty() ? StepResult.alreadyDone(onto + " already has " + wanted.size() + " commits")
        : StepResult.done("picked " + picked + " onto " + onto);
  }
}
