package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.testing.FailAfter;
import dev.releasekit.website.testing.PostHogVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostHog's launch as one release of its app repository: the changelog and version on the release branch, the tag,
 * the sync branch and its pull request, the {@code versions.json} entry on it, then the gate on both images the tag
 * builds ({@code release-1.31.0} and {@code latest-release}, on the real docker-registry), and only then the merge
 * that tells users an update is available. Its plan, its re-run, and a failure after every step.
 */
class PostHogSyncFlowTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  private static final String SYNC = PostHogVersions.SYNC;
  /** Both images present from the start: the failure cases share them and the uninterrupted run. */
  private static final String BUILT = "posthog/built";

  @TempDir
  static Path shared;
  private static GitFixture reference;

  @TempDir
  Path temp;

  @BeforeAll
  static void imagesAndAnUninterruptedRun() {
    pushImages(BUILT, "release-1.31.0", "latest-release");
    reference = PostHogVersions.app(shared.resolve("reference"), PostHogVersions.EXPANDED);
    launch(reference, BUILT, FakeTime.at("2021-12-16T10:00:00Z")).run();
  }

  private static void pushImages(String repository, String... tags) {
    PostHogVersions.pushImages(registry, repository, tags);
  }

  static Release launch(GitFixture app, String images, FakeTime time) {
    return PostHogVersions.launch(app.workTree(), app.hosting(), registry, images, time);
  }

  private static Map<String, Object> state(GitFixture app) {
    return Map.of("origin", app.contentState(), "sync pull request", app.hosting().findPullRequest(SYNC, "master")
        .map(pr -> pr.title() + " " + pr.state()).orElse("none"));
  }

  @Test
  void theEntryReachesMasterOnlyThroughTheSyncPullRequestOnceBothImagesExistThenARerunWritesNothing() {
    GitFixture app = PostHogVersions.app(temp, PostHogVersions.ONE_PER_LINE);
    FakeTime time = FakeTime.at("2021-12-16T10:00:00Z");
    time.onSleep(count -> {
      if (count == 1) {
        assertThat(app.file("master", "versions.json")).as("nothing reaches master while images are missing")
            .isEqualTo(PostHogVersions.ONE_PER_LINE);
        pushImages("posthog/waited", "release-1.31.0");
      } else if (count == 2) {
        pushImages("posthog/waited", "latest-release");
      }
    });

    Report report = launch(app, "posthog/waited", time).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(time.sleeps()).hasSize(2);
    assertThat(app.file("master", "versions.json")).isEqualTo(PostHogVersions.ONE_PER_LINE_WITH_1_31);
    assertThat(app.file("master", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(app.file("master", "CHANGELOG.md")).contains("### 1.31.0 - Thursday 16 December");
    assertThat(app.commit("master").getParentCount()).as("merged with a merge commit").isEqualTo(2);
    assertThat(report.result(ResultKey.SYNC_PR).orElseThrow().state()).isEqualTo(PullRequest.State.MERGED);
    assertThat(app.hosting().findPullRequest(SYNC, "master").orElseThrow().title()).isEqualTo("Sync 1.31.0 to master");
    String after = app.fingerprint();

    Report again = launch(app, "posthog/waited", time).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(app.fingerprint()).isEqualTo(after);
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void thePlanSaysWhatTheGatesWouldWaitForAndWritesNothing() {
    GitFixture app = PostHogVersions.app(temp, PostHogVersions.EXPANDED);
    FakeTime time = FakeTime.at("2021-12-16T10:00:00Z");
    String before = app.fingerprint();
    int requests = registry.requests().size();

    Plan plan = launch(app, "posthog/unbuilt", time).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.steps()).extracting(StepResult::detail).contains(
        "would wait up to 2h for " + registry.ref("posthog/unbuilt:release-1.31.0") + " (not there yet)",
        "would wait up to 2h for " + registry.ref("posthog/unbuilt:latest-release") + " (not there yet)");
    assertThat(plan.steps()).filteredOn(s -> s.description().contains("versions.json")).singleElement()
        .satisfies(s -> assertThat(s.output()).contains("\"version\": \"1.31.0\"", "\"release_date\": \"2021-12-16\""));
    assertThat(plan.steps().get(plan.steps().size() - 1).description())
        .isEqualTo("merge pull request 1.31.0-sync -> master with a merge commit");
    assertThat(time.sleeps()).as("a plan never sleeps").isEmpty();
    assertThat(app.fingerprint()).isEqualTo(before);
    assertThat(registry.server().awaitRequests(requests + 1, 2000).subList(requests, registry.requests().size()))
        .allMatch(request -> request.startsWith("HEAD ") || request.startsWith("GET "));
  }

  @Test
  void withoutTheImagesTheSyncPullRequestWaitsOpenAndMasterKeepsItsFeed() {
    GitFixture app = PostHogVersions.app(temp, PostHogVersions.EXPANDED);
    pushImages("posthog/half", "release-1.31.0");

    assertThatThrownBy(() -> launch(app, "posthog/half", FakeTime.at("2021-12-16T10:00:00Z")).run())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining(registry.ref("posthog/half:latest-release") + " did not appear");

    assertThat(app.file(SYNC, "versions.json")).isEqualTo(PostHogVersions.EXPANDED_WITH_1_31);
    assertThat(app.file("master", "versions.json")).isEqualTo(PostHogVersions.EXPANDED);
    assertThat(app.hosting().findPullRequest(SYNC, "master").orElseThrow().state())
        .isEqualTo(PullRequest.State.OPEN);
  }

  static List<Integer> everyStep() {
    return IntStream.rangeClosed(1, 11).boxed().toList();
  }

  @ParameterizedTest(name = "failure after step {0}")
  @MethodSource("everyStep")
  void aFailureAfterAnyStepThenARerunEndsAsAnUninterruptedRun(int failAfter) {
    GitFixture app = PostHogVersions.app(temp, PostHogVersions.EXPANDED);
    FakeTime time = FakeTime.at("2021-12-16T10:00:00Z");
    assertThat(launch(app, BUILT, time).steps()).as("the parameters cover every step").hasSize(everyStep().size());
    assertThatThrownBy(FailAfter.step(failAfter, launch(app, BUILT, time))::run).hasMessageContaining("injected");

    Report rerun = launch(app, BUILT, time).run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(state(app)).isEqualTo(state(reference));
    assertThat(app.file("master", "versions.json")).isEqualTo(PostHogVersions.EXPANDED_WITH_1_31);
    assertThat(launch(app, BUILT, time).plan().isNoOp()).isTrue();
  }
}
