package dev.releasekit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Plan} and a {@link Report} have in common: the step results in order, the changes, and the typed
 * results the steps produced ({@link ResultKey}). In a plan those results are the rehearsed values: a pull request
 * the plan would open has no real number yet ({@link #rehearsed()} says which).
 */
public abstract sealed class ReleaseResults permits Plan, Report {
  private final String version;
  private final List<StepResult> steps;

  ReleaseResults(String version, List<StepResult> steps) {
    this.version = Objects.requireNonNull(version, "version");
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

  /** The steps of one repository of the release, in order. */
  public List<StepResult> steps(String repository) {
    return steps.stream().filter(s -> s.repository().equals(repository)).toList();
  }

  /** Every change of every step, in order. */
  public List<Change> changes() {
    return steps.stream().flatMap(s -> s.changes().stream()).toList();
  }

  /** Whether these are a plan's rehearsed results rather than a run's. */
  public abstract boolean rehearsed();

  /** The latest value any step produced for {@code key}. */
  public <T> Optional<T> result(ResultKey<T> key) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      Optional<T> value = steps.get(i).result(key);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The latest value a step of {@code repository} produced for {@code key}. */
  public <T> Optional<T> result(String repository, ResultKey<T> key) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      StepResult step = steps.get(i);
      if (step.repository().equals(repository) && step.result(key).isPresent()) {
        return step.result(key);
      }
    }
    return Optional.empty();
  }

  public boolean isBlocked() {
    return firstBlocked().isPresent();
  }

  public Optional<StepResult> firstBlocked() {
    return steps.stream().filter(s -> s.outcome() == Outcome.BLOCKED).findFirst();
  }

  /** True when there is nothing to do: every step is ALREADY_DONE, so a run writes nothing. */
  public boolean isNoOp() {
    return steps.stream().allMatch(s -> s.outcome() == Outcome.ALREADY_DONE);
  }
}
