package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Change;
import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.StepResult;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Recorded;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Home Assistant's preparation and release day, and PostHog's release, run by release-core's engine and steps on
 * GitHub: the stateful stub shares the fixture's bare origin, so merging the release pull request makes a real
 * merge commit that the next steps (tag master, merge master into dev) build on. Each flow also runs under
 * {@code plan()}, which must send GitHub nothing but GETs and the GraphQL read: the plans get
 * {@link GitHub#readOnly()}, which would throw on any write reaching it through core's overlay, and the stub's log
 * is checked too.
 */
@ExtendWith(TokenLeakGuard.class)
class FlowsOnGitHubTest {
  @TempDir
  Path temp;
  GitHubStub stub;

  @AfterEach
  void validate() {
    if (stub != null) {
      try {
        assertThat(stub.validationErrors()).isEmpty();
      } finally {
        stub.close();
      }
    }
  }

  private GitHub github(GitFixture fixture, String repository) {
    stub = GitHubStub.start(repository).withOrigin(fixture.origin());
    return stub.client().build();
  }

  /** Core's release-day scenario on the stub, seeded through the stub's {@code Seeding}, the 0.58 work deferred. */
  private ReleaseDayScenario homeAssistantReleaseDay() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    stub = GitHubStub.start("home-assistant/core", new FakeTime(ReleaseDayScenario.T0.plusSeconds(7200)))
        .withOrigin(fixture.origin());
    return ReleaseDayScenario.on(fixture, stub.client().build(), stub.seeding()).deferUnmerged();
  }

  private static GitHub github(ReleaseDayScenario scenario) {
    return (GitHub) scenario.hosting();
  }

  private static List<Recorded> writesAfter(GitHubStub stub, int from) {
    List<Recorded> all = stub.requests();
    return all.subList(from, all.size()).stream().filter(Recorded::isWrite).toList();
  }

  // ---------------------------------------------------------------- Home Assistant: preparation

  @Test
  void homeAssistantPreparationOpensOnePullRequestOnGitHubAndARerunWritesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");

    Report report = ReleaseDayScenario.preparation(fixture, github).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(stub.pulls()).singleElement().satisfies(pr -> {
      assertThat(pr.head).isEqualTo("release-0-57");
      assertThat(pr.base).isEqualTo("master");
      assertThat(pr.title).isEqualTo("0.57");
    });
    assertThat(fixture.file("release-0-57", "homeassistant/const.py")).contains("PATCH_VERSION = '0'");
    int before = stub.requests().size();

    Report again = ReleaseDayScenario.preparation(fixture, github).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writesAfter(stub, before)).isEmpty();
    TokenLeakGuard.record(report.toString() + again.toJson());
  }

  @Test
  void homeAssistantPreparationPlanSendsOnlyReads() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");
    Map<String, String> refs = fixture.allOriginRefs();

    Plan plan = ReleaseDayScenario.preparation(fixture, github.readOnly()).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(stub.requests()).isNotEmpty().noneMatch(Recorded::isWrite);
    assertThat(stub.pulls()).isEmpty();
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
    TokenLeakGuard.record(plan.toString() + plan.toJson());
  }

  // ---------------------------------------------------------------- Home Assistant: release day

  @Test
  void homeAssistantReleaseDayRunsOnGitHubEndToEndAndARerunWritesNothing() {
    ReleaseDayScenario scenario = homeAssistantReleaseDay();
    GitFixture fixture = scenario.fixture();
    String masterBefore = fixture.commit("master").name();

    Report report = ReleaseDayScenario.releaseDay(fixture, github(scenario)).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    GitHubStub.StubItem releasePr = stub.pulls().stream().filter(p -> p.head.equals("release-0-57")).findFirst()
        .orElseThrow();
    assertThat(releasePr.merged()).isTrue();
    assertThat(releasePr.body).contains("## All changes").contains("Fix switch toggling ([@switchdev] - [#102])");
    assertThat(fixture.commit("master").name()).as("the stub's merge commit is master").isEqualTo(releasePr.mergeSha);
    assertThat(fixture.commit("master").getParentCount()).as("a merge commit, never a squash").isEqualTo(2);
    assertThat(fixture.commit("master").getParent(0).name()).isEqualTo(masterBefore);
    assertThat(fixture.commit("0.57").name()).as("tag on master").isEqualTo(releasePr.mergeSha);
    assertThat(stub.releases()).singleElement().satisfies(r -> {
      assertThat(r.draft).isFalse();
      assertThat(r.name).isEqualTo("0.57");
      assertThat(r.body).isEqualTo(releasePr.body);
    });
    assertThat(stub.milestoneNamed("0.57").orElseThrow().state).isEqualTo("closed");
    for (int pr : List.of(101, 102, 104, scenario.mergeCommitPr())) {
      assertThat(stub.item(pr).orElseThrow().labels).as("#" + pr).containsExactly("cherry-picked");
    }
    assertThat(stub.silentlyCreatedLabels()).isEmpty();
    assertThat(fixture.isAncestor("master", "dev")).isTrue();
    assertThat(fixture.file("dev", "homeassistant/const.py")).contains("MINOR_VERSION = 58")
        .contains("PATCH_VERSION = '0.dev0'");
    assertThat(stub.requests()).anyMatch(r -> r.path().equals("/graphql"));
    int before = stub.requests().size();
    Map<String, String> refs = fixture.allOriginRefs();

    Report again = ReleaseDayScenario.releaseDay(fixture, github(scenario)).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writesAfter(stub, before)).isEmpty();
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
    assertThat(stub.creations()).containsEntry("release", 1);
    String journal = fixture.file("refs/releasekit/0.57.0", "journal.jsonl");
    assertThat(journal).doesNotContain(GitHubStub.TOKEN);
    TokenLeakGuard.record(journal + report.toJson() + report.toMarkdown() + again);
  }

  @Test
  void homeAssistantReleaseDayPlanSendsOnlyReadsAndTheGraphQlQuery() {
    ReleaseDayScenario scenario = homeAssistantReleaseDay();
    GitFixture fixture = scenario.fixture();
    int before = stub.requests().size();
    Map<String, String> refs = fixture.allOriginRefs();

    Plan plan = ReleaseDayScenario.releaseDay(fixture, github(scenario).readOnly()).plan();

    assertThat(plan.steps()).as(plan.toString()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.changes()).extracting(Change::summary)
        .anySatisfy(s -> assertThat(s).isEqualTo("label #102 cherry-picked"))
        .anySatisfy(s -> assertThat(s).startsWith("merge #"))
        .anySatisfy(s -> assertThat(s).isEqualTo("publish release 0.57"))
        .anySatisfy(s -> assertThat(s).isEqualTo("close milestone 0.57"));
    List<Recorded> sent = stub.requests().subList(before, stub.requests().size());
    assertThat(sent).isNotEmpty().noneMatch(Recorded::isWrite);
    assertThat(sent).anyMatch(r -> r.path().equals("/graphql"));
    assertThat(stub.milestoneNamed("0.57").orElseThrow().state).isEqualTo("open");
    assertThat(stub.releases()).isEmpty();
    assertThat(stub.item(102).orElseThrow().labels).isEmpty();
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
    TokenLeakGuard.record(plan.toJson());
  }

  @Test
  void aMilestoneTitleThatDoesNotExistBlocksThePlanAndTheRunNamesTheOpenOnes() {
    ReleaseDayScenario scenario = homeAssistantReleaseDay();
    Release wrongTitle = Release.of("0.57").in(scenario.fixture().workTree()).hostedOn(github(scenario))
        .onReleaseBranch().cherryPickMilestone("0.99");
    int before = stub.requests().size();
    Map<String, String> refs = scenario.fixture().originRefs();

    Plan plan = wrongTitle.plan();
    Throwable e = TokenLeakGuard.thrown(wrongTitle::run);

    assertThat(plan.isBlocked()).isTrue();
    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("'0.99'")
        .hasMessageContaining("0.57").hasMessageContaining("0.58");
    assertThat(writesAfter(stub, before)).isEmpty();
    assertThat(scenario.fixture().originRefs()).isEqualTo(refs);
  }

  // ---------------------------------------------------------------- PostHog

  private void seedPostHog(GitFixture fixture) {
    String typo = fixture.commit("master").name();
    String funnels = fixture.commit("master").getParent(0).name();
    stub.pull("Add funnel correlation").number(7001).author("janedoe").head("funnel-correlation").base("master")
        .mergedAs(funnels).create();
    stub.pull("Fix typo in docs").number(7003).author("outsider").head("patch-1").base("master")
        .mergedAs(typo).create();
  }

  private static Release postHog(GitFixture fixture, GitHub github) {
    return Release.of("1.31.0").conventions(Conventions.postHog()).in(fixture.workTree()).hostedOn(github)
        .cutBranch().changelog().bumpVersion().tag().syncBranch();
  }

  @Test
  void postHogReleaseCutsTagsAndOpensTheSyncPullRequestOnGitHubAndARerunWritesNothing() {
    GitFixture fixture = GitFixture.postHog(temp);
    GitHub github = github(fixture, "PostHog/posthog");
    seedPostHog(fixture);

    Report report = postHog(fixture, github).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(fixture.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(fixture.file("release-1.31.0", "CHANGELOG.md")).contains("### 1.31.0")
        .contains("Add funnel correlation");
    assertThat(fixture.commit("1.31.0").name()).isEqualTo(fixture.commit("release-1.31.0").name());
    assertThat(fixture.file("1.31.0-sync", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(stub.pulls()).filteredOn(pr -> !pr.merged()).singleElement().satisfies(pr -> {
      assertThat(pr.head).isEqualTo("1.31.0-sync");
      assertThat(pr.base).isEqualTo("master");
    });
    assertThat(stub.requests()).anyMatch(r -> r.path().equals("/graphql"));
    int before = stub.requests().size();

    Report again = postHog(fixture, github).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writesAfter(stub, before)).isEmpty();
    TokenLeakGuard.record(report.toJson() + again);
  }

  @Test
  void postHogReleasePlanSendsOnlyReads() {
    GitFixture fixture = GitFixture.postHog(temp);
    GitHub github = github(fixture, "PostHog/posthog");
    seedPostHog(fixture);
    Map<String, String> refs = fixture.allOriginRefs();

    Plan plan = postHog(fixture, github.readOnly()).plan();

    assertThat(plan.steps()).as(plan.toString()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(stub.requests()).isNotEmpty().noneMatch(Recorded::isWrite);
    assertThat(stub.pulls()).allMatch(GitHubStub.StubItem::merged);
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
  }
}
