package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hosting that is not wired is looked for when a step first needs it, not when the release starts: a release of
 * git steps alone never starts a provider (for GitHub that is an HTTP client, JSON adapters and logging), and one
 * that needs it looks once, for the rehearsal and the run together.
 */
class LazyDiscoveryTest {
  @TempDir
  Path temp;

  private Release release(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree())
        .environment(Map.of(CountingHostingProvider.COUNTER, temp.toString()))
        .mergeForward("master", "dev").cutBranch().bumpVersion();
  }

  @Test
  void aReleaseOfGitStepsAloneNeverLooksForAHosting() {
    GitFixture fixture = GitFixture.homeAssistant(temp);

    Plan plan = release(fixture).plan();
    Report report = release(fixture).run();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(CountingHostingProvider.asked(temp.toString())).isZero();
  }

  @Test
  void aReleaseThatOpensAPullRequestLooksForItsHostingOnceForTheRehearsalAndTheRun() {
    GitFixture fixture = GitFixture.homeAssistant(temp);

    Report report = release(fixture).openPr().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(fixture.hosting().findPullRequest("release-0-57", "master")).isPresent();
    assertThat(CountingHostingProvider.asked(temp.toString())).isEqualTo(1);
  }
}
