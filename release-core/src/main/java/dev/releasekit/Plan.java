package dev.releasekit;

import dev.releasekit.internal.Rendering;
import java.util.List;

/**
 * What {@link Release#plan()} found by rehearsing every step on a throwaway copy: for each step WOULD_DO,
 * ALREADY_DONE or BLOCKED, with the changes it would make (file diffs, refs, pull requests) and the results it
 * would produce.
 *
 * <pre>{@code
 * Plan plan = release.plan();
 * System.out.println(plan);              // one line per step, diffs indented below
 * if (plan.isBlocked()) System.err.println(plan.firstBlocked().get().detail());
 * Files.writeString(Path.of("plan.md"), plan.toMarkdown());
 * }</pre>
 */
public final class Plan extends ReleaseResults {

  Plan(String version, List<StepResult> steps) {
    super(version, steps);
  }

  /** Always true: a plan's results are rehearsed, such as a pull request that does not exist yet. */
  @Override
  public boolean rehearsed() {
    return true;
  }

  /** True when a run would write nothing: every step is ALREADY_DONE (the same as {@link #isNoOp()}). */
  public boolean isComplete() {
    return isNoOp();
  }

  public String toJson() {
    return Rendering.json("plan", version(), steps());
  }

  public String toMarkdown() {
    return Rendering.markdown("Plan for release " + version(), steps());
  }

  @Override
  public String toString() {
    return Rendering.text("Plan for release " + version() + " (" + steps().size() + " steps):", steps());
  }
}
