package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.local.LocalProject;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostHog's launch as one release of two repositories and a registry: the tag on {@code posthog}, then, in
 * {@code charts}, the gate on the image that the tag builds, then the chart's pull request. The registry is the
 * real docker-registry; the registry client is never wired with {@code withRegistry}, so the engine wires (and in
 * a plan overlays) the one the steps were built from. Time is a fake clock and sleeper that count the sleeps.
 */
class PostHogAcrossRepositoriesTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  private static final String CHART = "apiVersion: v2\nname: posthog\nversion: 7.0.2\nappVersion: 1.30.0\n";
  private static final String VALUES = "image:\n  repository: posthog/posthog\n  sha:\n  tag:\n"
      + "  default: \":release-1.30.0\"\n  pullPolicy: IfNotPresent\n";

  @TempDir
  Path temp;
  GitFixture posthog;
  GitFixture charts;
  FakeTime time;
  String image;

  @BeforeEach
  void setUp() {
    posthog = GitFixture.postHog(temp.resolve("posthog"));
    charts = GitFixture.of(LocalProject.create(temp.resolve("charts"), "charts", "master", Map.of(
        "charts/posthog/Chart.yaml", CHART, "charts/posthog/values.yaml", VALUES)));
    charts.hosting().createLabel("bump minor");
    time = FakeTime.at("2021-12-16T10:00:00Z");
    image = registry.ref("posthog/app-" + temp.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9]", "")
        + ":release-1.31.0");
  }

  private Release launch() {
    Registry hub = registry.client().build();
    return Release.of("1.31.0").clock(time).sleeper(time)
        .repository("posthog", posthog.workTree()).conventions(Conventions.postHog()).hostedOn(posthog.hosting())
            .tag()
        .repository("charts", charts.workTree()).conventions(Conventions.postHog()).hostedOn(charts.hosting())
            .then(hub.awaitTag(image, Duration.ofHours(2)))
            .then(HelmChart.at("charts/posthog").bumpChartVersion(HelmChart.VersionBump.MINOR).label("bump minor"));
  }

  private void pushImage() {
    String repository = image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'));
    registry.push(repository, SampleImages.image(repository, 1, false, "linux", "amd64"), "release-1.31.0");
  }

  private String state() {
    return posthog.fingerprint() + "|" + charts.fingerprint();
  }

  @Test
  void aPlanMadeWhileTheImageIsMissingReturnsAtOnceAndSaysWhatItWouldWaitFor() {
    String before = state();
    int registryRequests = registry.requests().size();

    Plan plan = launch().plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.step(2).detail()).isEqualTo("would wait up to 2h for " + image + " (not there yet)");
    assertThat(plan.step(3).description()).as("the chart step is rehearsed too").startsWith("charts: ");
    assertThat(time.sleeps()).as("a plan never sleeps").isEmpty();
    assertThat(state()).isEqualTo(before);
    assertThat(registry.server().awaitRequests(registryRequests + 1, 2000).subList(registryRequests,
        registry.requests().size())).allMatch(request -> request.startsWith("HEAD ") || request.startsWith("GET "));
  }

  @Test
  void aRunWaitsForTheImageThenBumpsTheChartAndItsRerunIsANoOp() {
    time.onSleep(count -> {
      if (count == 2) {
        pushImage();
      }
    });

    Report report = launch().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(Outcome.DONE, Outcome.DONE,
        Outcome.DONE);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30));
    assertThat(report.result("charts", ResultKey.IMAGE).orElseThrow().reference()).isEqualTo(image);
    assertThat(report.result("posthog", ResultKey.TAG).orElseThrow().name()).isEqualTo("1.31.0");
    assertThat(charts.hosting().findPullRequest("chart-posthog-1.31.0", "master")).isPresent();
    assertThat(charts.file("chart-posthog-1.31.0", "charts/posthog/Chart.yaml")).contains("appVersion: 1.31.0");
    String after = state();

    Report again = launch().run();

    assertThat(again.isNoOp()).isTrue();
    assertThat(state()).isEqualTo(after);
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void theChartStepRunsOnlyAfterTheImageGate() {
    assertThatThrownBy(() -> launch().run()).isInstanceOf(PreconditionException.class)
        .hasMessageContaining(image + " did not appear by 2021-12-16T12:00:00Z");

    assertThat(posthog.originRefs()).as("the tag before the gate landed").containsKey("refs/tags/1.31.0");
    assertThat(charts.originRefs()).as("the chart after the gate did not").doesNotContainKey(
        "refs/heads/chart-posthog-1.31.0");
    assertThat(charts.hosting().findPullRequest("chart-posthog-1.31.0", "master")).isEmpty();
  }
}
