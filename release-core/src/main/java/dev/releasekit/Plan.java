package dev.releasekit;

import dev.releasekit.internal.Rendering;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Release#plan()} found by rehearsing every step on a throwaway copy: for each step WOULD_DO,
 * ALREADY_DONE or BLOCKED, with the changes it would make (file diffs, refs, pull requests).
 *
 * <pre>{@code
 * Plan plan = release.plan();
 * System.out.println(plan);              // one line per step, diffs indented below
 * if (plan.isBlocked()) System.err.println(plan.firstBlocked().get().detail());
 * Files.writeString(Path.of("plan.md"), plan.toMarkdown());
 * }</pre>
 */
public final class Plan {
  private final String version;
  private final List<StepResult> steps;

  Plan(String version, List<StepResult> steps) {
    this.version = version;
    this.steps = List.copyOf(steps);
  }

  public String version() {
    return version;
  }

  public List<StepResult> steps() {
    return steps;
  }

  public StepResult step(int oneBasedIndex) {
    return steps.get(oneBasedIndex - 1);
  }

  /** Every change of every step, in order. */
  public List<Change> changes() {
    return steps.stream().flatMap(s -> s.changes().stream()).toList();
  }

  public boolean isBlocked() {
    return firstBlocked().isPresent();
  }

  public Optional<StepResult> firstBlocked() {
    return steps.stream().filter(s -> s.outcome() == Outcome.BLOCKED).findFirst();
  }

  /** True when a run would write nothing: every step is ALREADY_DONE. */
  public boolean isComplete() {
    return steps.stream().allMatch(s -> s.outcome() == Outcome.ALREADY_DONE);
  }

  public String toJson() {
    return Rendering.json("plan", version, steps);
  }

  public String toMarkdown() {
    return Rendering.markdown("Plan for release " + version, steps);
  }

  @Override
  public String toString() {
    return Rendering.text("Plan for release " + version + " (" + steps.size() + " steps):", steps);
  }
}
