package dev.releasekit;

import dev.releasekit.internal.Rendering;
import java.util.List;

/**
 * What {@link Release#run()} did: per step DONE, ALREADY_DONE or BLOCKED, with the changes made and any output
 * (a cherry-pick summary, a commit log, a command's output). A run that stopped early attaches its partial report
 * to the exception it throws ({@link ReleaseException#report()}).
 *
 * <pre>{@code
 * Report report = release.run();
 * report.steps().forEach(s -> System.out.println(s.outcome() + " " + s.description()));
 * Files.writeString(Path.of("report.json"), report.toJson());
 * }</pre>
 */
public final class Report {
  private final String version;
  private final String runId;
  private final List<StepResult> steps;

  Report(String version, String runId, List<StepResult> steps) {
    this.version = version;
    this.runId = runId;
    this.steps = List.copyOf(steps);
  }

  public String version() {
    return version;
  }

  /** The run's id, as written in the journal. */
  public String runId() {
    return runId;
  }

  public List<StepResult> steps() {
    return steps;
  }

  public StepResult step(int oneBasedIndex) {
    return steps.get(oneBasedIndex - 1);
  }

  public List<Change> changes() {
    return steps.stream().flatMap(s -> s.changes().stream()).toList();
  }

  /** True when the run wrote nothing because everything was already done. */
  public boolean isNoOp() {
    return steps.stream().allMatch(s -> s.outcome() == Outcome.ALREADY_DONE);
  }

  public String toJson() {
    return Rendering.json("report", version, steps);
  }

  public String toMarkdown() {
    return Rendering.markdown("Release " + version, steps);
  }

  @Override
  public String toString() {
    return Rendering.text("Report for release " + version + " (run " + runId + "):", steps);
  }
}
