package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bugfix release and PostHog's monthly release, end to end on LocalHosting, each with a re-run. */
class BugfixAndPostHogFlowTest {
  @TempDir
  Path temp;

  static Release bugfix(GitFixture fixture) {
    return Release.of("0.56.2").in(fixture.workTree()).hostedOn(fixture.hosting())
        .cutBranch("master")
        .cherryPickMilestone("0.56.2")
        .bumpVersion()
        .openPr()
        .mergePr()
        .publishRelease();
  }

  @Test
  void bugfixReleaseCutsFromMasterPicksBumpsPatchMergesAndPublishes() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.hosting().seed().milestone("0.56.2");
    String fix = fixture.project().commitAs("dev", "Fix zwave crash (#120)", Map.of("homeassistant/zwave.py",
        "CRASH = False\n"), "Zwave Dev", "zwavedev@example.com");
    fixture.hosting().seed().pull("Fix zwave crash").number(120).by("zwavedev").from("fix-zwave").into("dev")
        .milestone("0.56.2").mergedAs(fix, Instant.parse("2017-10-26T10:00:00Z"));
    fixture.project().fetchClone();

    Report report = bugfix(fixture).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(fixture.file("release-0-56-2", "homeassistant/const.py")).contains("MINOR_VERSION = 56\n")
        .contains("PATCH_VERSION = '2'\n");
    assertThat(fixture.file("master", "homeassistant/zwave.py")).isEqualTo("CRASH = False\n");
    assertThat(fixture.commit("master").getParentCount()).isEqualTo(2);
    assertThat(fixture.commit("0.56.2").name()).isEqualTo(fixture.commit("master").name());
    HostedRelease release = fixture.hosting().releaseByTag("0.56.2").orElseThrow();
    assertThat(release.name()).isEqualTo("0.56.2");
    assertThat(release.status()).isEqualTo(HostedRelease.Status.PUBLISHED);
    assertThat(fixture.hosting().pullRequest(120).labels()).containsExactly("cherry-picked");
    PullRequest pr = fixture.hosting().findPullRequest("release-0-56-2", "master").orElseThrow();
    assertThat(pr.title()).isEqualTo("0.56.2");
    assertThat(pr.state()).isEqualTo(PullRequest.State.MERGED);

    String before = fixture.fingerprint();
    assertThat(bugfix(fixture).run().isNoOp()).isTrue();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  static Release postHog(GitFixture fixture) {
    return Release.of("1.31.0").conventions(Conventions.postHog())
        .in(fixture.workTree()).hostedOn(fixture.hosting())
        .clock(Clock.fixed(Instant.parse("2021-12-16T09:00:00Z"), ZoneOffset.UTC))
        .cutBranch()
        .commitLog()
        .changelog("- Session recordings are faster\n- Funnel correlation\n")
        .bumpVersion()
        .tag()
        .syncBranch();
  }

  @Test
  void postHogReleaseFreezesLogsChangelogsBumpsTagsAndSyncs() {
    GitFixture fixture = GitFixture.postHog(temp);

    Report report = postHog(fixture).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(Outcome.DONE,
        Outcome.ALREADY_DONE, Outcome.DONE, Outcome.DONE, Outcome.DONE, Outcome.DONE, Outcome.DONE, Outcome.DONE);
    assertThat(report.step(2).output()).isEqualTo("""
        Add funnel correlation (#7001) jane@posthog.com
        Fix typo in docs (#7003) 12345+outsider@users.noreply.github.com

        External contributors:
        """ + report.step(2).output().substring(report.step(2).output().indexOf("External contributors:\n")
        + "External contributors:\n".length()));
    assertThat(report.step(2).output()).contains("outsider").doesNotContain("jane@posthog.com\n- ");
    assertThat(fixture.file("release-1.31.0", "CHANGELOG.md")).startsWith("# Changelog\n\n"
        + "### 1.31.0 - Thursday 16 December\n\n- Session recordings are faster\n- Funnel correlation\n\n"
        + "### 1.30.0 - Tuesday 16 November\n");
    assertThat(fixture.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(fixture.commit("1.31.0").name()).isEqualTo(fixture.commit("release-1.31.0").name());
    assertThat(fixture.file("1.31.0-sync", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(fixture.file("1.31.0-sync", "CHANGELOG.md")).contains("### 1.31.0 - Thursday 16 December");
    assertThat(fixture.isAncestor("master", "1.31.0-sync")).isTrue();
    assertThat(fixture.hosting().findPullRequest("1.31.0-sync", "master")).get()
        .extracting(PullRequest::title).isEqualTo("Sync 1.31.0 to master");

    String before = fixture.fingerprint();
    assertThat(postHog(fixture).run().isNoOp()).isTrue();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void postHogPlanIsAllWouldDoExceptTheReadOnlyLogAndTouchesNothing() {
    GitFixture fixture = GitFixture.postHog(temp);
    String before = fixture.fingerprint();
    Plan plan = postHog(fixture).plan();
    assertThat(plan.steps()).extracting(StepResult::outcome).containsExactly(Outcome.WOULD_DO,
        Outcome.ALREADY_DONE, Outcome.WOULD_DO, Outcome.WOULD_DO, Outcome.WOULD_DO, Outcome.WOULD_DO,
        Outcome.WOULD_DO, Outcome.WOULD_DO);
    assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.FILE).extracting(Change::target)
        .containsExactly("CHANGELOG.md", "posthog/version.py");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }
}
