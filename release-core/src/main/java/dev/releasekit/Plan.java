package dev.releasekit;

import dev.releasekit.internal.Rendering;
import java.util.List;

/**
 * What {@link Release#plan()} found by rehearsing every step on a throwaway copy: first the
 * {@linkplain #preconditions() preconditions} it checked (which conventions apply, whether the work tree is
 * clean), then for each step WOULD_DO, ALREADY_DONE or BLOCKED, with the changes it would make (file diffs, refs,
 * pull requests) and the results it would produce. The steps are numbered as {@link Release#steps()} numbers
 * them: a precondition is never a step.
 *
 * <pre>{@code
 * Plan plan = release.plan();
 * System.out.println(plan);              // the preconditions, then one line per step, diffs indented below
 * if (plan.isBlocked()) System.err.println(plan.firstBlocked().get().detail());
 * Files.writeString(Path.of("plan.md"), plan.toMarkdown());
 * }</pre>
 */
public final class Plan extends ReleaseResults {
  private final List<Precondition> preconditions;

  Plan(String version, List<StepResult> steps) {
    this(version, List.of(), steps);
  }

  Plan(String version, List<Precondition> preconditions, List<StepResult> steps) {
    super(version, steps);
    this.preconditions = List.copyOf(preconditions);
  }

  /**
   * What was checked before the steps, per repository, in order: the conventions (given, or found from the
   * project's shape on origin, and which file decided) and the work tree, then the release's lease on origin (free,
   * held by a run that ended and so taken over, or held by a live run). A work tree that {@linkplain
   * Precondition#blocks() blocks} marks the steps that read it BLOCKED; a lease held by a live run fails the run as
   * a whole at its start, so the steps still show what they would do once that run ends. A {@linkplain
   * Precondition.State#WARNING warning} blocks nothing.
   */
  public List<Precondition> preconditions() {
    return preconditions;
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

  /**
   * The JSON form, for programs: {@code kind}, {@code version}, {@code outcome} ({@code would-do},
   * {@code already-done}, {@code done} or {@code blocked}), the typed {@code results} ({@code tag},
   * {@code pr-number}, {@code pr-url}, {@code release-url}, those present), the {@code preconditions}, then
   * every step with its outcome, detail, changes, warnings and output.
   */
  public String toJson() {
    return Rendering.json(this);
  }

  /**
   * The Markdown form, for people: the title, the preconditions as a list, a table of the steps, then per step
   * its changes with diffs, warnings and output; diffs and outputs longer than 20 lines are folded in a {@code
   * <details>} block. This is what {@code GitHubActions} writes to a job's step summary.
   */
  public String toMarkdown() {
    return Rendering.markdown(this, true);
  }

  @Override
  public String toString() {
    return Rendering.text("Plan for release " + version() + " (" + steps().size() + " steps):", preconditions,
        steps());
  }
}
