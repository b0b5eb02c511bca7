package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.git.Commit;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.CommitLog;
import dev.releasekit.notes.ExternalContributors;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.List;
import java.util.Optional;

/**
 * PostHog's {@code git log --pretty=format:"%s %ae" old..release} with external contributors listed apart. It only
 * reads, so it is always ALREADY_DONE: there is nothing to write, and a re-run stays a no-op.
 */
public final class CommitLogStep implements Step {
  private final Optional<String> from;
  private final String to;

  public CommitLogStep(Optional<String> from, String to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public String description() {
    return "list commits " + from.orElse("(previous release)") + ".." + to + " and external contributors";
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    String start = from.or(() -> Ranges.previousTag(ws, context.version())).orElseThrow(() ->
        new PreconditionException("No previous release tag was found to start the commit log from. Pass it:"
            + " commitLog(\"1.30.0\", \"release-1.31.0\")."));
    List<Commit> commits = ws.log(start, to);
    CommitLog log = CommitLog.of(commits);
    ExternalContributors external = log.externalContributors(context.conventions().organisation());
    return StepResult.alreadyDone(commits.size() + " commits, " + external.size() + " external contributors")
        .withOutput(log.text() + "\n\nExternal contributors:\n" + external.text())
        .with(ResultKey.COMMIT_LOG, log);
  }
}
