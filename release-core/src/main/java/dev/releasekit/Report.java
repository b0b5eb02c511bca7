package dev.releasekit;

import dev.releasekit.internal.Rendering;
import java.util.List;

/**
 * What {@link Release#run()} did: per step DONE, ALREADY_DONE or BLOCKED, with the changes made, any output (a
 * cherry-pick summary, a commit log, a command's output) and the typed results. A run that stopped early attaches
 * its partial report to the exception it throws ({@link ReleaseException#report()}).
 *
 * <pre>{@code
 * Report report = release.run();
 * report.steps().forEach(s -> System.out.println(s.outcome() + " " + s.description()));
 * report.result(ResultKey.RELEASE_PR).ifPresent(pr -> System.out.println(pr.url()));
 * Files.writeString(Path.of("report.json"), report.toJson());
 * }</pre>
 */
public final class Report extends ReleaseResults {
  private final String runId;

  Report(String version, String runId, List<StepResult> steps) {
    super(version, steps);
    this.runId = runId;
  }

  /** The run's id, as written in the journal. */
  public String runId() {
    return runId;
  }

  @Override
  public boolean rehearsed() {
    return false;
  }

  /**
   * The JSON form, for programs: {@code kind}, {@code version}, {@code outcome} ({@code would-do},
   * {@code already-done}, {@code done} or {@code blocked}), the typed {@code results} ({@code tag},
   * {@code pr-number}, {@code pr-url}, {@code release-url}, those present), then every step with its
   * outcome, detail, changes, warnings and output.
   */
  public String toJson() {
    return Rendering.json(this);
  }

  /**
   * The Markdown form, for people: the title, a table of the steps, then per step its changes with diffs,
   * warnings and output; diffs and outputs longer than 20 lines are folded in a {@code <details>} block. This
   * is what {@code GitHubActions} writes to a job's step summary.
   */
  public String toMarkdown() {
    return Rendering.markdown(this, true);
  }

  @Override
  public String toString() {
    return Rendering.text("Report for release " + version() + " (run " + runId + "):", steps());
  }
}
