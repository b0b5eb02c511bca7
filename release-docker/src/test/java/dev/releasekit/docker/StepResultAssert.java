package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Outcome;
import dev.releasekit.StepResult;

final class StepResultAssert {
  private StepResultAssert() {
  }

  static StepResult done(StepResult result) {
    assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.DONE);
    return result;
  }

  static StepResult alreadyDone(StepResult result) {
    assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.ALREADY_DONE);
    return result;
  }
}
