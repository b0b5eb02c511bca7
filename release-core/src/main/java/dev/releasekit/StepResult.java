package dev.releasekit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one step, with what it changed (or would change) and what it printed.
 *
 * <p>Steps build theirs with {@link #done(String)} or {@link #alreadyDone(String)}; the engine fills in the
 * description and the changes, turns DONE into WOULD_DO inside a {@link Release#plan()}, and records BLOCKED
 * when a step throws a {@link ReleaseException}.
 *
 * <pre>{@code
 * return StepResult.done("picked 3 pull requests").withOutput(summary);
 * }</pre>
 */
public final class StepResult {
  private final String description;
  private final Outcome outcome;
  private final String detail;
  private final String output;
  private final List<Change> changes;
  private final List<String> warnings;
  private final String error;

  private StepResult(String description, Outcome outcome, String detail, String output, List<Change> changes,
      List<String> warnings, String error) {
    this.description = Objects.requireNonNull(description, "description");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.output = output == null ? "" : output;
    this.changes = List.copyOf(changes);
    this.warnings = List.copyOf(warnings);
    this.error = error;
  }

  /** The step reached its state by writing. */
  public static StepResult done(String detail) {
    return new StepResult("", Outcome.DONE, detail, "", List.of(), List.of(), null);
  }

  /** The state was already there; the step wrote nothing. */
  public static StepResult alreadyDone(String detail) {
    return new StepResult("", Outcome.ALREADY_DONE, detail, "", List.of(), List.of(), null);
  }

  /** A step that was stopped by a contradiction or an unmet precondition; built by the engine. */
  public static StepResult blocked(String description, ReleaseException cause, List<Change> changes) {
    return new StepResult(description, Outcome.BLOCKED, cause.getMessage(), "", changes, List.of(),
        cause.getClass().getSimpleName());
  }

  /** Adds text the step produced (a command's output, a cherry-pick summary, a commit log). */
  public StepResult withOutput(String output) {
    return new StepResult(description, outcome, detail, output, changes, warnings, error);
  }

  /** Adds a warning worth a person's attention that did not stop the step. */
  public StepResult withWarning(String warning) {
    List<String> more = new ArrayList<>(warnings);
    more.add(warning);
    return new StepResult(description, outcome, detail, output, changes, more, error);
  }

  public StepResult withDescription(String description) {
    return new StepResult(description, outcome, detail, output, changes, warnings, error);
  }

  public StepResult withOutcome(Outcome outcome) {
    return new StepResult(description, outcome, detail, output, changes, warnings, error);
  }

  public StepResult withChanges(List<Change> changes) {
    return new StepResult(description, outcome, detail, output, changes, warnings, error);
  }

  public String description() {
    return description;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }

  public String output() {
    return output;
  }

  public List<Change> changes() {
    return changes;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** The simple name of the exception that blocked the step, if it was blocked. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return outcome + " " + description + (detail.isEmpty() ? "" : ": " + detail);
  }
}
