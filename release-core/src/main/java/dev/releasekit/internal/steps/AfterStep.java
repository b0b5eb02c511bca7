package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;

/**
 * A gate between repositories: the steps after it run only once an earlier step of {@code repository} produced
 * {@code key}, such as "the core release is published" before the website's pull request is merged. It writes
 * nothing; without the result it blocks, so nothing after it runs.
 */
public final class AfterStep implements Step {
  private final String repository;
  private final ResultKey<?> key;

  public AfterStep(String repository, ResultKey<?> key) {
    this.repository = repository;
    this.key = key;
  }

  @Override
  public String description() {
    return "go on once " + repository + " has its " + key;
  }

  @Override
  public StepResult apply(StepContext context) {
    Object value = context.result(repository, key).orElseThrow(() -> new PreconditionException(repository
        + " has no " + key + " yet, and the steps after this gate need it. Put the " + repository + " step that"
        + " produces it (for published-release: publishRelease()) before this gate in the release, then run"
        + " again."));
    return StepResult.alreadyDone(repository + "'s " + key + " is there: " + value);
  }
}
