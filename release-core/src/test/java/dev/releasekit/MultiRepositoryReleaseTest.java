package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.notes.Variant;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.TwoRepositories;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Home Assistant's core and website as one release: one plan, one report, a journal on each origin. */
class MultiRepositoryReleaseTest {
  @TempDir
  Path temp;

  @Test
  void thePreparationOfBothRepositoriesIsOneReleaseWhoseStepsSayWhichRepositoryTheyActOn() {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    GitFixture website = GitFixture.homeAssistantWebsite(temp.resolve("site"));
    Release release = TwoRepositories.preparation(core, website);

    assertThat(release.repositories()).containsExactly("core", "website");
    assertThat(release.steps()).containsExactly(
        "core: merge master into dev",
        "core: cut release-0-57 from dev",
        "core: set version 0.57.0 in homeassistant/const.py on release-0-57",
        "core: open pull request release-0-57 -> master titled \"0.57\"",
        "website: merge current into next",
        "website: cut release-0-57 from next",
        "website: open pull request release-0-57 -> current titled \"0.57\"");

    Report report = release.run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(Outcome.DONE, Outcome.DONE,
        Outcome.DONE, Outcome.DONE, Outcome.ALREADY_DONE, Outcome.DONE, Outcome.DONE);
    assertThat(report.step(5).detail()).as("next is ahead of current in the fixture").contains("already contains");
    assertThat(report.steps("website")).hasSize(3);
    assertThat(website.isAncestor("current", "next")).isTrue();
    assertThat(website.isAncestor("next", "release-0-57")).isTrue();
    assertThat(website.hosting().findPullRequest("release-0-57", "current")).get()
        .extracting(PullRequest::title).isEqualTo("0.57");
    assertThat(core.hosting().findPullRequest("release-0-57", "master")).isPresent();
    assertThat(core.allOriginRefs()).containsKey("refs/releasekit/0.57.0");
    assertThat(website.allOriginRefs()).as("each repository keeps its journal on its own origin")
        .containsKey("refs/releasekit/0.57.0");
    assertThat(website.file("refs/releasekit/0.57.0", "journal.jsonl")).contains("website: cut release-0-57")
        .doesNotContain("core: cut");
  }

  @Test
  void planOfBothRepositoriesReportsEveryStepAndLeavesBothOriginsAndHostingsByteIdentical() {
    TwoRepositories both = TwoRepositories.onReleaseDay(temp);
    String before = both.fingerprint();

    Plan plan = both.releaseDay().plan();

    assertThat(plan.steps()).hasSize(both.releaseDay().steps().size());
    assertThat(plan.steps()).extracting(StepResult::outcome).doesNotContain(Outcome.BLOCKED);
    assertThat(plan.steps("core")).isNotEmpty();
    assertThat(plan.steps("website")).extracting(StepResult::description)
        .contains("website: write " + TwoRepositories.POST + " on release-0-57 from core's release notes");
    assertThat(plan.result("core", ResultKey.NOTES)).as("rehearsed notes flow to the website's step").isPresent();
    assertThat(both.fingerprint()).isEqualTo(before);
  }

  @Test
  void releaseDayOfBothRepositoriesRunsThenItsRerunWritesNothing() {
    TwoRepositories both = TwoRepositories.onReleaseDay(temp);

    Report report = both.releaseDay().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE, Outcome.ALREADY_DONE);
    String notes = report.result("core", ResultKey.NOTES).orElseThrow().render(Variant.WEBSITE);
    assertThat(both.website().file("current", TwoRepositories.POST)).as("the post is core's website notes")
        .endsWith(notes).contains("Fix switch toggling");
    assertThat(both.website().hosting().findPullRequest("release-0-57", "current").orElseThrow().isMerged())
        .isTrue();
    assertThat(both.website().isAncestor("current", "next")).isTrue();
    assertThat(both.core().hosting().releaseByTag("0.57")).isPresent();
    String after = both.fingerprint();

    Report again = both.releaseDay().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(again.isNoOp()).isTrue();
    assertThat(both.fingerprint()).as("origins, journals and hostings").isEqualTo(after);
  }

  static List<Integer> everyStepOfReleaseDay() {
    return IntStream.rangeClosed(1, 13).boxed().toList();
  }

  @ParameterizedTest(name = "failure after step {0}")
  @MethodSource("everyStepOfReleaseDay")
  void aFailureAfterAnyStepOfEitherRepositoryThenARerunEndsAsAnUninterruptedRun(int failAfter) {
    TwoRepositories reference = TwoRepositories.onReleaseDay(temp.resolve("reference"));
    reference.releaseDay().run();
    TwoRepositories both = TwoRepositories.onReleaseDay(temp.resolve("interrupted"));
    assertThat(both.releaseDay().steps()).as("the parameters cover every step").hasSize(13);
    Release dying = both.releaseDay().listener(new ReleaseListener() {
      @Override
      public void stepFinished(int index, StepResult result) {
        if (index == failAfter) {
          throw new IllegalStateException("injected failure after step " + index);
        }
      }
    });
    assertThatThrownBy(dying::run).hasMessageContaining("injected");

    Report rerun = both.releaseDay().run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(both.contentState()).isEqualTo(reference.contentState());
    assertThat(both.core().hosting().findPullRequest("release-0-57", "master").orElseThrow().isMerged()).isTrue();
    assertThat(both.releaseDay().plan().isNoOp()).isTrue();
  }

  @Test
  void twoRepositoriesInOneFolderAreRefusedBeforeAnythingIsOpened() {
    GitFixture core = GitFixture.homeAssistant(temp);
    Release release = Release.of("0.57").repository("core", core.workTree()).cutBranch()
        .repository("website", core.workTree()).cutBranch();

    assertThatThrownBy(release::plan).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("'core' and 'website' are both").hasMessageContaining("its own clone");
  }

  @Test
  void aGateOnAResultNoEarlierStepProducedBlocksAndSaysWhatToPutFirst() {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    GitFixture website = GitFixture.homeAssistantWebsite(temp.resolve("site"));
    Release release = Release.of("0.57").repository("core", core.workTree()).hostedOn(core.hosting()).cutBranch()
        .repository("website", website.workTree()).hostedOn(website.hosting()).conventions(TwoRepositories.SITE)
        .after("core", ResultKey.PUBLISHED_RELEASE).mergeForward("current", "next");
    String before = core.fingerprint() + website.fingerprint();

    Plan plan = release.plan();

    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(2).detail()).contains("core has no published-release yet").contains("publishRelease()");
    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class);
    assertThat(core.fingerprint() + website.fingerprint()).isEqualTo(before);
  }

  @Test
  void aRepositoryNameThatIsNotAFolderNameIsRefusedAtOnce() {
    assertThatThrownBy(() -> Release.of("0.57").repository("core website")).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("such as core or website");
  }
}
