package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.HostedRelease;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
      assertThat(report.step(1).output()).contains("website variant");
    }

    @Test
    void rerunWritesNothing() {
      release(steps).run();
      assertRerunWritesNothing(steps);
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
          dev.releasekit.local.LocalProject.homeAssistantConst(57, "0.dev0")));
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
  }
}
