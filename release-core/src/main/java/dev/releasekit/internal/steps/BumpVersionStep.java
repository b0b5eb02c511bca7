package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.files.VersionFile;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a version into every version file on origin's branch in one commit, changing only the bytes of the
 * values. A file already at the version is left alone; a file ahead of it is an error for a release (a version
 * never goes backwards) and already done for a next-development bump (someone moved on already).
 */
public final class BumpVersionStep implements Step {
  /** What a file that is already past the target means. */
  public enum Mode { RELEASE, NEXT_DEVELOPMENT }

  private final String branch;
  private final Version target;
  private final List<VersionFile> files;
  private final String message;
  private final Mode mode;

  public BumpVersionStep(String branch, Version target, List<VersionFile> files, String message, Mode mode) {
    this.branch = branch;
    this.target = target;
    this.files = List.copyOf(files);
    this.message = message;
    this.mode = mode;
  }

  @Override
  public String description() {
    return (mode == Mode.RELEASE ? "set version " : "start ") + target + " in "
        + String.join(", ", files.stream().map(VersionFile::path).toList()) + " on " + branch;
  }

  @Override
  public StepResult apply(StepContext context) {
    if (files.isEmpty()) {
      throw new PreconditionException("No version files are configured. Add them with "
          + "Conventions.withVersionFiles(...).");
    }
    Workspace ws = context.workspace();
    Origin origin = ws.origin();
    String tip = origin.branch(branch).map(CommitId::name).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + branch + "' to bump. Cut it first (cutBranch()), then run again."));
    Map<String, byte[]> edits = new LinkedHashMap<>();
    for (VersionFile file : files) {
      byte[] content = ws.readFile(tip, file.path()).orElseThrow(() -> new PreconditionException(
          "The version file " + file.path() + " does not exist on " + branch + ". Fix the path in "
              + "Conventions.withVersionFiles(...) or add the file."));
      Version current = file.read(content);
      if (current.equals(target)) {
        continue;
      }
      if (current.isAfter(target)) {
        if (mode == Mode.NEXT_DEVELOPMENT) {
          continue;
        }
        throw new PreconditionException(file.path() + " on " + branch + " already says " + current
            + ", which is newer than " + target + ": a version never goes backwards. Release a newer version.");
      }
      edits.put(file.path(), file.write(content, target));
    }
    if (edits.isEmpty()) {
      return StepResult.alreadyDone("version files on " + branch + " already at " + target);
    }
    ws.commit(origin, branch, message, edits);
    String after = ws.remoteBranch(branch).orElseThrow();
    for (VersionFile file : files) {
      Version written = file.read(ws.readFile(after, file.path()).orElseThrow());
      if (written.isAfter(target) ? mode == Mode.RELEASE : !written.equals(target)) {
        throw new StepFailedException(description(), file.path() + " reads " + written + " after the commit");
      }
    }
    return StepResult.done(String.join(", ", edits.keySet()) + " set to " + target + " on " + branch);
  }
}
