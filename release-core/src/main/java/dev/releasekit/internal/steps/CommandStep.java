package dev.releasekit.internal.steps;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.files.VersionFile;
import dev.releasekit.spi.CommandOutput;
import dev.releasekit.spi.Journal;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a command such as {@code script/release}. Its effect cannot be observed, so the journal records it before
 * and after: a finished command is ALREADY_DONE on a re-run, and one that started but never finished blocks until
 * a person checks what it did.
 */
public final class CommandStep implements Step {
  private final List<String> command;
  private final String tag;
  private final String branch;
  private final String mainBranch;

  public CommandStep(List<String> command, String tag, String branch, String mainBranch) {
    this.command = List.copyOf(command);
    this.tag = tag;
    this.branch = branch;
    this.mainBranch = mainBranch;
  }

  @Override
  public String description() {
    return "run " + String.join(" ", command);
  }

  @Override
  public StepResult apply(StepContext context) {
    if (context.conventions().commandsRefuseDevVersions()) {
      refuseDevVersions(context);
    }
    String key = "command:" + String.join(" ", command);
    Optional<Journal.Entry> latest = context.journal().latest(key);
    String state = latest.map(Journal.Entry::state).orElse("");
    if (state.equals("done")) {
      return StepResult.alreadyDone(String.join(" ", command) + " finished in an earlier run");
    }
    if (state.equals("started")) {
      throw new ConflictException(String.join(" ", command) + " started in run " + latest.get().run() + " at "
          + latest.get().time() + " but its end was never recorded (the process may have died). Check whether it"
          + " took effect; then either record it as done by removing this step, or run it by hand.");
    }
    Map<String, String> environment = new LinkedHashMap<>(context.environment());
    environment.put("RELEASEKIT_VERSION", context.version().toString());
    environment.put("RELEASEKIT_TAG", tag);
    environment.put("RELEASEKIT_BRANCH", branch);
    context.journal().record(key, "started", context.version().toString());
    context.change(Change.of(Change.Kind.COMMAND, String.join(" ", command), "run " + String.join(" ", command)));
    CommandOutput output = context.exec(command, environment);
    if (!output.succeeded()) {
      // It ran to its end and said it failed: running it again is the fix, so the journal does not block it.
      context.journal().record(key, "failed", "exit " + output.exitCode());
      throw new StepFailedException(description(), "exit code " + output.exitCode() + ". Output:\n"
          + output.output());
    }
    context.journal().record(key, "done", "exit 0");
    return StepResult.done(String.join(" ", command) + " exited 0").withOutput(output.output());
  }

  private void refuseDevVersions(StepContext context) {
    if (context.version().isDev()) {
      throw new PreconditionException(String.join(" ", command) + " refuses a dev version (" + context.version()
          + "); release a final version.");
    }
    String tip = context.workspace().remoteBranch(mainBranch).orElse(null);
    if (tip == null) {
      return;
    }
    for (VersionFile file : context.conventions().versionFiles()) {
      byte[] content = context.workspace().readFile(tip, file.path()).orElse(null);
      if (content != null && file.read(content).isDev()) {
        throw new PreconditionException(String.join(" ", command) + " refuses to run while " + file.path()
            + " on " + mainBranch + " says " + file.read(content) + ", a dev version. Merge the release first.");
      }
    }
  }
}
