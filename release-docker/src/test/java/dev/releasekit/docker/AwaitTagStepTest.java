package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.StepResult;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.docker.testing.SampleImages.Image;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.RecordingContext;
import dev.releasekit.testing.StepResultAssert;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.docker.testing.RequestLog;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AwaitTag} against a real docker-registry, on a fake clock whose sleeps take no time. */
class AwaitTagStepTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  private final FakeTime time = new FakeTime(Instant.parse("2026-11-21T10:00:00Z"));
  private final RequestLog log = new RequestLog();
  private final Registry client = registry.client().clock(time).sleeper(time)
      .client(new OkHttpClient.Builder().addInterceptor(log).build()).build();
  private final RecordingContext context = new RecordingContext("1.31.0", time).withRegistry(client);

  @Test
  void freshWaitPollsWithBackoffAndEndsWhenCiPushesTheImage() {
    Image image = SampleImages.image("await-fresh", 1, false, "linux", "amd64");
    time.onSleep(count -> {
      if (count == 3) {
        registry.push("posthog/await", image, "release-1.31.0");
      }
    });

    StepResult result = client.awaitTag(registry.ref("posthog/await:release-1.31.0"), Duration.ofHours(1))
        .apply(context);

    StepResultAssert.assertThat(result).isDone();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60));
    assertThat(context.progressMessages()).hasSize(3)
        .first().asString().contains("is not there yet (check 1); next check in 15s");
    assertThat(context.changes()).singleElement().satisfies(change -> {
      assertThat(change.kind()).isEqualTo(Change.Kind.IMAGE);
      assertThat(change.summary()).contains("appeared at " + image.manifest().digest().substring(0, 19));
    });
    assertThat(log.writes()).isEmpty();
  }

  @Test
  void rerunWithTheImageThereNeitherWaitsNorWrites() {
    registry.push("posthog/await-rerun", SampleImages.image("await-rerun", 1, false, "linux", "amd64"), "release-1.31.0");
    log.clear();

    StepResult result = client.awaitTag(registry.ref("posthog/await-rerun:release-1.31.0"), Duration.ofHours(1))
        .apply(context);

    StepResultAssert.assertThat(result).isAlreadyDone();
    assertThat(time.sleeps()).isEmpty();
    assertThat(context.progressMessages()).isEmpty();
    assertThat(context.changes()).isEmpty();
    assertThat(log.requests()).containsExactly("HEAD /v2/posthog/await-rerun/manifests/release-1.31.0");
  }

  @Test
  void aPassedDeadlineBlocksTheGateSoLaterStepsNeverRun() {
    List<String> ran = new ArrayList<>();
    Step publishVersions = new Step() {
      @Override
      public String description() {
        return "publish versions.json";
      }

      @Override
      public StepResult apply(StepContext ignored) {
        ran.add(description());
        return StepResult.done("published");
      }
    };
    List<Step> flow = List.of(
        client.awaitTag(registry.ref("posthog/never:release-1.31.0"), Duration.ofMinutes(2)), publishVersions);

    assertThatThrownBy(() -> flow.forEach(step -> step.apply(context)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("posthog/never:release-1.31.0 did not appear by 2026-11-21T10:02:00Z")
        .hasMessageContaining("have not run");
    assertThat(ran).isEmpty();
    assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-21T10:02:00Z"));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(15));
    assertThat(log.writes()).isEmpty();
  }

  @Test
  void aFixedDeadlineAlreadyPastChecksOnceAndFails() {
    assertThatThrownBy(() -> client.awaitTag(registry.ref("posthog/never:1.0"), Instant.parse("2026-11-21T09:00:00Z"))
        .apply(context))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("(1 check over 0s)");
    assertThat(log.requests()).hasSize(1);
  }

  @Test
  void aTagOnAnotherDigestThanExpectedBlocks() {
    Image image = SampleImages.image("await-other", 1, false, "linux", "amd64");
    registry.push("posthog/await-other", image, "release-1.31.0");
    String expected = "sha256:" + "0".repeat(64);

    assertThatThrownBy(() -> client.awaitTag(registry.ref("posthog/await-other:release-1.31.0"), Duration.ofHours(1))
        .expectingDigest(expected).apply(context))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("points at " + image.manifest().digest())
        .hasMessageContaining(expected);
    assertThat(log.writes()).isEmpty();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void badIntervalsAndDigestsAreRefused() {
    AwaitTag step = client.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(1));
    assertThatThrownBy(() -> step.pollingEvery(Duration.ZERO)).isInstanceOf(PreconditionException.class);
    assertThatThrownBy(() -> step.expectingDigest("sha256:xyz")).isInstanceOf(ReleaseException.class)
        .hasMessageContaining("64 lowercase hex");
    assertThat(step.description()).isEqualTo("wait for posthog/posthog:release-1.31.0 for up to 1h");
  }
}
