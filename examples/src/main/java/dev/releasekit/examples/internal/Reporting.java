package dev.releasekit.examples.internal;

import dev.releasekit.ReleaseListener;
import dev.releasekit.ReleaseResults;

/**
 * How a command reports while it runs and when it ends: on the console, or, in a GitHub Actions job, also through
 * the workflow's own channels. {@link #forEnvironment} is the one place that chooses.
 */
final class Reporting {
  private final ReleaseListener listener;
  private final boolean githubActions;

  private Reporting(ReleaseListener listener, boolean githubActions) {
    this.listener = listener;
    this.githubActions = githubActions;
  }

  static Reporting forEnvironment(Cli.Context context) {
    ReleaseListener console = ReleaseListener.console(context.err(), context.terminal());
    // TODO(integration): in a GitHub Actions job, wrap the console with release-core's GitHub Actions reporting
    // (dev.releasekit.ci): ::group:: per step and ::add-mask:: for secrets from the listener, and in finished()
    // the step summary ($GITHUB_STEP_SUMMARY), typed outputs ($GITHUB_OUTPUT) and annotations for BLOCKED steps.
    return new Reporting(console, "true".equals(context.environment().get("GITHUB_ACTIONS")));
  }

  ReleaseListener listener() {
    return listener;
  }

  /** Whether the command runs in a GitHub Actions job ({@code GITHUB_ACTIONS=true}). */
  boolean githubActions() {
    return githubActions;
  }

  /** Called once with the plan or report the command printed, also the partial report of a failed run. */
  void finished(ReleaseResults results) {
    // TODO(integration): when githubActions, the step summary and outputs from results (see forEnvironment).
  }
}
