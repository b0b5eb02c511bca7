package dev.releasekit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one step, with what it changed (or would change), what it printed, and the typed results it
 * produced for later steps and for the caller.
 *
 * <p>Steps build theirs with {@link #done(String)} or {@link #alreadyDone(String)}; the engine fills in the
 * description, the repository and the changes, turns DONE into WOULD_DO inside a {@link Release#plan()}, and
 * records BLOCKED when a step throws a {@link ReleaseException}.
 *
 * <pre>{@code
 * return StepResult.done("opened #104").with(ResultKey.RELEASE_PR, pr).withOutput(summary);
 * }</pre>
 */
public final class StepResult {
  private final String description;
  private final String repository;
  private final Outcome outcome;
  private final String detail;
  private final String output;
  private final List<Change> changes;
  private final List<String> warnings;
  private final String error;
  private final Map<ResultKey<?>, Object> results;

  private StepResult(Builder builder) {
    this.description = Objects.requireNonNull(builder.description, "description");
    this.repository = builder.repository;
    this.outcome = Objects.requireNonNull(builder.outcome, "outcome");
    this.detail = Objects.requireNonNull(builder.detail, "detail");
    this.output = builder.output == null ? "" : builder.output;
    this.changes = List.copyOf(builder.changes);
    this.warnings = List.copyOf(builder.warnings);
    this.error = builder.error;
    this.results = Collections.unmodifiableMap(new LinkedHashMap<>(builder.results));
  }

  /** The step reached its state by writing. */
  public static StepResult done(String detail) {
    return new Builder(Outcome.DONE, detail).build();
  }

  /** The state was already there; the step wrote nothing. */
  public static StepResult alreadyDone(String detail) {
    return new Builder(Outcome.ALREADY_DONE, detail).build();
  }

  /** A step that was stopped by a contradiction or an unmet precondition; built by the engine. */
  public static StepResult blocked(String description, ReleaseException cause, List<Change> changes) {
    Builder builder = new Builder(Outcome.BLOCKED, cause.getMessage());
    builder.description = description;
    builder.changes = changes;
    builder.error = cause.getClass().getSimpleName();
    return builder.build();
  }

  /** Adds text the step produced (a command's output, a cherry-pick summary, a commit log). */
  public StepResult withOutput(String output) {
    Builder builder = toBuilder();
    builder.output = output;
    return builder.build();
  }

  /** Adds a warning worth a person's attention that did not stop the step. */
  public StepResult withWarning(String warning) {
    Builder builder = toBuilder();
    builder.warnings.add(Objects.requireNonNull(warning, "warning"));
    return builder.build();
  }

  /** Adds a typed result for later steps and for the caller's {@link Report#result(ResultKey)}. */
  public <T> StepResult with(ResultKey<T> key, T value) {
    Builder builder = toBuilder();
    builder.results.put(Objects.requireNonNull(key, "key"), key.cast(Objects.requireNonNull(value, "value")));
    return builder.build();
  }

  public StepResult withDescription(String description) {
    Builder builder = toBuilder();
    builder.description = description;
    return builder.build();
  }

  public StepResult withOutcome(Outcome outcome) {
    Builder builder = toBuilder();
    builder.outcome = outcome;
    return builder.build();
  }

  public StepResult withDetail(String detail) {
    Builder builder = toBuilder();
    builder.detail = detail;
    return builder.build();
  }

  public StepResult withChanges(List<Change> changes) {
    Builder builder = toBuilder();
    builder.changes = new ArrayList<>(changes);
    return builder.build();
  }

  /** The repository the step acted on, for a release of several repositories; set by the engine. */
  public StepResult withRepository(String repository) {
    Builder builder = toBuilder();
    builder.repository = repository;
    return builder.build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  public String description() {
    return description;
  }

  /** The name of the repository the step acted on; empty until the engine sets it. */
  public String repository() {
    return repository;
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

  /** The value this step produced for {@code key}, if any. */
  public <T> Optional<T> result(ResultKey<T> key) {
    return Optional.ofNullable(results.get(key)).map(key::cast);
  }

  /** Every typed result of this step, in the order the step set them. */
  public Map<ResultKey<?>, Object> results() {
    return results;
  }

  @Override
  public String toString() {
    return outcome + " " + description + (detail.isEmpty() ? "" : ": " + detail);
  }

  private static final class Builder {
    private String description = "";
    private String repository = "";
    private Outcome outcome;
    private String detail;
    private String output = "";
    private List<Change> changes = new ArrayList<>();
    private final List<String> warnings;
    private String error;
    private final Map<ResultKey<?>, Object> results;

    Builder(Outcome outcome, String detail) {
      this.outcome = outcome;
      this.detail = detail;
      this.warnings = new ArrayList<>();
      this.results = new LinkedHashMap<>();
    }

    Builder(StepResult result) {
      this.description = result.description;
      this.repository = result.repository;
      this.outcome = result.outcome;
      this.detail = result.detail;
      this.output = result.output;
      this.changes = new ArrayList<>(result.changes);
      this.warnings = new ArrayList<>(result.warnings);
      this.error = result.error;
      this.results = new LinkedHashMap<>(result.results);
    }

    StepResult build() {
      return new StepResult(this);
    }
  }
}
