package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.docker.internal.MediaTypes;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.docker.testing.SampleImages.Image;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.docker.testing.RequestLog;
import dev.releasekit.spi.ImageManifest;
import dev.releasekit.testing.StepResultAssert;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real docker-registry 2.8, without authentication. */
class RegistryTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  private final RequestLog log = new RequestLog();
  private final Registry client = registry.client()
      .client(new OkHttpClient.Builder().addInterceptor(log).build()).build();

  @Test
  void schema2ManifestIsReadWithItsExactBytesAndDigest() {
    Image image = SampleImages.image("schema2", 2, false, "linux", "amd64");
    registry.push("team/schema2", image, "1.0");

    ImageManifest manifest = client.manifest(registry.ref("team/schema2:1.0")).orElseThrow();

    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(manifest.bytes()).isEqualTo(image.manifest().bytes());
    assertThat(manifest.digest()).isEqualTo(image.manifest().digest());
    assertThat(client.digest(registry.ref("team/schema2:1.0"))).contains(image.manifest().digest());
  }

  @Test
  void schema2ManifestIsRetaggedWithItsDigestPreserved() {
    assertRetagPreservesDigest("team/retag-schema2", SampleImages.image("retag-schema2", 1, false, "linux", "amd64"));
  }

  @Test
  void ociManifestIsRetaggedWithItsDigestPreserved() {
    assertRetagPreservesDigest("team/retag-oci", SampleImages.image("retag-oci", 3, true, "linux", "amd64"));
  }

  @Test
  void ociIndexIsRetaggedWithItsDigestPreservedAndNeverResolvesToAPlatform() {
    Image amd64 = SampleImages.image("index-amd64", 1, true, "linux", "amd64");
    Image arm64 = SampleImages.image("index-arm64", 1, true, "linux", "arm64");
    registry.push("team/multi", amd64, null);
    registry.push("team/multi", arm64, null);
    ImageManifest index = SampleImages.index(true, List.of(amd64, arm64));
    registry.pusher().putManifest("team/multi", index, "1.0");

    assertThat(client.digest(registry.ref("team/multi:1.0"))).contains(index.digest());
    ImageManifest fetched = client.manifest(registry.ref("team/multi:1.0")).orElseThrow();
    assertThat(fetched.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(fetched.digest()).isEqualTo(index.digest()).isNotEqualTo(amd64.manifest().digest());

    client.putManifest(registry.ref("team/multi:stable"), fetched);

    assertThat(client.digest(registry.ref("team/multi:stable"))).contains(index.digest());
    assertThat(client.manifest(registry.ref("team/multi:stable")).orElseThrow().bytes()).isEqualTo(index.bytes());
  }

  @Test
  void manifestListKeepsItsDigestWhereANarrowAcceptWouldGetOnePlatform() throws Exception {
    Image amd64 = SampleImages.image("list-amd64", 1, false, "linux", "amd64");
    Image arm64 = SampleImages.image("list-arm64", 2, false, "linux", "arm64");
    registry.push("team/list", amd64, null);
    registry.push("team/list", arm64, null);
    ImageManifest list = SampleImages.index(false, List.of(amd64, arm64));
    registry.pusher().putManifest("team/list", list, "1.0");

    // What a client that only offers the single-image type gets: the amd64 child, another digest.
    String narrowDigest;
    try (Response narrow = new OkHttpClient().newCall(new Request.Builder()
        .url("http://" + registry.host() + "/v2/team/list/manifests/1.0")
        .header("Accept", MediaTypes.DOCKER_MANIFEST).build()).execute()) {
      narrowDigest = narrow.header("Docker-Content-Digest");
    }
    assertThat(narrowDigest).isEqualTo(amd64.manifest().digest());

    assertThat(client.digest(registry.ref("team/list:1.0"))).contains(list.digest());
    ImageManifest fetched = client.manifest(registry.ref("team/list:1.0")).orElseThrow();
    assertThat(fetched.mediaType()).isEqualTo(MediaTypes.DOCKER_LIST);
    assertThat(fetched.digest()).isEqualTo(list.digest());
    client.putManifest(registry.ref("team/list:latest"), fetched);
    assertThat(client.digest(registry.ref("team/list:latest"))).contains(list.digest());
  }

  @Test
  void manifestByDigestIsCheckedAgainstTheDigest() {
    Image image = SampleImages.image("by-digest", 1, true, "linux", "amd64");
    registry.push("team/bydigest", image, "1.0");

    assertThat(client.manifest(registry.ref("team/bydigest@" + image.manifest().digest())))
        .hasValueSatisfying(m -> assertThat(m.bytes()).isEqualTo(image.manifest().bytes()));
  }

  @Test
  void unknownTagAndUnknownRepositoryAreAbsent() {
    registry.push("team/known", SampleImages.image("known", 1, false, "linux", "amd64"), "1.0");

    assertThat(client.manifest(registry.ref("team/known:nope"))).isEmpty();
    assertThat(client.digest(registry.ref("team/known:nope"))).isEmpty();
    assertThat(client.manifest(registry.ref("nobody/nothing:1.0"))).isEmpty();
  }

  @Test
  void tagsOfAnUnknownRepositoryFailWithTheName() {
    assertThatThrownBy(() -> client.tags(registry.host() + "/nobody/nothing"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("nobody/nothing does not exist")
        .hasMessageContaining("NAME_UNKNOWN");
  }

  @Test
  void tagsAreAllListedEvenThoughThisRegistryIgnoresThePageSize() {
    Image image = SampleImages.image("many-tags", 1, false, "linux", "amd64");
    registry.push("team/tags", image, "t0");
    List<String> expected = new ArrayList<>(List.of("t0"));
    for (int i = 1; i < 12; i++) {
      registry.pusher().putManifest("team/tags", image.manifest(), "t" + i);
      expected.add("t" + i);
    }

    assertThat(client.tags(registry.host() + "/team/tags")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void retaggingTheSameBytesTwiceKeepsOneDigest() {
    Image image = SampleImages.image("twice", 1, false, "linux", "amd64");
    registry.push("team/twice", image, "1.0");
    ImageManifest manifest = client.manifest(registry.ref("team/twice:1.0")).orElseThrow();
    client.putManifest(registry.ref("team/twice:b"), manifest);
    client.putManifest(registry.ref("team/twice:b"), manifest);
    assertThat(client.digest(registry.ref("team/twice:b"))).contains(manifest.digest());
  }

  @Test
  void toStringNamesNoCredentials() {
    assertThat(client.toString()).contains("anonymous");
  }

  private void assertRetagPreservesDigest(String repository, Image image) {
    registry.push(repository, image, "1.0");
    log.clear();

    StepResultAssert.assertThat(client.retag(registry.ref(repository + ":1.0"), "stable", "latest")
        .apply(new dev.releasekit.testing.RecordingContext("1.0.0", java.time.Clock.systemUTC()).withRegistry(client))).isDone();

    assertThat(client.digest(registry.ref(repository + ":stable"))).contains(image.manifest().digest());
    assertThat(client.digest(registry.ref(repository + ":latest"))).contains(image.manifest().digest());
    assertThat(client.manifest(registry.ref(repository + ":stable")).orElseThrow().bytes())
        .isEqualTo(image.manifest().bytes());
  }
}
