package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Home Assistant's release day end to end on LocalHosting: pick, notes, merge, tag and publish, close, next dev. */
class ReleaseDayFlowTest {
  @TempDir
  Path temp;

  private static void assertReleased(GitFixture fixture) {
    PullRequest pr = fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow();
    assertThat(pr.state()).isEqualTo(PullRequest.State.MERGED);
    assertThat(pr.body()).contains("## All changes").contains("Fix switch toggling ([@switchdev] - [#102])");
    RevCommit merge = fixture.commit("master");
    assertThat(merge.getParentCount()).as("a merge commit, never a squash").isEqualTo(2);
    assertThat(fixture.commit("0.57").name()).as("tag on master").isEqualTo(merge.name());
    assertThat(fixture.originRefs().get("refs/tags/0.57")).as("annotated").isNotEqualTo(merge.name());
    HostedRelease release = fixture.hosting().releaseByTag("0.57").orElseThrow();
    assertThat(release.status()).isEqualTo(HostedRelease.Status.PUBLISHED);
    assertThat(release.name()).isEqualTo("0.57");
    assertThat(release.body()).isEqualTo(pr.body());
    assertThat(fixture.hosting().milestone("0.57").orElseThrow().state()).isEqualTo(Milestone.State.CLOSED);
    assertThat(fixture.isAncestor("master", "dev")).isTrue();
    assertThat(fixture.file("dev", "homeassistant/const.py")).contains("MINOR_VERSION = 58")
        .contains("PATCH_VERSION = '0.dev0'");
    assertThat(fixture.file("master", "homeassistant/const.py")).contains("PATCH_VERSION = '0'\n");
  }

  @Test
  void releaseDayRunsEndToEndAndItsRerunIsAlreadyDone() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp).deferUnmerged();
    GitFixture fixture = scenario.fixture();

    Report report = ReleaseDayScenario.releaseDay(fixture).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertReleased(fixture);
    String before = fixture.fingerprint();
    Report again = ReleaseDayScenario.releaseDay(fixture).run();
    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @ParameterizedTest(name = "failure after step {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void rerunAfterAFailureAfterAnyStepEndsAsAnUninterruptedRun(int failAfter) {
    ReleaseDayScenario reference = ReleaseDayScenario.homeAssistant(temp.resolve("reference")).deferUnmerged();
    ReleaseDayScenario.releaseDay(reference.fixture()).run();
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp.resolve("interrupted")).deferUnmerged().fixture();
    Release dying = ReleaseDayScenario.releaseDay(fixture).listener(new ReleaseListener() {
      @Override
      public void stepFinished(int index, StepResult result) {
        if (index == failAfter) {
          throw new IllegalStateException("injected failure after step " + index);
        }
      }
    });
    assertThatThrownBy(dying::run).hasMessageContaining("injected");

    Report rerun = ReleaseDayScenario.releaseDay(fixture).run();

    assertThat(rerun.steps()).extracting(StepResult::outcome).containsExactlyElementsOf(
        IntStream.rangeClosed(1, rerun.steps().size()).mapToObj(i -> i <= failAfter ? Outcome.ALREADY_DONE
            : Outcome.DONE).toList());
    assertThat(fixture.contentState()).isEqualTo(reference.fixture().contentState());
    assertReleased(fixture);
    assertThat(fixture.hosting().labels()).containsExactly("cherry-picked");
    for (int pr : List.of(101, 102, 104, 105)) {
      assertThat(fixture.hosting().pullRequest(pr).labels()).containsExactly("cherry-picked");
    }
  }

  @Test
  void planOfReleaseDayRehearsesEveryStepAndTouchesNothing() {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp).deferUnmerged().fixture();
    String before = fixture.fingerprint();

    Plan plan = ReleaseDayScenario.releaseDay(fixture).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.changes()).extracting(Change::summary)
        .anySatisfy(s -> assertThat(s).contains("cherry-pick"))
        .anySatisfy(s -> assertThat(s).isEqualTo("label #102 cherry-picked"))
        .anySatisfy(s -> assertThat(s).startsWith("merge #"))
        .anySatisfy(s -> assertThat(s).startsWith("create tag 0.57"))
        .anySatisfy(s -> assertThat(s).isEqualTo("publish release 0.57"))
        .anySatisfy(s -> assertThat(s).isEqualTo("close milestone 0.57"));
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void closingTheMilestoneBlocksWhileAPullRequestInItIsOpen() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone("0.57").closeMilestone();

    assertThatThrownBy(release::run).isInstanceOf(ConflictException.class)
        .hasMessageContaining("#" + scenario.unmergedPr() + " is still open")
        .hasMessageContaining("closeMilestoneEvenIfIncomplete()");
    assertThat(fixture.hosting().milestone("0.57").orElseThrow().state()).isEqualTo(Milestone.State.OPEN);

    Report forced = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone("0.57").closeMilestoneEvenIfIncomplete().run();
    assertThat(forced.step(2).warnings()).anySatisfy(w -> assertThat(w).contains("still open"));
    assertThat(fixture.hosting().milestone("0.57").orElseThrow().state()).isEqualTo(Milestone.State.CLOSED);
  }

  @Test
  void mergedButUnpickedPullRequestBlocksClosingTheMilestone() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp).deferUnmerged();
    GitFixture fixture = scenario.fixture();
    Release close = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .closeMilestone();
    assertThatThrownBy(close::run).isInstanceOf(ConflictException.class)
        .hasMessageContaining("#101 is merged but not on release-0-57");
  }

  @Test
  void aRunOnADirtyCheckoutLeavesTheCheckoutAsItWasAndReleasesOnlyWhatIsOnOrigin() throws Exception {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp).deferUnmerged().fixture();
    Path constPy = fixture.workTree().resolve("homeassistant/const.py");
    java.nio.file.Files.writeString(constPy, "# local edit\n");

    // Every write is a commit made in memory on origin's commits: the local edit cannot leak, so nothing blocks.
    Report report = ReleaseDayScenario.releaseDay(fixture).run();
    assertThat(report.steps()).extracting(StepResult::outcome).doesNotContain(Outcome.BLOCKED);
    for (String branch : List.of("master", "dev", "release-0-57")) {
      assertThat(fixture.file(branch, "homeassistant/const.py")).as(branch).contains("MINOR_VERSION")
          .doesNotContain("# local edit");
    }
    assertThat(java.nio.file.Files.readString(constPy)).isEqualTo("# local edit\n");

    // A step that runs in the work tree would build from the edit: the run refuses before writing anything.
    Map<String, String> before = fixture.originRefs();
    assertThatThrownBy(() -> ReleaseDayScenario.releaseDay(fixture).command("script/release").run())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("uncommitted changes [homeassistant/const.py]")
        .hasMessageContaining("Commit or stash them and run again");
    assertThat(fixture.originRefs()).isEqualTo(before);
    assertThat(java.nio.file.Files.readString(constPy)).isEqualTo("# local edit\n");
  }
}
