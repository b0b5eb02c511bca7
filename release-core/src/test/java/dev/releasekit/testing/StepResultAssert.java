package dev.releasekit.testing;

import dev.releasekit.Outcome;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions for a {@link StepResult}, for this project's tests and for authors of their own steps.
 *
 * <pre>{@code
 * StepResultAssert.assertThat(step.apply(context)).isDone().hasDetailContaining("tagged").hasResult(ResultKey.TAG);
 * }</pre>
 */
public final class StepResultAssert extends AbstractAssert<StepResultAssert, StepResult> {

  private StepResultAssert(StepResult actual) {
    super(actual, StepResultAssert.class);
  }

  public static StepResultAssert assertThat(StepResult actual) {
    return new StepResultAssert(actual);
  }

  public StepResultAssert hasOutcome(Outcome outcome) {
    isNotNull();
    if (actual.outcome() != outcome) {
      failWithMessage("Expected %s but the step was %s", outcome, actual);
    }
    return this;
  }

  public StepResultAssert isDone() {
    return hasOutcome(Outcome.DONE);
  }

  public StepResultAssert isAlreadyDone() {
    return hasOutcome(Outcome.ALREADY_DONE);
  }

  public StepResultAssert isWouldDo() {
    return hasOutcome(Outcome.WOULD_DO);
  }

  public StepResultAssert isBlocked() {
    return hasOutcome(Outcome.BLOCKED);
  }

  public StepResultAssert hasDetailContaining(String text) {
    isNotNull();
    Assertions.assertThat(actual.detail()).as("detail of " + actual).contains(text);
    return this;
  }

  public StepResultAssert hasResult(ResultKey<?> key) {
    isNotNull();
    if (actual.result(key).isEmpty()) {
      failWithMessage("Expected the step to produce %s, but it produced %s", key, actual.results().keySet());
    }
    return this;
  }
}
