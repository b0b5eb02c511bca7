package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.Cases;
import dev.releasekit.testing.ChaosFlow;
import dev.releasekit.testing.ChaosFlows;
import dev.releasekit.testing.KillAndRerun;
import dev.releasekit.testing.TwoAtOnce;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same release run by two processes at once, from two clones of one origin: released together at the start,
 * and held together at the start of each step. Every race must end in one run's state. See {@link TwoAtOnce}.
 */
class TwoAtOnceTest {
  @TempDir
  Path temp;

  @Test
  void twoRunsOfTheBugfixReleaseAtOnceEndInOneRunsState() {
    assertEveryRaceEndsInOneRunsState(ChaosFlows.bugfix(), 11);
  }

  @Test
  void twoRunsOfEachPhaseOfHomeAssistantsWholeFlowAtOnceEndInOneRunsState() {
    assertEveryRaceEndsInOneRunsState(ChaosFlows.homeAssistant(), 20);
  }

  private void assertEveryRaceEndsInOneRunsState(ChaosFlow flow, int atLeast) {
    TwoAtOnce harness = new TwoAtOnce(KillAndRerun.reference(flow, temp));
    List<TwoAtOnce.Result> results = Cases.inParallel(harness.races(), harness::run);
    long one = results.stream().filter(TwoAtOnce.Result::oneRunsState).count();
    System.out.println(one + "/" + results.size() + " raced runs ended in one run's state (" + flow + ")");
    assertThat(results.stream().filter(r -> !r.oneRunsState()).map(TwoAtOnce.Result::describe).toList())
        .as("%d/%d raced runs ended in one run's state", one, results.size()).isEmpty();
    if (System.getProperty("releasekit.chaos.cases") == null) {
      assertThat(results).as("races of %s", flow).hasSizeGreaterThanOrEqualTo(atLeast);
    }
  }
}
