package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Conventions;
import dev.releasekit.Release;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.BugfixScenario;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.Credits;
import dev.releasekit.website.testing.Organisation;
import dev.releasekit.website.testing.SiteReleaseDay;
import dev.releasekit.website.testing.SlackStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in flow, and a user's JShell script and Java source file, through the runnable jar in a child process
 * on {@code LocalHosting} sandboxes (the hosting is found from each clone's local origin): the plan writes nothing,
 * the run does the flow, and a re-run exits 0 with nothing written.
 */
class FlowsThroughTheJarIT {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  @TempDir
  Path temp;

  /** plan, run, run again: what acceptance asks of every flow. */
  private static void planRunAndRerun(Supplier<String> state, String... args) {
    planRunAndRerun(Map.of(), state, args);
  }

  private static void planRunAndRerun(Map<String, String> environment, Supplier<String> state, String... args) {
    String before = state.get();

    Tool.Result plan = Jar.run(environment, ExitCodesTest.prepend("plan", args));
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("Plan for release").contains("WOULD_DO").doesNotContain("BLOCKED");
    assertThat(state.get()).as("the plan wrote nothing").isEqualTo(before);

    Tool.Result run = Jar.run(environment, ExitCodesTest.prepend("run", args));
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Report for release").contains(" DONE ");
    assertThat(run.err()).contains("[releasekit] 1) DONE");
    String after = state.get();
    assertThat(after).as("the run wrote").isNotEqualTo(before);

    Tool.Result again = Jar.run(environment, ExitCodesTest.prepend("run", args));
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err()).contains("releasekit: nothing to do");
    assertThat(state.get()).as("the re-run wrote nothing").isEqualTo(after);
    environment.values().forEach(secret -> assertThat(plan + run.toString() + again).doesNotContain(secret));
  }

  @Test
  void homeAssistantPreparationOfCoreAndWebsite() {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    GitFixture site = GitFixture.homeAssistantWebsite(temp.resolve("site"));

    planRunAndRerun(() -> core.fingerprint() + site.fingerprint(), "ha-preparation", "--version", "0.57",
        "--core", core.workTree().toString(), "--website", site.workTree().toString());

    assertThat(core.hosting().findPullRequest("release-0-57", "master")).isPresent();
    assertThat(site.hosting().findPullRequest("release-0-57", "current")).isPresent();
  }

  @Test
  void homeAssistantReleaseDayOfCoreAndWebsite() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    Organisation.homeAssistant().seed(day.website().hosting());

    planRunAndRerun(day::fingerprint, "ha-release-day", "--version", "0.57", "--date", "2017-11-04",
        "--core", day.core().workTree().toString(), "--website", day.website().workTree().toString(),
        "--post-title", "0.57: Translations, Hacktoberfest, Timers", "--post-author", "Paulus Schoutsen");

    assertThat(day.core().hosting().releaseByTag("0.57")).isPresent();
    assertThat(day.website().file("current", SiteReleaseDay.POST)).contains("0.57: Translations");
    assertThat(day.website().file("current", Credits.PATH)).contains("title: \"Credits\"")
        .contains("- [Paulus Schoutsen (@balloob)](");
  }

  @Test
  void aCreditsPageReleasekitDidNotWriteBlocksReleaseDayUntilItIsTakenOverOnce() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    Organisation.homeAssistant().seed(day.website().hosting());
    String handWritten = "---\ntitle: \"Credits\"\n---\n\nThanks to everyone, by hass-release.\n";
    day.website().project().commit("release-0-57", "Credits from hass-release", Map.of(Credits.PATH, handWritten));
    String[] args = {"run", "ha-release-day", "--version", "0.57", "--date", "2017-11-04", "--core",
        day.core().workTree().toString(), "--website", day.website().workTree().toString(), "--post-title",
        "0.57: Translations, Hacktoberfest, Timers"};
    String before = day.fingerprint();

    Tool.Result blocked = Jar.run(args);

    assertThat(blocked.code()).as(blocked.toString()).isEqualTo(ReleaseKit.BLOCKED);
    assertThat(blocked.out() + blocked.err()).contains("was not generated by releasekit")
        .contains("--credits-take-over");
    assertThat(day.fingerprint()).as("blocked before any write").isEqualTo(before);

    List<String> again = new ArrayList<>(List.of(args));
    again.add("--credits-take-over");
    Tool.Result takenOver = Jar.run(again.toArray(String[]::new));

    assertThat(takenOver.code()).as(takenOver.toString()).isZero();
    assertThat(day.website().file("current", Credits.PATH)).contains("<!-- releasekit:credits ")
        .contains("- [Paulus Schoutsen (@balloob)](").doesNotContain("by hass-release");
  }

  @Test
  void homeAssistantBugfixRelease() {
    GitFixture core = BugfixScenario.withZwaveFix(GitFixture.homeAssistant(temp));

    planRunAndRerun(core::fingerprint, "ha-bugfix", "--version", "0.56.2", "--core", core.workTree().toString());

    assertThat(core.file("master", "homeassistant/zwave.py")).isEqualTo("CRASH = False\n");
    assertThat(core.hosting().releaseByTag("0.56.2")).isPresent();
  }

  @Test
  void postHogCodeFreeze() {
    GitFixture posthog = postHogWithAPullRequest(temp);

    planRunAndRerun(posthog::fingerprint, "posthog-code-freeze", "--version", "1.31.0", "--date", "2021-12-10",
        "--posthog", posthog.workTree().toString());

    assertThat(posthog.file("release-1.31.0", "CHANGELOG.md")).contains("### 1.31.0 - Friday 10 December");
    assertThat(posthog.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
  }

  @Test
  void postHogLaunchOfAppChartImagesAndTheAnnouncement() {
    GitFixture posthog = postHogWithAPullRequest(temp.resolve("posthog"));
    Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree()).hostedOn(posthog.hosting())
        .cutBranch().changelog("- Funnel correlation\n").bumpVersion().run();
    GitFixture charts = GitFixture.postHogCharts(temp.resolve("charts"));
    charts.hosting().createLabel("bump minor");
    registry.push("posthog/posthog", SampleImages.image("posthog", 1, false, "linux", "amd64"), "release-1.31.0");
    registry.push("posthog/posthog", SampleImages.image("posthog", 1, false, "linux", "amd64"), "latest-release");

    try (SlackStub slack = SlackStub.start()) {
      // Slack's posts are part of the state: the plan posts nothing, the run once, the re-run finds its post.
      planRunAndRerun(Map.of("SLACK_BOT_TOKEN", SlackStub.TOKEN),
          () -> posthog.fingerprint() + charts.fingerprint() + " posts " + slack.posts().size(), "posthog-launch",
          "--version", "1.31.0", "--posthog", posthog.workTree().toString(), "--charts",
          charts.workTree().toString(), "--registry", registry.host(), "--channel", SlackStub.CHANNEL,
          "--slack-api-url", slack.apiUrl());
      assertThat(slack.posts()).hasSize(1);
      assertThat(slack.posts().get(0).getBodyAsString()).contains("PostHog 1.31.0 is out")
          .contains(SlackStub.CHANNEL);
    }

    assertThat(posthog.originRefs()).containsKey("refs/tags/1.31.0");
    assertThat(posthog.hosting().findPullRequest("1.31.0-sync", "master")).hasValueSatisfying(pr ->
        assertThat(pr.state()).as("merged once both images exist").isEqualTo(PullRequest.State.MERGED));
    assertThat(posthog.file("master", "versions.json")).startsWith("[\n    {\n        \"version\": \"1.31.0\",");
    assertThat(charts.file("chart-posthog-1.31.0", "charts/posthog/Chart.yaml")).contains("appVersion: 1.31.0");
  }

  @Test
  void aUsersJShellScriptAndJavaSourceFileEachPlanAndRun() throws IOException {
    GitFixture forScript = GitFixture.homeAssistant(temp.resolve("script"));
    Path script = Files.writeString(temp.resolve("prepare.jsh"), """
        import dev.releasekit.*;
        import java.nio.file.*;

        var release = Release.of(args[0]).in(Path.of(args[1]))
            .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
        """);
    planRunAndRerun(forScript::fingerprint, script.toString(), "--", "0.57", forScript.workTree().toString());
    assertThat(forScript.hosting().findPullRequest("release-0-57", "master")).isPresent();

    GitFixture forSource = GitFixture.homeAssistant(temp.resolve("source"));
    Path source = Files.writeString(temp.resolve("Prepare.java"), """
        import dev.releasekit.Release;
        import java.nio.file.Path;

        public class Prepare {
          public static Release release(String... args) {
            return Release.of(args[0]).in(Path.of(args[1])).cutBranch().bumpVersion();
          }
        }
        """);
    planRunAndRerun(forSource::fingerprint, source.toString(), "--", "0.57", forSource.workTree().toString());
    assertThat(forSource.file("release-0-57", "homeassistant/const.py")).contains("PATCH_VERSION = '0'");
  }

  private static GitFixture postHogWithAPullRequest(Path dir) {
    GitFixture posthog = GitFixture.postHog(dir);
    // The changelog is built from the pull requests the hosting knows.
    posthog.hosting().seed().pull("Add funnel correlation").number(7001).by("jane").from("funnels").into("master")
        .mergedAs(posthog.commit("master~1").name(), Instant.parse("2021-12-01T10:00:00Z"));
    return posthog;
  }
}
