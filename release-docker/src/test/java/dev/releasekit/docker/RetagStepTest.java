package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.docker.testing.SampleImages.Image;
import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.spi.ImageDigest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import dev.releasekit.testing.RecordingContext;
import dev.releasekit.testing.StepResultAssert;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.docker.testing.RequestLog;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Retag} against a real docker-registry: fresh, re-run, conflicting state, and the plan overlay. */
class RetagStepTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  private final RequestLog log = new RequestLog();
  private final Registry client = registry.client()
      .client(new OkHttpClient.Builder().addInterceptor(log).build()).build();
  private final RecordingContext context = new RecordingContext("1.31.0", Clock.systemUTC()).withRegistry(client);

  private Image push(String repository, String seed, String tag) {
    Image image = SampleImages.image(seed, 2, false, "linux", "amd64");
    registry.push(repository, image, tag);
    log.clear();
    return image;
  }

  @Test
  void freshRetagPutsEveryTagWithTwoRequestsEachAndRecordsImageChanges() {
    Image image = push("posthog/fresh", "fresh", "release-1.31.0");

    StepResult result = client.retag(registry.ref("posthog/fresh:release-1.31.0"), "latest-release", "1.31")
        .apply(context);

    StepResultAssert.assertThat(result).isDone();
    // one read of the source, then per tag one HEAD to observe and one PUT to act (the PUT's answer verifies)
    assertThat(log.requests()).hasSize(5);
    assertThat(log.writes()).containsExactly("PUT /v2/posthog/fresh/manifests/latest-release",
        "PUT /v2/posthog/fresh/manifests/1.31");
    assertThat(client.digest(registry.ref("posthog/fresh:latest-release"))).contains(image.manifest().digest());
    assertThat(client.digest(registry.ref("posthog/fresh:1.31"))).contains(image.manifest().digest());
    assertThat(context.changes()).extracting(Change::kind).containsOnly(Change.Kind.IMAGE);
    assertThat(context.changes()).extracting(Change::target)
        .containsExactly(registry.ref("posthog/fresh:latest-release"), registry.ref("posthog/fresh:1.31"));
  }

  @Test
  void rerunFindsEveryTagInPlaceAndWritesNothing() {
    push("posthog/rerun", "rerun", "release-1.31.0");
    Retag step = client.retag(registry.ref("posthog/rerun:release-1.31.0"), "latest-release", "1.31");
    step.apply(new RecordingContext("1.31.0", Clock.systemUTC()).withRegistry(client));
    log.clear();

    StepResult again = step.apply(context);

    StepResultAssert.assertThat(again).isAlreadyDone();
    assertThat(again.detail()).contains("latest-release, 1.31 already point at sha256:");
    assertThat(log.requests()).containsExactly("GET /v2/posthog/rerun/manifests/release-1.31.0",
        "HEAD /v2/posthog/rerun/manifests/latest-release", "HEAD /v2/posthog/rerun/manifests/1.31");
    assertThat(context.changes()).isEmpty();
  }

  @Test
  void aTagOnAnotherDigestBlocksAndNothingIsChanged() {
    Image release = push("posthog/conflict", "conflict-new", "release-1.31.0");
    Image older = push("posthog/conflict", "conflict-old", "stable");

    Retag step = client.retag(registry.ref("posthog/conflict:release-1.31.0"), "fresh-tag", "stable");

    assertThatThrownBy(() -> step.apply(context))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("posthog/conflict:stable points at " + older.manifest().digest())
        .hasMessageContaining(release.manifest().digest())
        .hasMessageContaining("Nothing was changed")
        .hasMessageContaining(".move()");
    assertThat(log.writes()).isEmpty();
    assertThat(client.digest(registry.ref("posthog/conflict:stable"))).contains(older.manifest().digest());
    assertThat(client.digest(registry.ref("posthog/conflict:fresh-tag"))).isEmpty();
    assertThat(context.changes()).isEmpty();
  }

  @Test
  void moveLetsARollingTagFollowTheNewRelease() {
    Image release = push("posthog/rolling", "rolling-new", "release-1.31.0");
    Image older = push("posthog/rolling", "rolling-old", "latest-release");

    StepResult result = client.retag(registry.ref("posthog/rolling:release-1.31.0"), "latest-release").move()
        .apply(context);

    StepResultAssert.assertThat(result).isDone();
    assertThat(client.digest(registry.ref("posthog/rolling:latest-release"))).contains(release.manifest().digest());
    assertThat(context.changes()).singleElement().extracting(Change::summary).asString()
        .startsWith("move " + registry.ref("posthog/rolling:latest-release") + " from "
            + older.manifest().digest().substring(0, 19));
  }

  @Test
  void aHalfDoneRetagOnlyPutsTheMissingTag() {
    Image image = push("posthog/half", "half", "release-1.31.0");
    registry.pusher().putManifest("posthog/half", image.manifest(), "latest-release");
    log.clear();

    StepResult result = client.retag(registry.ref("posthog/half:release-1.31.0"), "latest-release", "1.31")
        .apply(context);

    StepResultAssert.assertThat(result).isDone();
    assertThat(result.detail()).contains("latest-release already there");
    assertThat(log.writes()).containsExactly("PUT /v2/posthog/half/manifests/1.31");
  }

  @Test
  void insideAPlanTheEnginesOverlayKeepsThePutsInMemory(@TempDir Path temp) {
    Image image = push("posthog/plan", "plan", "release-1.31.0");
    GitFixture fixture = GitFixture.postHog(temp);

    Plan plan = Release.of("1.31.0").conventions(Conventions.postHog()).in(fixture.workTree())
        .hostedOn(fixture.hosting()).then(client.retag(registry.ref("posthog/plan:release-1.31.0"), "latest-release"))
        .plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.changes()).extracting(Change::target).containsExactly(registry.ref("posthog/plan:latest-release"));
    assertThat(log.writes()).isEmpty();
    assertThat(client.digest(registry.ref("posthog/plan:latest-release"))).isEmpty();
    assertThat(plan.result(ResultKey.IMAGE)).get().extracting(ImageDigest::digest)
        .isEqualTo(image.manifest().digest());
  }

  @Test
  void aMissingSourceImageSaysToWaitForIt() {
    assertThatThrownBy(() -> client.retag(registry.ref("posthog/none:release-9.9.9"), "latest").apply(context))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("posthog/none:release-9.9.9 does not exist")
        .hasMessageContaining("awaitTag");
  }

  @Test
  void badTagsAndNoTagsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.retag(registry.ref("posthog/x:1.0"), "Bad Tag"))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("not a valid tag");
    assertThatThrownBy(() -> client.retag(registry.ref("posthog/x:1.0")))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("at least one new tag");
    assertThat(log.requests()).isEmpty();
  }

  @Test
  void descriptionSaysWhatWillBeTagged() {
    assertThat(client.retag("posthog/posthog:release-1.31.0", "latest-release").move().description())
        .isEqualTo("tag posthog/posthog:release-1.31.0 as latest-release (moving existing tags)");
  }
}
