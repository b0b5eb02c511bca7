package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.StepResult;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Recorded;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Home Assistant's preparation and release day, and PostHog's release, run by release-core's engine on GitHub:
 * the stateful stub shares the fixture's bare origin, so merging the release pull request makes a real merge
 * commit that the next steps (merge master into dev) build on. Each flow also runs under {@code plan()}, which
 * must send GitHub nothing but GETs and the GraphQL read: the plans get {@link GitHub#readOnly()}, which would
 * throw on any write reaching it through core's overlay, and the stub's log is checked too.
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

  private static Release preparation(GitFixture fixture, GitHub github) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(github)
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
  }

  private static Release releaseDay(GitFixture fixture, GitHub github) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(github)
        .then(ReleaseDaySteps.labelMerged("0.57", "cherry-picked"))
        .then(ReleaseDaySteps.closeMilestone("0.57"))
        .then(ReleaseDaySteps.mergePullRequest("release-0-57", "master"))
        .then(ReleaseDaySteps.publishRelease("0.57", () -> "- Add fail2ban sensor (@fronzbot - #9975)"))
        .startNextDevelopment();
  }

  private void seedMilestone() {
    stub.label("cherry-picked", "new-platform");
    stub.milestone("0.57");
    stub.pull("Add fail2ban sensor").number(9975).author("fronzbot").milestone("0.57").labels("new-platform")
        .mergedAs("1111111111111111111111111111111111111111").create();
    stub.pull("Fix timers").number(9980).author("balloob").milestone("0.57")
        .mergedAs("2222222222222222222222222222222222222222").create();
    stub.issue("Timers drift").number(9981).milestone("0.57").closed().create();
  }

  private static List<Recorded> writesAfter(GitHubStub stub, int from) {
    List<Recorded> all = stub.requests();
    return all.subList(from, all.size()).stream().filter(Recorded::isWrite).toList();
  }

  @Test
  void homeAssistantPreparationOpensOnePullRequestOnGitHubAndARerunWritesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");

    Report report = preparation(fixture, github).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(stub.pulls()).singleElement().satisfies(pr -> {
      assertThat(pr.head).isEqualTo("release-0-57");
      assertThat(pr.base).isEqualTo("master");
      assertThat(pr.title).isEqualTo("0.57");
    });
    assertThat(fixture.file("release-0-57", "homeassistant/const.py")).contains("PATCH_VERSION = '0'");
    int before = stub.requests().size();

    Report again = preparation(fixture, github).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writesAfter(stub, before)).isEmpty();
    TokenLeakGuard.record(report.toString() + again.toJson());
  }

  @Test
  void homeAssistantPreparationPlanSendsOnlyReads() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");
    Map<String, String> refs = fixture.originRefs();

    Plan plan = preparation(fixture, github.readOnly()).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(stub.writes()).isEmpty();
    assertThat(stub.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.method()).isIn("GET", "POST"));
    assertThat(stub.pulls()).isEmpty();
    assertThat(fixture.originRefs()).isEqualTo(refs);
    TokenLeakGuard.record(plan.toString() + plan.toJson());
  }

  @Test
  void homeAssistantReleaseDayMergesThePullRequestInGitAndARerunWritesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");
    seedMilestone();
    preparation(fixture, github).run();
    String masterBefore = fixture.commit("master").name();

    Report report = releaseDay(fixture, github).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(stub.item(9975).orElseThrow().labels).contains("cherry-picked", "new-platform");
    assertThat(stub.item(9980).orElseThrow().labels).contains("cherry-picked");
    assertThat(stub.item(9981).orElseThrow().labels).isEmpty();
    assertThat(stub.milestoneNamed("0.57").orElseThrow().state).isEqualTo("closed");
    assertThat(stub.releases()).singleElement().satisfies(r -> {
      assertThat(r.draft).isFalse();
      assertThat(r.body).contains("#9975");
    });
    GitHubStub.StubItem releasePr = stub.pulls().stream().filter(p -> p.head.equals("release-0-57")).findFirst()
        .orElseThrow();
    assertThat(releasePr.merged()).isTrue();
    assertThat(fixture.commit("master").name()).isEqualTo(releasePr.mergeSha);
    assertThat(fixture.commit("master").getParentCount()).isEqualTo(2);
    assertThat(fixture.commit("master").getParent(0).name()).isEqualTo(masterBefore);
    assertThat(fixture.isAncestor("master", "dev")).as("master merged into dev").isTrue();
    assertThat(fixture.file("dev", "homeassistant/const.py")).contains("MINOR_VERSION = 58")
        .contains("PATCH_VERSION = '0.dev0'");
    int before = stub.requests().size();

    Report again = releaseDay(fixture, github).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writesAfter(stub, before)).isEmpty();
    assertThat(stub.creations()).containsEntry("release", 1).containsEntry("pull", 1);
    String journal = fixture.file("refs/releasekit/0.57.0", "journal.jsonl");
    assertThat(journal).contains("close milestone 0.57").doesNotContain(GitHubStub.TOKEN);
    TokenLeakGuard.record(journal + report.toJson() + report.toMarkdown() + again);
  }

  @Test
  void homeAssistantReleaseDayPlanSendsOnlyReadsAndTheGraphQlQuery() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");
    seedMilestone();
    preparation(fixture, github).run();
    int before = stub.requests().size();
    Map<String, String> refs = fixture.allOriginRefs();

    Plan plan = releaseDay(fixture, github.readOnly()).plan();

    assertThat(plan.isBlocked()).as(plan.toString()).isFalse();
    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    List<Recorded> sent = stub.requests().subList(before, stub.requests().size());
    assertThat(sent).isNotEmpty().noneMatch(Recorded::isWrite);
    assertThat(sent).anyMatch(r -> r.path().equals("/graphql"));
    assertThat(stub.milestoneNamed("0.57").orElseThrow().state).isEqualTo("open");
    assertThat(stub.releases()).isEmpty();
    assertThat(stub.item(9975).orElseThrow().labels).doesNotContain("cherry-picked");
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
  }

  private static Release postHog(GitFixture fixture, GitHub github) {
    return Release.of("1.31.0").conventions(Conventions.postHog()).in(fixture.workTree()).hostedOn(github)
        .cutBranch().bumpVersion().tag().openPr();
  }

  @Test
  void postHogReleaseCutsTagsAndOpensTheSyncPullRequestOnGitHub() {
    GitFixture fixture = GitFixture.postHog(temp);
    GitHub github = github(fixture, "PostHog/posthog");

    Report report = postHog(fixture, github).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(fixture.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(fixture.commit("1.31.0").name()).isEqualTo(fixture.commit("release-1.31.0").name());
    assertThat(stub.pulls()).singleElement().satisfies(pr -> {
      assertThat(pr.head).isEqualTo("release-1.31.0");
      assertThat(pr.base).isEqualTo("master");
      assertThat(pr.title).isEqualTo("Release 1.31.0");
    });
    int before = stub.requests().size();

    Report again = postHog(fixture, github).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writesAfter(stub, before)).isEmpty();
  }

  @Test
  void postHogReleasePlanSendsOnlyReads() {
    GitFixture fixture = GitFixture.postHog(temp);
    GitHub github = github(fixture, "PostHog/posthog");
    Map<String, String> refs = fixture.allOriginRefs();

    Plan plan = postHog(fixture, github.readOnly()).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(stub.writes()).isEmpty();
    assertThat(stub.pulls()).isEmpty();
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
  }

  @Test
  void aMilestoneTitleThatDoesNotExistBlocksThePlanAndTheRunNamesTheOpenOnes() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, "home-assistant/core");
    stub.milestone("0.58");
    stub.milestone("0.59");
    Release wrongTitle = Release.of("0.57").in(fixture.workTree()).hostedOn(github)
        .then(ReleaseDaySteps.closeMilestone("0.57"));

    Plan plan = wrongTitle.plan();
    Throwable e = TokenLeakGuard.thrown(wrongTitle::run);

    assertThat(plan.isBlocked()).isTrue();
    assertThat(e).isInstanceOf(dev.releasekit.PreconditionException.class).hasMessageContaining("'0.57'")
        .hasMessageContaining("0.58, 0.59");
    assertThat(stub.writes()).isEmpty();
  }
}
