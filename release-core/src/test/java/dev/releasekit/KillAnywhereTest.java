package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.Cases;
import dev.releasekit.testing.ChaosFlow;
import dev.releasekit.testing.ChaosFlows;
import dev.releasekit.testing.KillAndRerun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole release processes killed with SIGKILL anywhere, then run again: at every step boundary, before every pick,
 * with every ref lock of a push held on origin, half way through every write of the hosting store, and at timed
 * points of every writing step. Each case must end where an uninterrupted run ends. See {@link KillAndRerun}.
 */
class KillAnywhereTest {
  @TempDir
  Path temp;

  @Test
  void homeAssistantsWholeFlowKilledAnywhereEndsAsAnUninterruptedRunAfterARerun() {
    assertEveryKillConverges(ChaosFlows.homeAssistant());
  }

  @Test
  void postHogsReleaseKilledAnywhereEndsAsAnUninterruptedRunAfterARerun() {
    assertEveryKillConverges(ChaosFlows.postHog());
  }

  private void assertEveryKillConverges(ChaosFlow flow) {
    KillAndRerun harness = KillAndRerun.reference(flow, temp);
    List<KillAndRerun.Result> results = Cases.inParallel(harness.cases(), harness::run);
    long converged = results.stream().filter(KillAndRerun.Result::converged).count();
    int runs = results.stream().mapToInt(KillAndRerun.Result::runs).sum();
    System.out.println(converged + "/" + results.size() + " converged (" + flow + ", " + runs + " runs)");
    assertThat(results).as("kill points of %s", flow).isNotEmpty();
    assertThat(results.stream().filter(r -> !r.converged()).map(KillAndRerun.Result::describe).toList())
        .as("%d/%d converged", converged, results.size()).isEmpty();
  }
}
