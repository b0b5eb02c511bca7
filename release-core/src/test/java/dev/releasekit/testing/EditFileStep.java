package dev.releasekit.testing;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A file edit on an origin branch as one step, for the parts of a process core has no verb for yet (PostHog's chart
 * image tag, its {@code versions.json} entry): it reads the file on origin's branch, and commits the edited bytes
 * unless the edit changes nothing, which is ALREADY_DONE.
 */
public final class EditFileStep implements Step {
  private final String branch;
  private final String path;
  private final String message;
  private final UnaryOperator<byte[]> edit;

  public EditFileStep(String branch, String path, String message, UnaryOperator<byte[]> edit) {
    this.branch = branch;
    this.path = path;
    this.message = message;
    this.edit = edit;
  }

  @Override
  public String description() {
    return "edit " + path + " on " + branch;
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    String tip = ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("Origin has no branch "
        + branch + "; create it first, then run again."));
    byte[] before = ws.readFile(tip, path).orElseThrow(() -> new PreconditionException(path + " is not on "
        + branch + "."));
    byte[] after = edit.apply(before);
    if (Arrays.equals(before, after)) {
      return StepResult.alreadyDone(path + " on " + branch + " is as edited");
    }
    ws.commit(branch, tip, message, Map.of(path, after));
    return StepResult.done(path + " edited on " + branch);
  }
}
