package dev.releasekit.examples.internal;

import dev.releasekit.ReleaseException;
import dev.releasekit.ReleaseListener;
import dev.releasekit.ReleaseResults;
import dev.releasekit.Secret;
import dev.releasekit.StepResult;
import dev.releasekit.ci.GitHubActions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * How a command reports while it runs and when it ends: on the console, and, in a GitHub Actions job, also through
 * the workflow's own channels (release-core's {@link GitHubActions}: masks, a group per step, annotations, the step
 * summary and typed outputs). {@link #forEnvironment} is the one place that chooses.
 */
final class Reporting {
  private final ReleaseListener listener;
  private final Optional<GitHubActions> actions;
  private final PrintStream commands;
  private boolean published;

  private Reporting(ReleaseListener listener, Optional<GitHubActions> actions, PrintStream commands) {
    this.listener = listener;
    this.actions = actions;
    this.commands = commands;
  }

  static Reporting forEnvironment(Cli.Context context) {
    ReleaseListener console = ReleaseListener.console(context.err(), context.terminal());
    PrintStream commands = new PrintStream(new WriterStream(context.out()), true, StandardCharsets.UTF_8);
    Optional<GitHubActions> actions = GitHubActions.fromEnvironment(context.environment())
        .map(a -> a.printingTo(commands));
    if (actions.isEmpty()) {
      return new Reporting(console, actions, commands);
    }
    // The runner reads workflow commands from standard output; the console line per step still goes to stderr.
    ReleaseListener workflow = actions.get().listener();
    return new Reporting(both(workflow, console), actions, commands);
  }

  private static ReleaseListener both(ReleaseListener first, ReleaseListener second) {
    return new ReleaseListener() {
      @Override
      public void secretsInUse(List<Secret> secrets) {
        first.secretsInUse(secrets);
        second.secretsInUse(secrets);
      }

      @Override
      public void stepStarted(int index, String description) {
        first.stepStarted(index, description);
        second.stepStarted(index, description);
      }

      @Override
      public void progress(int index, String message) {
        first.progress(index, message);
        second.progress(index, message);
      }

      @Override
      public void stepFinished(int index, StepResult result) {
        first.stepFinished(index, result);
        second.stepFinished(index, result);
      }
    };
  }

  ReleaseListener listener() {
    return listener;
  }

  /** Whether the command runs in a GitHub Actions job ({@code GITHUB_ACTIONS=true}). */
  boolean githubActions() {
    return actions.isPresent();
  }

  /** Called once with the plan or report the command printed, also the partial report of a failed run. */
  void finished(ReleaseResults results) {
    if (!published) {
      published = true;
      actions.ifPresent(a -> a.publish(results));
    }
    commands.flush();
  }

  /** Called when the plan or run threw: the annotation, the partial report in the summary, outcome=blocked. */
  void failed(ReleaseException failure) {
    if (!published) {
      published = true;
      actions.ifPresent(a -> a.publish(failure));
    }
    commands.flush();
  }

  /** Bytes from a {@link PrintStream}, handed to the command's writer a line at a time, decoded whole. */
  private static final class WriterStream extends ByteArrayOutputStream {
    private final PrintWriter writer;

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void flush() {
      writer.print(toString(StandardCharsets.UTF_8));
      writer.flush();
      reset();
    }
  }
}
