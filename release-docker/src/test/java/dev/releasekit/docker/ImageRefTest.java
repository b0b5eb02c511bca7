package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void dockerHubNamespaceAndTagResolveToRegistryOne() {
    ImageRef ref = ImageRef.parse("posthog/posthog:release-1.29.0");
    assertThat(ref.registry()).isEqualTo("registry-1.docker.io");
    assertThat(ref.repository()).isEqualTo("posthog/posthog");
    assertThat(ref.tag()).contains("release-1.29.0");
    assertThat(ref.digest()).isEmpty();
    assertThat(ref).hasToString("posthog/posthog:release-1.29.0");
  }

  @Test
  void singleNameIsAnOfficialImageTaggedLatest() {
    ImageRef ref = ImageRef.parse("redis");
    assertThat(ref.registry()).isEqualTo("registry-1.docker.io");
    assertThat(ref.repository()).isEqualTo("library/redis");
    assertThat(ref.tag()).contains("latest");
    assertThat(ref).hasToString("redis:latest");
  }

  @Test
  void hostWithPortAndNestedNamespaceKeepTheirParts() {
    ImageRef ref = ImageRef.parse("registry.example.com:5000/team/sub/app:1.2.3");
    assertThat(ref.registry()).isEqualTo("registry.example.com:5000");
    assertThat(ref.repository()).isEqualTo("team/sub/app");
    assertThat(ref.tag()).contains("1.2.3");
  }

  @Test
  void localhostIsAHostEvenWithoutPortOrDot() {
    ImageRef ref = ImageRef.parse("localhost/app");
    assertThat(ref.registry()).isEqualTo("localhost");
    assertThat(ref.repository()).isEqualTo("app");
    assertThat(ref.tag()).contains("latest");
  }

  @Test
  void digestReferencesAreFetchedByDigestEvenWithATag() {
    ImageRef byDigest = ImageRef.parse("127.0.0.1:5000/app@" + DIGEST);
    assertThat(byDigest.digest()).contains(DIGEST);
    assertThat(byDigest.tag()).isEmpty();
    assertThat(byDigest.version()).isEqualTo(DIGEST);
    ImageRef both = ImageRef.parse("posthog/posthog:1.0@" + DIGEST);
    assertThat(both.tag()).contains("1.0");
    assertThat(both.version()).isEqualTo(DIGEST);
  }

  @Test
  void dockerIoSpellingsAllMeanDockerHub() {
    assertThat(ImageRef.parse("docker.io/library/redis:7").registry()).isEqualTo("registry-1.docker.io");
    assertThat(ImageRef.parse("index.docker.io/redis:7").repository()).isEqualTo("library/redis");
    assertThat(ImageRef.parse("docker.io/redis:7")).isEqualTo(ImageRef.parse("redis:7"));
  }

  @Test
  void uppercaseRepositoryIsRefusedWithTheLowercaseSpelling() {
    assertThatThrownBy(() -> ImageRef.parse("PostHog/posthog:1.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("lowercase")
        .hasMessageContaining("'posthog/posthog'");
  }

  @Test
  void malformedDigestIsRefused() {
    assertThatThrownBy(() -> ImageRef.parse("redis@sha256:abc"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("64 lowercase hex");
    assertThatThrownBy(() -> ImageRef.parse("redis@sha256:" + "0123456789ABCDEF".repeat(4)))
        .isInstanceOf(PreconditionException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "redis latest", "redis:", "redis:-bad", "/redis", "redis/", "a//b",
      "team/app:tag:more", "-app", "app_:1", "host:99999999/app"})
  void invalidReferencesAreRefusedClearly(String reference) {
    assertThatThrownBy(() -> ImageRef.parse(reference))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("image reference");
  }

  @Test
  void repositoryNamesRefuseATag() {
    assertThat(ImageRef.repository("posthog/posthog").repository()).isEqualTo("posthog/posthog");
    assertThatThrownBy(() -> ImageRef.repository("posthog/posthog:1.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("drop the ':1.0' part");
  }

  @Test
  void withTagValidatesTheNewTag() {
    assertThat(ImageRef.parse("redis:7").withTag("latest-release")).hasToString("redis:latest-release");
    assertThatThrownBy(() -> ImageRef.parse("redis:7").withTag("bad tag"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("not a valid tag");
  }
}
