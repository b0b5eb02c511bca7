package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Tag;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values steps produce, read typed from a Report and a Plan, never parsed out of detail strings. */
class TypedResultsTest {
  @TempDir
  Path temp;

  @Test
  void aReportHandsOutThePullRequestTheTagAndTheReleaseUrlTyped() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp).deferUnmerged();
    GitFixture fixture = scenario.fixture();

    Report report = ReleaseDayScenario.releaseDay(fixture).run();

    PullRequest pr = report.result(ResultKey.RELEASE_PR).orElseThrow();
    PullRequest real = fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow();
    assertThat(pr.number()).isEqualTo(real.number());
    assertThat(pr.url()).isEqualTo(real.url());
    assertThat(pr.isMerged()).isTrue();
    Tag tag = report.result(ResultKey.TAG).orElseThrow();
    assertThat(tag.name()).isEqualTo("0.57");
    assertThat(tag.commit()).isEqualTo(fixture.commit("master").name());
    HostedRelease published = report.result(ResultKey.PUBLISHED_RELEASE).orElseThrow();
    assertThat(published.url()).isEqualTo(fixture.hosting().releaseByTag("0.57").orElseThrow().url());
    assertThat(report.result(ResultKey.NOTES).orElseThrow().entries()).isNotEmpty();
    assertThat(report.rehearsed()).isFalse();
  }

  @Test
  void aRerunThatFindsEverythingDoneHandsOutTheSameResults() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp).deferUnmerged();
    Report first = ReleaseDayScenario.releaseDay(scenario.fixture()).run();

    Report again = ReleaseDayScenario.releaseDay(scenario.fixture()).run();

    assertThat(again.isNoOp()).isTrue();
    assertThat(again.result(ResultKey.RELEASE_PR).orElseThrow().number())
        .isEqualTo(first.result(ResultKey.RELEASE_PR).orElseThrow().number());
    assertThat(again.result(ResultKey.TAG)).isEqualTo(first.result(ResultKey.TAG));
    assertThat(again.result(ResultKey.PUBLISHED_RELEASE).orElseThrow().url())
        .isEqualTo(first.result(ResultKey.PUBLISHED_RELEASE).orElseThrow().url());
  }

  @Test
  void aPlanHandsOutTheRehearsedValuesAndShowsANewPullRequestAsNew() {
    GitFixture fixture = GitFixture.homeAssistant(temp);

    List<String> told = new ArrayList<>();
    Plan plan = ReleaseDayScenario.preparation(fixture).listener(new ReleaseListener() {
      @Override
      public void stepFinished(int index, StepResult result) {
        told.add(result.detail());
      }
    }).plan();

    assertThat(told).as("what the console prints as each step ends").hasSize(4)
        .last().asString().startsWith("opened #(new) ").doesNotContain("1000000");
    assertThat(plan.rehearsed()).isTrue();
    PullRequest pr = plan.result(ResultKey.RELEASE_PR).orElseThrow();
    assertThat(pr.head()).isEqualTo("release-0-57");
    assertThat(pr.title()).isEqualTo("0.57");
    assertThat(fixture.hosting().findPullRequest("release-0-57", "master")).as("only rehearsed").isEmpty();
    assertThat(plan.step(4).detail()).startsWith("opened #(new) ").doesNotContain("1000000");
    assertThat(plan.toString()).doesNotContain("#1000000");
  }

  @Test
  void aPlanOfReleaseDayHandsOutTheTagAndTheReleaseItWouldPublish() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp).deferUnmerged();

    Plan plan = ReleaseDayScenario.releaseDay(scenario.fixture()).plan();

    assertThat(plan.result(ResultKey.TAG).orElseThrow().name()).isEqualTo("0.57");
    assertThat(plan.result(ResultKey.PUBLISHED_RELEASE).orElseThrow().tag()).isEqualTo("0.57");
    assertThat(plan.result(ResultKey.RELEASE_PR).orElseThrow().number())
        .isEqualTo(scenario.fixture().hosting().findPullRequest("release-0-57", "master").orElseThrow().number());
  }
}
