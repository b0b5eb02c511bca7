package dev.releasekit.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.internal.steps.BumpVersionStep;
import dev.releasekit.internal.steps.CutBranchStep;
import dev.releasekit.internal.steps.MergeForwardStep;
import dev.releasekit.internal.steps.TagStep;
import dev.releasekit.spi.Step;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.RecordingContext;
import dev.releasekit.version.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step observes origin once and reads its result back once: one ls-remote per observation. */
class ObservationCountTest {
  @TempDir
  Path temp;

  private int lsRemotesOf(GitFixture fixture, Step step, Outcome expected) {
    try (JGitWorkspace ws = JGitWorkspace.open(fixture.workTree(), null)) {
      RecordingContext context = new RecordingContext("0.57", Clock.systemUTC())
          .withConventions(Conventions.homeAssistant()).withWorkspace(ws).withHosting(fixture.hosting());
      assertThat(step.apply(context).outcome()).isEqualTo(expected);
      return ws.lsRemoteCount();
    }
  }

  @Test
  void eachStepObservesOnceAndVerifiesOnceAndARerunOnlyObserves() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Version version = Version.parse("0.57");
    List<Step> steps = List.of(
        new MergeForwardStep("master", "dev"),
        new CutBranchStep("release-0-57", "dev"),
        new BumpVersionStep("release-0-57", version, Conventions.homeAssistant().versionFiles(),
            "Version bump to 0.57.0", BumpVersionStep.Mode.RELEASE),
        new TagStep("0.57", "release-0-57", "0.57"));

    for (Step step : steps) {
      assertThat(lsRemotesOf(fixture, step, Outcome.DONE)).as("fresh: " + step.description()).isLessThanOrEqualTo(2);
      assertThat(lsRemotesOf(fixture, step, Outcome.ALREADY_DONE)).as("re-run: " + step.description())
          .isEqualTo(1);
    }
  }

  @Test
  void oneOriginSnapshotAnswersEveryBranchAndTagWithOneLsRemote() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    try (JGitWorkspace ws = JGitWorkspace.open(fixture.workTree(), null)) {
      Origin origin = ws.origin();

      assertThat(origin.branch("master")).isPresent();
      assertThat(origin.branch("dev")).isPresent();
      assertThat(origin.branch("nope")).isEmpty();
      assertThat(origin.tag("0.56")).isEmpty();
      assertThat(origin.refs()).containsKey("refs/heads/dev");
      assertThat(ws.lsRemoteCount()).isEqualTo(1);
      assertThat(origin).isEqualTo(ws.origin());
    }
  }
}
