package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.notes.Variant;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.BugfixScenario;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
    return BugfixScenario.bugfix(fixture);
  }

  static GitFixture withZwaveFix(GitFixture fixture) {
    return BugfixScenario.withZwaveFix(fixture);
  }

  @Test
  void bugfixReleaseCutsFromMasterPicksBumpsPatchMergesAndPublishes() {
    GitFixture fixture = withZwaveFix(GitFixture.homeAssistant(temp));

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

  @Test
  void thePatchNotesHeadingCarriesTheReleaseDateAndOnlyInTheWebsiteVariant() {
    GitFixture fixture = withZwaveFix(GitFixture.homeAssistant(temp));
    Clock dayBefore = Clock.fixed(Instant.parse("2017-11-04T21:00:00Z"), ZoneOffset.UTC);
    Release release = Release.of("0.56.2").in(fixture.workTree()).hostedOn(fixture.hosting()).clock(dayBefore)
        .date(LocalDate.of(2017, 11, 5))
        .cutBranch("master").cherryPickMilestone("0.56.2").bumpVersion().openPr().releaseNotes();

    Report report = release.run();

    String website = report.result(ResultKey.NOTES).orElseThrow().render(Variant.WEBSITE);
    assertThat(website).contains("## Release 0.56.2 - November 5\n\n- Fix zwave crash ([@zwavedev] - [#120])");
    String body = fixture.hosting().findPullRequest("release-0-56-2", "master").orElseThrow().body();
    assertThat(body).startsWith("- Fix zwave crash ([@zwavedev] - [#120])").doesNotContain("## Release");
  }

  @Test
  void withoutADateTheFixedClockDatesThePatchNotes() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.hosting().seed().milestone("0.56.2");
    fixture.project().fetchClone();
    Clock clock = Clock.fixed(Instant.parse("2017-11-04T21:00:00Z"), ZoneOffset.UTC);

    Report report = Release.of("0.56.2").in(fixture.workTree()).hostedOn(fixture.hosting()).clock(clock)
        .cutBranch("master").bumpVersion().openPr().releaseNotes().run();

    assertThat(report.result(ResultKey.NOTES).orElseThrow().render(Variant.WEBSITE))
        .contains("## Release 0.56.2 - November 4\n");
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
  void postHogReleaseFreezesLogsChangelogsBumpsTagsAndSyncs() throws Exception {
    GitFixture fixture = GitFixture.postHog(temp);

    Report report = postHog(fixture).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    // git log's order: newest first.
    String log = "Fix typo in docs (#7003) 12345+outsider@users.noreply.github.com\n"
        + "Add funnel correlation (#7001) jane@posthog.com";
    assertThat(report.step(2).output()).startsWith(log + "\n\nExternal contributors:\n")
        .contains("outsider").doesNotContain("jane@posthog.com\n- ");
    Path logFile = fixture.workTree().resolve("log.txt");
    assertThat(Files.readString(logFile)).isEqualTo(log);
    assertThat(fixture.project().workspace().isClean()).isTrue();
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

    // The re-run lists the same commits (up to the cut, not the release's own commits), so log.txt is as written.
    String before = fixture.fingerprint();
    Report rerun = postHog(fixture).run();
    assertThat(rerun.isNoOp()).isTrue();
    assertThat(rerun.step(2).output()).startsWith(log + "\n\n");
    assertThat(Files.readString(logFile)).isEqualTo(log);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void postHogPlanIsAllWouldDoAndTouchesNothing() {
    GitFixture fixture = GitFixture.postHog(temp);
    String before = fixture.fingerprint();
    Plan plan = postHog(fixture).plan();
    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.FILE).extracting(Change::target)
        .containsExactly("log.txt", "CHANGELOG.md", "posthog/version.py");
    assertThat(fixture.fingerprint()).isEqualTo(before);
    assertThat(fixture.workTree().resolve("log.txt")).doesNotExist();
  }
}
