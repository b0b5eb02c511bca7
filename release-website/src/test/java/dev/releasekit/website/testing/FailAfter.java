package dev.releasekit.website.testing;

import dev.releasekit.Release;
import dev.releasekit.ReleaseListener;
import dev.releasekit.StepResult;

/**
 * A release that fails just after one of its steps finished, as a crashed or cancelled run would: the flow tests
 * run it, then run the release again and compare with an uninterrupted run.
 *
 * <pre>{@code
 * assertThatThrownBy(FailAfter.step(3, release)::run).hasMessageContaining("injected");
 * }</pre>
 */
public final class FailAfter {
  private FailAfter() {
  }

  public static Release step(int failAfter, Release release) {
    return release.listener(new ReleaseListener() {
      @Override
      public void stepFinished(int index, StepResult result) {
        if (index == failAfter) {
          throw new IllegalStateException("injected failure after step " + index);
        }
      }
    });
  }
}
