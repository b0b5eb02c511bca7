package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.PreconditionException;
import dev.releasekit.Secret;
import dev.releasekit.github.internal.GitHubHostingProvider;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HostingProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TokenLeakGuard.class)
class ConfigurationTest {
  private static final Map<String, String> ACTIONS = Map.of(
      "GITHUB_TOKEN", GitHubStub.TOKEN,
      "GITHUB_REPOSITORY", "home-assistant/core");

  private static Optional<Hosting> discover(String origin, Map<String, String> env) {
    List<HostingProvider> providers = ServiceLoader.load(HostingProvider.class).stream()
        .map(ServiceLoader.Provider::get).collect(Collectors.toList());
    return providers.stream().map(p -> p.forOrigin(origin, env)).flatMap(Optional::stream)
        .filter(h -> h instanceof GitHub).findFirst();
  }

  @Test
  void fromEnvReadsTheActionsVariablesAndDefaultsToGitHubCom() {
    GitHub github = GitHub.fromEnv(ACTIONS);

    assertThat(github.repository()).isEqualTo("home-assistant/core");
    assertThat(github.name()).isEqualTo("github.com");
    assertThat(github.webUrl()).isEqualTo("https://github.com/home-assistant/core");
    assertThat(github.userUrl("fronzbot")).isEqualTo("https://github.com/fronzbot");
    assertThat(github.toString()).contains("https://api.github.com").doesNotContain(GitHubStub.TOKEN);
  }

  @Test
  void enterpriseLinksUseTheEnterpriseHostNeverGitHubCom() {
    GitHub github = GitHub.fromEnv(Map.of(
        "GITHUB_TOKEN", GitHubStub.TOKEN,
        "GITHUB_REPOSITORY", "platform/core",
        "GITHUB_API_URL", "https://ghe.example.com/api/v3"));

    assertThat(github.name()).isEqualTo("ghe.example.com");
    assertThat(github.webUrl()).isEqualTo("https://ghe.example.com/platform/core");
    assertThat(github.userUrl("paulus")).isEqualTo("https://ghe.example.com/paulus");
  }

  @Test
  void anExplicitServerUrlWins() {
    GitHub github = GitHub.builder().baseUrl("https://api.ghe.example.com").webUrl("https://code.example.com/")
        .token(Secret.of(GitHubStub.TOKEN)).repository("o/r").build();

    assertThat(github.webUrl()).isEqualTo("https://code.example.com/o/r");
  }

  @Test
  void fromEnvWithoutATokenSaysWhichVariableToSet() {
    Throwable e = TokenLeakGuard.thrown(() -> GitHub.fromEnv(Map.of("GITHUB_REPOSITORY", "o/r")));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("GITHUB_TOKEN");
  }

  @Test
  void fromEnvWithoutARepositorySaysWhichVariableToSet() {
    Throwable e = TokenLeakGuard.thrown(() -> GitHub.fromEnv(Map.of("GITHUB_TOKEN", GitHubStub.TOKEN)));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("GITHUB_REPOSITORY");
  }

  @Test
  void aRepositoryThatIsNotOwnerSlashNameIsRefused() {
    Throwable e = TokenLeakGuard.thrown(() -> GitHub.builder().token(Secret.of(GitHubStub.TOKEN))
        .repository("just-a-name").build());

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("owner/name");
  }

  @Test
  void theProviderFindsGitHubComInEveryUrlForm() {
    for (String origin : List.of("https://github.com/home-assistant/core.git",
        "https://github.com/home-assistant/core", "git@github.com:home-assistant/core.git",
        "ssh://git@github.com/home-assistant/core.git")) {
      Optional<Hosting> hosting = discover(origin, ACTIONS);
      assertThat(hosting).as(origin).isPresent();
      assertThat(((GitHub) hosting.get()).repository()).isEqualTo("home-assistant/core");
      assertThat(hosting.get().webUrl()).isEqualTo("https://github.com/home-assistant/core");
    }
  }

  @Test
  void theProviderIgnoresOtherHostsAndLocalPaths() {
    assertThat(discover("https://gitlab.com/o/r.git", ACTIONS)).isEmpty();
    assertThat(discover("/tmp/origin.git", ACTIONS)).isEmpty();
    assertThat(discover("file:///tmp/origin.git", ACTIONS)).isEmpty();
    assertThat(GitHubHostingProvider.parse("git@github.com:o/r.git"))
        .contains(new GitHubHostingProvider.Origin("github.com", "o/r"));
  }

  @Test
  void theProviderFindsTheEnterpriseHostNamedByTheEnvironment() {
    Map<String, String> env = Map.of("GITHUB_TOKEN", GitHubStub.TOKEN, "GITHUB_SERVER_URL",
        "https://ghe.example.com", "GITHUB_API_URL", "https://ghe.example.com/api/v3");

    Optional<Hosting> hosting = discover("git@ghe.example.com:platform/core.git", env);

    assertThat(hosting).isPresent();
    assertThat(hosting.get().webUrl()).isEqualTo("https://ghe.example.com/platform/core");
    assertThat(hosting.get().name()).isEqualTo("ghe.example.com");
  }

  @Test
  void aDiscoveredClientTalksToTheConfiguredEnterpriseApi() {
    try (GitHubStub stub = GitHubStub.start("home-assistant/core")) {
      stub.label("cherry-picked");
      Map<String, String> env = Map.of("GITHUB_TOKEN", GitHubStub.TOKEN, "GITHUB_SERVER_URL", stub.baseUrl(),
          "GITHUB_API_URL", stub.baseUrl());

      Hosting hosting = discover(stub.baseUrl() + "/home-assistant/core.git", env).orElseThrow();

      assertThat(hosting.labels()).containsExactly("cherry-picked");
      assertThat(stub.validationErrors()).isEmpty();
    }
  }

  @Test
  void withoutATokenTheProviderStepsAsideAndSaysWhy() {
    assertThat(discover("https://github.com/o/r.git", Map.of())).isEmpty();
    assertThat(TokenLeakGuard.captured()).contains("GITHUB_TOKEN is not set");
  }
}
