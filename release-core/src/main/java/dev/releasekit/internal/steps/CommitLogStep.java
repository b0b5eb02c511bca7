package dev.releasekit.internal.steps;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.Conventions;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.ReleaseException;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.CommitLog;
import dev.releasekit.notes.ExternalContributors;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * PostHog's {@code git log --pretty=format:"%s %ae" old..release > log.txt}: the log, byte for byte git's, written
 * to {@link Conventions#commitLogPath()} in the work tree (untracked, never committed), with the external
 * contributors listed apart in the step's output.
 *
 * <p>The range ends at the release branch's cut (where it left its source branch), not at its tip: the release's
 * own commits (changelog, version bump) are not part of what it releases, and a re-run lists the same commits. It
 * starts at the given revision, else at the previous release's tag. A log file already there with the same bytes
 * is ALREADY_DONE; one with other bytes is BLOCKED (it is someone's, or another range's), as is a path the
 * repository tracks.
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
    return "write the log of " + from.orElse("(previous release)") + ".." + to + " and list external contributors";
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    Conventions conventions = context.conventions();
    String start = from.or(() -> Ranges.previousTag(ws, context.version())).orElseThrow(() ->
        new PreconditionException("No previous release tag was found to start the commit log from. Pass it:"
            + " commitLog(\"1.30.0\", \"release-1.31.0\")."));
    String end = cut(ws, conventions, context);
    CommitLog log = CommitLog.of(ws.gitLog(start, end));
    ExternalContributors external = log.externalContributors(conventions.organisation());
    String output = log.text() + "\n\nExternal contributors:\n" + external.text();
    String relative = conventions.commitLogPath();
    Path file = file(ws.directory(), relative);
    // In a plan the work tree is a sandbox; a log file already in the real work tree decides the outcome there too.
    Path existing = file(ws.releaseWorkTree(), relative);
    if (ws.readFile(end, relative).isPresent()) {
      throw new PreconditionException(relative + " is tracked in the repository, and the commit log is written"
          + " untracked. Choose another path with Conventions.withCommitLogPath(\"...\") and run again.");
    }
    byte[] bytes = log.text().getBytes(StandardCharsets.UTF_8);
    String range = start + ".." + dev.releasekit.git.CommitId.of(end).abbreviated();
    String summary = log.commits().size() + " commits of " + range + ", " + external.size()
        + " external contributors";
    try {
      if (Files.exists(existing)) {
        if (Arrays.equals(Files.readAllBytes(existing), bytes)) {
          return StepResult.alreadyDone(relative + " already holds the log: " + summary).withOutput(output)
              .with(ResultKey.COMMIT_LOG, log);
        }
        throw new ConflictException(existing + " exists with other content (another range, or someone's own"
            + " file). Nothing was overwritten. Move it away, or choose another path with"
            + " Conventions.withCommitLogPath(\"...\"), and run again.");
      }
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new ReleaseException("Cannot write the commit log to " + file + ": " + e.getMessage(), e);
    }
    context.change(Change.of(Change.Kind.FILE, relative, "write " + relative + " (untracked): " + summary));
    return StepResult.done("wrote " + relative + ": " + summary).withOutput(output).with(ResultKey.COMMIT_LOG, log);
  }

  /**
   * Where the range ends: the release branch's cut from its source branch when {@code to} is this release's
   * branch, else {@code to} itself.
   */
  private String cut(Workspace ws, Conventions conventions, StepContext context) {
    String source = conventions.releaseBranchSource();
    if (to.equals(source) || !to.equals(conventions.releaseBranch(context.version()))
        || ws.remoteBranch(source).isEmpty()) {
      return ws.resolve(to);
    }
    return ws.mergeBase(to, source).orElseThrow(() -> new PreconditionException("The release branch " + to
        + " shares no history with " + source + ", so where it was cut is unknown. Pass the range:"
        + " commitLog(\"<previous tag>\", \"<commit>\")."));
  }

  private static Path file(Path workTree, String relative) {
    Path root = workTree.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (relative.isBlank() || !file.startsWith(root) || file.equals(root)) {
      throw new PreconditionException("The commit log path \"" + relative + "\" is not inside the work tree "
          + root + ". Give a relative path such as log.txt (Conventions.withCommitLogPath).");
    }
    return file;
  }

}
