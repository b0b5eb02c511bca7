package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.AuthenticationException;
import dev.releasekit.Secret;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.docker.testing.SampleImages.Image;
import dev.releasekit.testing.RecordingContext;
import dev.releasekit.testing.StepResultAssert;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.docker.testing.RequestLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real docker-registry 2.8 behind htpasswd basic auth (bcrypt, from {@code htpasswd -Bbn}). */
class BasicAuthTest {
  private static final String PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.withBasicAuth("releaser", PASSWORD);

  private static Image image;

  @BeforeAll
  static void pushImage() {
    image = SampleImages.image("basic", 1, false, "linux", "amd64");
    registry.push("team/app", image, "1.0");
  }

  @Test
  void credentialsFromTheBuilderReadAndRetag() {
    Registry client = registry.client().build();

    assertThat(client.digest(registry.ref("team/app:1.0"))).contains(image.manifest().digest());
    StepResultAssert.assertThat(client.retag(registry.ref("team/app:1.0"), "builder")
        .apply(new RecordingContext("1.0.0", Clock.systemUTC()).withRegistry(client))).isDone();
    assertThat(client.digest(registry.ref("team/app:builder"))).contains(image.manifest().digest());
  }

  @Test
  void basicCredentialsAreSentAheadOnceTheRegistryAskedForThem() {
    RequestLog log = new RequestLog();
    Registry client = registry.client().client(new OkHttpClient.Builder().addInterceptor(log).build()).build();

    client.digest(registry.ref("team/app:1.0"));
    client.digest(registry.ref("team/app:1.0"));
    client.manifest(registry.ref("team/app:1.0"));

    // one challenge, then every request carries the credentials
    assertThat(log.requests()).hasSize(4);
  }

  @Test
  void credentialsFromTheDockerConfigAuthsAreUsed(@TempDir Path home) throws Exception {
    Path config = home.resolve("config.json");
    String auth = Base64.getEncoder().encodeToString(("releaser:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Files.writeString(config, "{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"" + auth + "\"}}}");

    Registry client = Registry.builder().dockerConfig(config).build();

    assertThat(client.digest(registry.ref("team/app:1.0"))).contains(image.manifest().digest());
    assertThat(client.toString()).doesNotContain(PASSWORD).doesNotContain(auth);
  }

  @Test
  void missingCredentialsFailWithAnAuthenticationExceptionThatSaysHowToLogIn() {
    Registry client = Registry.builder().withoutDockerConfig().build();

    assertThatThrownBy(() -> client.digest(registry.ref("team/app:1.0")))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("needs credentials")
        .hasMessageContaining("credentials(\"" + registry.host() + "\"");
  }

  @Test
  void wrongPasswordFailsWithoutQuotingIt() {
    Registry client = Registry.builder().withoutDockerConfig()
        .credentials(registry.host(), "releaser", Secret.of("wrong-password-123")).build();

    assertThatThrownBy(() -> client.manifest(registry.ref("team/app:1.0")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("credentials were refused")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password-123"));
    assertThat(client.toString()).doesNotContain("wrong-password-123");
  }

  @Test
  void malformedDockerConfigAuthNamesTheFileAndTheFix(@TempDir Path home) throws Exception {
    Path config = home.resolve("config.json");
    Files.writeString(config, "{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"%%%\"}}}");

    assertThatThrownBy(() -> Registry.builder().dockerConfig(config).build())
        .isInstanceOf(dev.releasekit.PreconditionException.class)
        .hasMessageContaining(config.toString())
        .hasMessageContaining("docker login");
  }
}
