package dev.releasekit.docker;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.releasekit.AuthenticationException;
import dev.releasekit.RateLimitException;
import dev.releasekit.Secret;
import dev.releasekit.docker.internal.MediaTypes;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.spi.ImageManifest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Docker Hub's token flow and rate limits, played by WireMock on 127.0.0.1. */
class DockerHubTokenTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @RegisterExtension
  static final WireMockExtension hub = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

  private final FakeTime time = new FakeTime(Instant.parse("2026-11-21T10:00:00Z"));

  private Registry.Builder client() {
    return Registry.builder().withoutDockerConfig().endpoint("docker.io", hub.baseUrl()).clock(time).sleeper(time);
  }

  private String challenge(String scope) {
    return "Bearer realm=\"" + hub.baseUrl() + "/token\",service=\"registry.docker.io\",scope=\"" + scope + "\"";
  }

  private void stubRepository(String repository, String token) {
    String path = "/v2/" + repository + "/manifests/latest";
    hub.stubFor(head(urlEqualTo(path)).withHeader("Authorization", absent()).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", challenge("repository:" + repository + ":pull"))));
    hub.stubFor(head(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + token))
        .willReturn(aResponse().withStatus(200).withHeader("Docker-Content-Digest", DIGEST)
            .withHeader("Content-Type", MediaTypes.OCI_INDEX)));
    hub.stubFor(get(urlPathEqualTo("/token")).withQueryParam("service", equalTo("registry.docker.io"))
        .withQueryParam("scope", equalTo("repository:" + repository + ":pull"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"token\": \"" + token + "\", \"expires_in\": 300}")));
  }

  @Test
  void challengeLeadsToATokenThatIsCachedPerScope() {
    stubRepository("library/redis", "token-redis");
    stubRepository("posthog/posthog", "token-posthog");
    Registry registry = client().build();

    assertThat(registry.digest("redis")).contains(DIGEST);
    assertThat(registry.digest("redis")).contains(DIGEST);
    assertThat(registry.digest("docker.io/library/redis:latest")).contains(DIGEST);
    assertThat(registry.digest("posthog/posthog")).contains(DIGEST);
    assertThat(registry.digest("posthog/posthog")).contains(DIGEST);

    hub.verify(1, getRequestedFor(urlPathEqualTo("/token"))
        .withQueryParam("scope", equalTo("repository:library/redis:pull")));
    hub.verify(1, getRequestedFor(urlPathEqualTo("/token"))
        .withQueryParam("scope", equalTo("repository:posthog/posthog:pull")));
    // one challenge per repository: the second repository's token is fetched ahead, from the known realm
    hub.verify(1, headRequestedFor(urlEqualTo("/v2/library/redis/manifests/latest"))
        .withHeader("Authorization", absent()));
    hub.verify(0, headRequestedFor(urlEqualTo("/v2/posthog/posthog/manifests/latest"))
        .withHeader("Authorization", absent()));
    hub.verify(3, headRequestedFor(urlEqualTo("/v2/library/redis/manifests/latest"))
        .withHeader("Authorization", equalTo("Bearer token-redis")));
  }

  @Test
  void anExpiredTokenIsFetchedAgain() {
    stubRepository("library/redis", "token-redis");
    Registry registry = client().build();

    registry.digest("redis");
    time.sleep(Duration.ofMinutes(10));
    registry.digest("redis");

    hub.verify(2, getRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void credentialsGoToTheTokenServiceAndNeverIntoMessages() {
    stubRepository("posthog/posthog", "token-posthog");
    String basic = "Basic " + Base64.getEncoder().encodeToString("releaser:hub-pass-42".getBytes(StandardCharsets.UTF_8));
    Registry registry = client().credentials("docker.io", "releaser", Secret.of("hub-pass-42")).build();

    assertThat(registry.digest("posthog/posthog")).contains(DIGEST);

    hub.verify(1, getRequestedFor(urlPathEqualTo("/token")).withHeader("Authorization", equalTo(basic)));
    assertThat(registry.toString()).contains("registry-1.docker.io").doesNotContain("hub-pass-42");
    assertThat(registry.secrets()).as("for a log that masks it first").containsExactly(Secret.of("hub-pass-42"));
  }

  @Test
  void refusedCredentialsAtTheTokenServiceAreAnAuthenticationException() {
    hub.stubFor(head(urlEqualTo("/v2/posthog/posthog/manifests/latest")).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", challenge("repository:posthog/posthog:pull"))));
    hub.stubFor(get(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)
        .withBody("{\"details\": \"incorrect username or password for hub-pass-42\"}")));
    Registry registry = client().credentials("docker.io", "releaser", Secret.of("hub-pass-42")).build();

    assertThatThrownBy(() -> registry.digest("posthog/posthog"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("user 'releaser'")
        .hasMessageContaining("incorrect username or password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hub-pass-42"));
  }

  @Test
  void aPrivateOrUnknownRepositoryRefusedWithTheTokenIsAnAuthenticationException() {
    hub.stubFor(head(urlEqualTo("/v2/nobody/secret/manifests/latest")).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", challenge("repository:nobody/secret:pull") + ",error=\"insufficient_scope\"")
        .withBody("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}")));
    hub.stubFor(get(urlPathEqualTo("/token"))
        .willReturn(aResponse().withStatus(200).withBody("{\"token\": \"anonymous-token\"}")));
    Registry registry = client().build();

    assertThatThrownBy(() -> registry.digest("nobody/secret"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("insufficient_scope for repository:nobody/secret:pull")
        .hasMessageContaining("does not exist, is private")
        .hasMessageContaining("Registry.builder().credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("anonymous-token"));
  }

  @Test
  void aShortRateLimitIsWaitedOutWithRetryAfter() {
    hub.stubFor(head(urlEqualTo("/v2/library/redis/manifests/latest")).inScenario("limit")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reset")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
            .withBody("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your pull rate"
                + " limit.\"}]}")));
    hub.stubFor(head(urlEqualTo("/v2/library/redis/manifests/latest")).inScenario("limit")
        .whenScenarioStateIs("reset")
        .willReturn(aResponse().withStatus(200).withHeader("Docker-Content-Digest", DIGEST)));
    Registry registry = client().rateLimitBudget(Duration.ofMinutes(1)).build();

    assertThat(registry.digest("redis")).contains(DIGEST);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aLongRateLimitIsARateLimitExceptionWithItsResetTime() {
    hub.stubFor(get(urlEqualTo("/v2/library/redis/manifests/latest")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "3600")
        .withBody("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your pull rate"
            + " limit.\"}]}")));
    Registry registry = client().build();

    assertThatThrownBy(() -> registry.manifest("redis"))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.service()).isEqualTo("registry-1.docker.io");
        })
        .hasMessageContaining("TOOMANYREQUESTS")
        .hasMessageContaining("pull rate limit")
        .hasMessageContaining("log in");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void withoutRetryAfterTheAnnouncedWindowGivesTheResetTime() {
    hub.stubFor(head(urlEqualTo("/v2/library/redis/manifests/latest")).willReturn(aResponse().withStatus(429)
        .withHeader("RateLimit-Limit", "100;w=21600").withHeader("RateLimit-Remaining", "0;w=21600")
        .withBody("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"limit\"}]}")));
    Registry registry = client().rateLimitBudget(Duration.ZERO).build();

    assertThatThrownBy(() -> registry.digest("redis"))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z")));
  }

  @Test
  void tagsFollowLinkPagination() {
    hub.stubFor(get(urlEqualTo("/v2/posthog/posthog/tags/list?n=1000")).willReturn(aResponse().withStatus(200)
        .withHeader("Link", "</v2/posthog/posthog/tags/list?n=1000&last=b>; rel=\"next\"")
        .withBody("{\"name\":\"posthog/posthog\",\"tags\":[\"a\",\"b\"]}")));
    hub.stubFor(get(urlEqualTo("/v2/posthog/posthog/tags/list?n=1000&last=b")).willReturn(aResponse().withStatus(200)
        .withHeader("Link", "</v2/posthog/posthog/tags/list?n=1000&last=c>; rel=\"next\"")
        .withBody("{\"name\":\"posthog/posthog\",\"tags\":[\"c\"]}")));
    hub.stubFor(get(urlEqualTo("/v2/posthog/posthog/tags/list?n=1000&last=c")).willReturn(aResponse().withStatus(200)
        .withBody("{\"name\":\"posthog/posthog\",\"tags\":null}")));

    assertThat(client().build().tags("posthog/posthog")).containsExactly("a", "b", "c");
  }

  @Test
  void tagsStopWhenARegistryIgnoresThePageAndRepeatsIt() {
    hub.stubFor(get(urlPathEqualTo("/v2/posthog/posthog/tags/list")).willReturn(aResponse().withStatus(200)
        .withHeader("Link", "</v2/posthog/posthog/tags/list?n=1000&last=z>; rel=\"next\"")
        .withBody("{\"tags\":[\"a\",\"b\",\"c\"]}")));

    assertThat(client().build().tags("posthog/posthog")).containsExactly("a", "b", "c");
    hub.verify(2, getRequestedFor(urlPathEqualTo("/v2/posthog/posthog/tags/list")));
  }

  @Test
  void aReadThatFailsWithABadGatewayIsRetriedAfterABackoff() {
    hub.stubFor(head(urlEqualTo("/v2/library/redis/manifests/latest")).inScenario("502")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up").willReturn(aResponse().withStatus(502)));
    hub.stubFor(head(urlEqualTo("/v2/library/redis/manifests/latest")).inScenario("502")
        .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200).withHeader("Docker-Content-Digest", DIGEST)));

    assertThat(client().build().digest("redis")).contains(DIGEST);
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void aPutWhoseAnswerWasLostIsReadBackAndNotRepeated() {
    ImageManifest manifest = ImageManifest.of(MediaTypes.OCI_INDEX,
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
            .getBytes(StandardCharsets.UTF_8));
    hub.stubFor(put(urlEqualTo("/v2/posthog/posthog/manifests/latest-release"))
        .willReturn(aResponse().withStatus(502)));
    hub.stubFor(head(urlEqualTo("/v2/posthog/posthog/manifests/latest-release"))
        .willReturn(aResponse().withStatus(200).withHeader("Docker-Content-Digest", manifest.digest())));

    client().build().putManifest("posthog/posthog:latest-release", manifest);

    hub.verify(1, putRequestedFor(urlEqualTo("/v2/posthog/posthog/manifests/latest-release"))
        .withHeader("Content-Type", equalTo(MediaTypes.OCI_INDEX)));
  }

  @Test
  void dockerLoginsUnderTheIndexKeyAreUsedForDockerHub(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
      throws Exception {
    stubRepository("posthog/posthog", "token-posthog");
    String auth = Base64.getEncoder().encodeToString("releaser:from-config-7".getBytes(StandardCharsets.UTF_8));
    java.nio.file.Path config = home.resolve("config.json");
    java.nio.file.Files.writeString(config,
        "{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + auth + "\"}}, \"credsStore\": \"desktop\"}");

    Registry registry = client().dockerConfig(config).build();

    assertThat(registry.digest("posthog/posthog")).contains(DIGEST);
    hub.verify(1, getRequestedFor(urlPathEqualTo("/token")).withHeader("Authorization", equalTo("Basic " + auth)));
    assertThat(registry.toString()).doesNotContain("from-config-7").doesNotContain(auth);
  }
}
