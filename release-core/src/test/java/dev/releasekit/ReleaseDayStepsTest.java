package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.notes.Variant;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The release-day steps three ways each: fresh, a re-run that writes nothing, and a conflicting state. */
class ReleaseDayStepsTest {
  @TempDir
  Path temp;

  GitFixture fixture;

  @BeforeEach
  void preparedRelease() {
    fixture = GitFixture.homeAssistant(temp);
    ReleaseDayScenario.preparation(fixture).run();
  }

  Release release(UnaryOperator<Release> steps) {
    return steps.apply(Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch());
  }

  void assertRerunWritesNothing(UnaryOperator<Release> steps) {
    String before = fixture.fingerprint();
    assertThat(release(steps).run().steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  void assertBlocks(UnaryOperator<Release> steps, Class<? extends ReleaseException> type, String message) {
    String before = fixture.fingerprint();
    assertThat(release(steps).plan().isBlocked()).isTrue();
    assertThatThrownBy(() -> release(steps).run()).isInstanceOf(type).hasMessageContaining(message);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Nested
  class MergePr {
    final UnaryOperator<Release> steps = Release::mergePr;

    @Test
    void freshApplyMergesWithATwoParentCommit() {
      String releaseTip = fixture.commit("release-0-57").name();
      release(steps).run();
      assertThat(fixture.commit("master").getParentCount()).isEqualTo(2);
      assertThat(fixture.commit("master").getParent(1).name()).isEqualTo(releaseTip);
    }

    @Test
    void rerunWritesNothing() {
      release(steps).run();
      assertRerunWritesNothing(steps);
    }

    @Test
    void closedPullRequestBlocks() {
      fixture.hosting().seed().close(fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow().number());
      assertBlocks(steps, ConflictException.class, "closed without merging");
    }
  }

  @Nested
  class PublishRelease {
    final UnaryOperator<Release> steps = r -> r.mergePr().publishRelease();

    @Test
    void freshApplyTagsMasterAndPublishesADraftWithThePullRequestBody() {
      release(steps).run();
      HostedRelease published = fixture.hosting().releaseByTag("0.57").orElseThrow();
      assertThat(published.status()).isEqualTo(HostedRelease.Status.PUBLISHED);
      assertThat(published.body()).isEqualTo("Release 0.57.0.");
      assertThat(fixture.commit("0.57").name()).isEqualTo(fixture.commit("master").name());
    }

    @Test
    void rerunWritesNothing() {
      release(steps).run();
      assertRerunWritesNothing(steps);
    }

    @Test
    void onlyTheBodyIsUpdatedWhenOnlyTheBodyDiffers() {
      release(steps).run();
      HostedRelease r = fixture.hosting().releaseByTag("0.57").orElseThrow();
      fixture.hosting().updateReleaseBody(r.id(), "edited by hand");
      Report report = release(steps).run();
      assertThat(report.step(3).outcome()).isEqualTo(Outcome.DONE);
      assertThat(report.step(3).changes()).extracting(Change::summary).containsExactly("update the body of release 0.57");
      assertThat(fixture.hosting().releaseByTag("0.57").orElseThrow().body()).isEqualTo("Release 0.57.0.");
    }

    @Test
    void aDraftLeftByAFailedRunIsPublished() {
      release(Release::mergePr).run();
      fixture.project().tag("0.57", "master", "0.57");
      fixture.hosting().createDraftRelease("0.57", "0.57", "Release 0.57.0.");
      Report report = release(steps).run();
      assertThat(report.step(3).detail()).contains("published it").doesNotContain("created");
    }

    @Test
    void releaseTitledDifferentlyForTheTagBlocks() {
      release(Release::mergePr).run();
      fixture.project().tag("0.57", "master", "0.57");
      fixture.hosting().createDraftRelease("0.57", "Zero fifty-seven", "");
      assertBlocks(steps, ConflictException.class, "titled 'Zero fifty-seven'");
    }
  }

  @Nested
  class ReleaseNotes {
    final UnaryOperator<Release> steps = Release::releaseNotes;

    @Test
    void freshApplyWritesTheNotesIntoThePullRequestBody() {
      fixture.hosting().seed().pull("Add fail2ban sensor").number(9975).by("fronzbot").from("fail2ban").into("dev")
          .labels("new-platform", "integration: sensor.fail2ban").milestone("0.57")
          .mergedAs(fixture.commit("dev^1").name(), java.time.Instant.parse("2017-10-21T10:00:00Z"));
      Report report = release(steps).run();
      String body = fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow().body();
      assertThat(body).contains("- Add fail2ban sensor ([@fronzbot] - [#9975]) ([sensor.fail2ban docs])"
          + " (new-platform)")
          .contains("[#9975]: " + fixture.hosting().webUrl() + "/pull/9975").doesNotContain("#9990");
      assertThat(report.step(1).output()).as("only the variant the step wrote").startsWith(body)
          .doesNotContain("]: /integrations/");
      assertThat(report.result(ResultKey.NOTES).orElseThrow().render(Variant.WEBSITE))
          .contains("[sensor.fail2ban docs]: /integrations/sensor.fail2ban/");
    }

    @Test
    void rerunWritesNothing() {
      release(steps).run();
      assertRerunWritesNothing(steps);
    }

    @Test
    void theOutputNamesEveryDroppedCommitAndWhy() {
      Report report = release(steps).run();
      String output = report.step(1).output();
      assertThat(output).contains("commits dropped ---\n- ").contains("NO_PULL_REQUEST_NUMBER")
          .contains("\"Version bump to 0.57.0\"");
      assertThat(report.step(1).detail()).containsPattern("[0-9]+ commits dropped");
    }

    @Test
    void missingPullRequestBlocks() {
      fixture.project().branch("release-0-58", "dev");
      UnaryOperator<Release> other = r -> Release.of("0.58").in(fixture.workTree()).hostedOn(fixture.hosting())
          .onReleaseBranch().releaseNotes();
      String before = fixture.fingerprint();
      assertThatThrownBy(() -> other.apply(null).run()).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("no pull request from release-0-58 to master");
      assertThat(fixture.fingerprint()).isEqualTo(before);
    }
  }

  @Nested
  class Command {
    @Test
    void freshApplyRunsWithTheReleaseVariablesAndCapturesTheOutput() {
      Report report = release(r -> r.command("sh", "-c", "echo releasing $RELEASEKIT_VERSION tag $RELEASEKIT_TAG")).run();
      assertThat(report.step(1).output()).isEqualTo("releasing 0.57.0 tag 0.57\n");
    }

    @Test
    void rerunAfterSuccessIsAlreadyDoneAndDoesNotRunAgain() throws Exception {
      Path counter = temp.resolve("count");
      UnaryOperator<Release> steps = r -> r.command("sh", "-c", "echo x >> " + counter);
      release(steps).run();
      assertRerunWritesNothing(steps);
      assertThat(Files.readAllLines(counter)).hasSize(1);
    }

    @Test
    void nonZeroExitFailsTheStepWithItsOutput() {
      assertThatThrownBy(() -> release(r -> r.command("sh", "-c", "echo broken; exit 3")).run())
          .isInstanceOf(StepFailedException.class).hasMessageContaining("exit code 3").hasMessageContaining("broken");
    }

    @Test
    void homeAssistantRefusesToPublishWhileMasterSaysDev() {
      fixture.project().commit("master", "Oops, dev on master", Map.of("homeassistant/const.py",
          dev.releasekit.testing.HomeAssistantFiles.constPy(57, "0.dev0")));
      assertBlocks(r -> r.command("script/release"), PreconditionException.class, "a dev version");
    }

    @Test
    void planRecordsTheCommandWithoutRunningIt() {
      Path marker = temp.resolve("ran");
      Plan plan = release(r -> r.command("touch", marker.toString())).plan();
      assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
      assertThat(marker).doesNotExist();
    }
  }

  @Nested
  class Changelog {
    GitFixture posthog;

    @BeforeEach
    void postHog() {
      posthog = GitFixture.postHog(temp.resolve("posthog"));
    }

    Release changelog() {
      return Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(posthog.hosting()).cutBranch().changelog("- Faster\n");
    }

    @Test
    void freshApplyPrependsTheSectionWithTheConfiguredMessage() {
      changelog().run();
      assertThat(posthog.file("release-1.31.0", "CHANGELOG.md")).startsWith("# Changelog\n\n### 1.31.0 - ");
      assertThat(posthog.commit("release-1.31.0").getFullMessage()).isEqualTo("Changelog version 1.31.0");
    }

    @Test
    void rerunWritesNothing() {
      changelog().run();
      String before = posthog.fingerprint();
      assertThat(changelog().run().isNoOp()).isTrue();
      assertThat(posthog.fingerprint()).isEqualTo(before);
    }

    @Test
    void missingChangelogBlocks() {
      Release release = Release.of("1.31.0").in(posthog.workTree()).hostedOn(posthog.hosting())
          .conventions(Conventions.postHog().toBuilder().changelogPath("docs/CHANGES.md").build())
          .cutBranch().changelog("- x\n");
      String before = posthog.fingerprint();
      assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("docs/CHANGES.md does not exist");
      assertThat(posthog.fingerprint()).isEqualTo(before);
    }

    @Test
    void aSectionThatWouldBeEmptyIsBlockedWithNothingWritten() {
      // The hosting knows none of the pull requests (#7001, #7003) the commits name.
      Release release = Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(posthog.hosting()).cutBranch().changelog();
      String before = posthog.fingerprint();

      assertThat(release.plan().isBlocked()).isTrue();
      assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("would be empty").hasMessageContaining("Pass the body")
          .hasMessageContaining("check the hosting");
      assertThat(posthog.fingerprint()).isEqualTo(before);
      assertThat(posthog.originRefs()).doesNotContainKey("refs/heads/release-1.31.0");
    }

    @Test
    void aBlankBodyIsBlockedWithNothingWritten() {
      Release release = Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(posthog.hosting()).cutBranch().changelog("  \n");
      String before = posthog.fingerprint();
      assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("Pass the body");
      assertThat(posthog.fingerprint()).isEqualTo(before);
    }

    @Test
    void breakingChangesFromTheHostingsPullRequestsLandUnderBreakingChanges() {
      String drop = posthog.project().commitAs("master", "feat!: Drop Python 3.7 support (#7005)",
          Map.of("setup.py", "python_requires='>=3.8'\n"), "Tim", "tim@posthog.com");
      String split = posthog.project().commitAs("master", "refactor(api): Split event endpoint (#7008)\n\n"
          + "BREAKING CHANGE: /api/event no longer accepts GET.", Map.of("api.py", "GET = False\n"), "Paolo",
          "paolo@posthog.com");
      posthog.hosting().seed().pull("Add funnel correlation").number(7001).by("jane").from("f").into("master")
          .mergedAs(posthog.commit("master~3").name(), Instant.parse("2021-12-01T10:00:00Z"));
      posthog.hosting().seed().pull("feat!: Drop Python 3.7 support").number(7005).by("timgl").from("py").into("master")
          .mergedAs(drop, Instant.parse("2021-12-02T10:00:00Z"));
      posthog.hosting().seed().pull("refactor(api): Split event endpoint").number(7008).by("paolodamico").from("api").into("master")
          .mergedAs(split, Instant.parse("2021-12-03T10:00:00Z"));
      posthog.project().fetchClone();
      Release release = Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(posthog.hosting()).date(LocalDate.of(2021, 12, 16)).cutBranch().changelog();

      release.run();

      String pull = posthog.hosting().webUrl() + "/pull/";
      assertThat(posthog.file("release-1.31.0", "CHANGELOG.md")).startsWith("# Changelog\n\n"
          + "### 1.31.0 - Thursday 16 December\n\n"
          + "#### Breaking Changes\n\n"
          + "- [Drop Python 3.7 support](" + pull + "7005)\n"
          + "- [Split event endpoint](" + pull + "7008)\n\n"
          + "#### Other changes\n\n"
          + "- [Add funnel correlation](" + pull + "7001)\n\n"
          + "### 1.30.0 - Tuesday 16 November\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "### 1.31.0 - Thursday 16 December 2021",
        "### 1.31.0 - Thursday 16 December",
        "### 1.31.0 - Thursday 03 December",
        "### 1.31.0 – Thursday 16 December",
        "### 1.31.0 - Thursday 2 December 2021",
    })
    void anExistingSectionInEachRealHeadingFormatMakesTheStepANoOp(String heading) {
      posthog.project().commit("master", "Changelog by hand", Map.of("CHANGELOG.md", "# Changelog\n\n" + heading
          + "\n\n## Product\n\n- Faster\n\n#### Fixes\n\n- Typos\n\n"
          + "### 1.30.0 - Tuesday 16 November\n\n- Session recording filters\n"));
      posthog.project().fetchClone();
      Release release = Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(posthog.hosting()).cutBranch().changelog("- Faster\n");

      Report report = release.run();

      assertThat(report.step(2).outcome()).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(posthog.commit("release-1.31.0").name()).isEqualTo(posthog.commit("master").name());
    }

    @Test
    void theHeadingCarriesTheReleaseDateNotTheClocks() {
      Release release = changelog().clock(Clock.fixed(Instant.parse("2021-12-20T12:00:00Z"),
          ZoneOffset.UTC)).date(LocalDate.of(2021, 12, 16));
      release.run();
      assertThat(posthog.file("release-1.31.0", "CHANGELOG.md"))
          .startsWith("# Changelog\n\n### 1.31.0 - Thursday 16 December\n");
    }

    @Test
    void withoutADateTheClockDecidesTheDayInTheConventionsZone() {
      Clock lateEvening = Clock.fixed(Instant.parse("2021-12-16T22:30:00Z"),
          ZoneOffset.UTC);
      changelog().clock(lateEvening).run();
      assertThat(posthog.file("release-1.31.0", "CHANGELOG.md"))
          .startsWith("# Changelog\n\n### 1.31.0 - Thursday 16 December\n");

      GitFixture auckland = GitFixture.postHog(temp.resolve("auckland"));
      Release.of("1.31.0").conventions(Conventions.postHog().withZone(ZoneId.of("Pacific/Auckland")))
          .in(auckland.workTree()).hostedOn(auckland.hosting()).clock(lateEvening).cutBranch()
          .changelog("- Faster\n").run();
      assertThat(auckland.file("release-1.31.0", "CHANGELOG.md"))
          .startsWith("# Changelog\n\n### 1.31.0 - Friday 17 December\n");
    }
  }

  @Nested
  class CommitLog {
    GitFixture posthog;

    @BeforeEach
    void postHog() {
      posthog = GitFixture.postHog(temp.resolve("posthog"));
    }

    Release commitLog() {
      return Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(posthog.hosting()).cutBranch().commitLog();
    }

    private static final String LOG = "Fix typo in docs (#7003) 12345+outsider@users.noreply.github.com\n"
        + "Add funnel correlation (#7001) jane@posthog.com";

    @Test
    void freshApplyWritesGitsLogToLogTxtUntrackedAndListsExternalContributorsApart() throws Exception {
      Report report = commitLog().run();

      assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
      assertThat(Files.readString(posthog.workTree().resolve("log.txt"))).isEqualTo(LOG);
      assertThat(report.step(2).output()).isEqualTo(LOG + "\n\nExternal contributors:\n"
          + "- Outside Contributor (@outsider) <12345+outsider@users.noreply.github.com>\n");
      assertThat(posthog.project().workspace().isClean()).isTrue();
      assertThat(posthog.file("release-1.31.0", "log.txt")).isNull();
    }

    @Test
    void rerunAfterTheReleasesOwnCommitsListsTheSameCommitsAndWritesNothing() throws Exception {
      commitLog().run();
      Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree()).hostedOn(posthog.hosting())
          .onReleaseBranch().changelog("- Faster\n").bumpVersion().run();
      String before = posthog.fingerprint();

      Report rerun = commitLog().run();

      assertThat(rerun.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
      assertThat(rerun.step(2).output()).startsWith(LOG + "\n\n").doesNotContain("Bump version")
          .doesNotContain("Changelog version");
      assertThat(Files.readString(posthog.workTree().resolve("log.txt"))).isEqualTo(LOG);
      assertThat(posthog.fingerprint()).isEqualTo(before);
    }

    @Test
    void aLogFileWithOtherContentBlocksAndIsNotOverwritten() throws Exception {
      Path file = posthog.workTree().resolve("log.txt");
      Files.writeString(file, "my own notes\n");
      String before = posthog.fingerprint();

      assertThatThrownBy(() -> commitLog().run()).isInstanceOf(ConflictException.class)
          .hasMessageContaining("log.txt").hasMessageContaining("Nothing was overwritten");
      assertThat(Files.readString(file)).isEqualTo("my own notes\n");
      assertThat(posthog.fingerprint()).isEqualTo(before);
    }

    @Test
    void aUserGivenPathIsWrittenInstead() throws Exception {
      Release.of("1.31.0").conventions(Conventions.postHog().withCommitLogPath("build/release/log-1.31.0.txt"))
          .in(posthog.workTree()).hostedOn(posthog.hosting()).cutBranch().commitLog().run();
      assertThat(Files.readString(posthog.workTree().resolve("build/release/log-1.31.0.txt"))).isEqualTo(LOG);
      assertThat(posthog.workTree().resolve("log.txt")).doesNotExist();
    }

    @Test
    void aPathOutsideTheWorkTreeIsRefused() {
      assertThatThrownBy(() -> Release.of("1.31.0").conventions(Conventions.postHog().withCommitLogPath("../x.txt"))
          .in(posthog.workTree()).hostedOn(posthog.hosting()).cutBranch().commitLog().run())
          .isInstanceOf(PreconditionException.class).hasMessageContaining("not inside the work tree");
    }
  }
}
