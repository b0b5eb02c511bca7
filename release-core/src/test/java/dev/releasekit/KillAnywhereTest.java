package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.Cases;
import dev.releasekit.testing.ChaosFlow;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ChaosFlows;
import dev.releasekit.testing.KillAndRerun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
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

  /**
   * The one timed kill CI caught (1 of 75): origin took {@code release-1.31.0}, and the run died while moving the
   * clone's copy of it, leaving {@code refs/remotes/origin/release-1.31.0.lock}. The branch names a commit the clone
   * already has and no fetch could move the copy, so every re-run failed to resolve it. Reproduced without a kill.
   */
  @Test
  void aCloneCopyADeadRunLeftLockedIsReadFromOriginAndItsLockRemovedByTheRerun() throws Exception {
    GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
    Path lock = originTookTheBranchAndTheCloneKeptALock(posthog, Instant.now().minusSeconds(60));

    Plan plan = release(posthog).plan();
    assertThat(plan.isBlocked()).isFalse();
    assertThat(lock).as("a plan writes nothing, not even a tidy-up").exists();

    Report report = release(posthog).run();

    assertThat(report.isBlocked()).isFalse();
    assertThat(posthog.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(lock).as("the dead run's lock in the clone, which would fail every git fetch there").doesNotExist();
    try (Repository clone = new FileRepositoryBuilder().findGitDir(posthog.workTree().toFile()).build()) {
      assertThat(clone.exactRef("refs/remotes/origin/release-1.31.0").getObjectId().name())
          .isEqualTo(posthog.originRefs().get("refs/heads/release-1.31.0"));
    }
  }

  @Test
  void aCloneCopyLockedSinceTheRunBeganMayBeALiveGitsAndIsLeftWhileOriginIsStillRead() throws Exception {
    GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
    Path lock = originTookTheBranchAndTheCloneKeptALock(posthog, Instant.now().plusSeconds(60));

    Report report = release(posthog).run();

    assertThat(report.isBlocked()).isFalse();
    assertThat(posthog.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(lock).exists();
  }

  private static Release release(GitFixture posthog) {
    return Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
        .hostedOn(posthog.hosting()).cutBranch().commitLog().bumpVersion();
  }

  private static Path originTookTheBranchAndTheCloneKeptALock(GitFixture posthog, Instant locked)
      throws Exception {
    try (Repository origin = new FileRepositoryBuilder().setGitDir(posthog.origin().toFile()).build()) {
      RefUpdate update = origin.updateRef("refs/heads/release-1.31.0");
      update.setNewObjectId(origin.resolve("refs/heads/master"));
      assertThat(update.update()).isEqualTo(RefUpdate.Result.NEW);
    }
    Path lock = posthog.workTree().resolve(".git/refs/remotes/origin/release-1.31.0.lock");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "");
    Files.setLastModifiedTime(lock, FileTime.from(locked));
    return lock;
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
