package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Outcome;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.StepResult;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Recorded;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.testing.GitFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose hosting is discovered from origin's URL (a GitHub Enterprise host on loopback) finds it once: the
 * rehearsal and the run share one client, so the run's reads are conditional on the ETags the rehearsal's reads
 * stored, and the stub answers them 304. Two clients would send the run's first reads unconditionally.
 */
@ExtendWith(TokenLeakGuard.class)
class OneDiscoveryTest {
  @TempDir
  Path temp;
  GitHubStub stub;

  @AfterEach
  void close() {
    if (stub != null) {
      assertThat(stub.validationErrors()).isEmpty();
      stub.close();
    }
  }

  /** Origin's URL names the stub's host; git's {@code insteadOf} sends the git traffic to the bare repository. */
  static void pointOriginAtTheStub(GitFixture fixture, String url) {
    try (var repo = new FileRepositoryBuilder().setWorkTree(fixture.workTree().toFile()).build()) {
      StoredConfig config = repo.getConfig();
      config.setString("remote", "origin", "url", url);
      config.setString("url", fixture.origin().toUri().toString(), "insteadOf", url);
      config.save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aRunWithADiscoveredHostingBuildsOneClientForTheRehearsalAndTheRun() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    stub = GitHubStub.start("home-assistant/core").withOrigin(fixture.origin());
    pointOriginAtTheStub(fixture, stub.baseUrl() + "/home-assistant/core.git");
    Map<String, String> environment = Map.of("GITHUB_TOKEN", GitHubStub.TOKEN,
        "GITHUB_SERVER_URL", stub.baseUrl(), "GITHUB_API_URL", stub.baseUrl());

    Report report = Release.of("0.57").in(fixture.workTree()).environment(environment)
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(stub.pulls()).singleElement().satisfies(pr -> assertThat(pr.head).isEqualTo("release-0-57"));
    List<Recorded> reads = stub.requests().stream().filter(r -> r.method().equals("GET")).toList();
    assertThat(reads).as("the rehearsal read first, with no ETag yet").first()
        .satisfies(first -> assertThat(first.status()).isEqualTo(200));
    assertThat(reads).as("the run asked again with the rehearsal's ETag: one client")
        .anySatisfy(read -> assertThat(read.status()).isEqualTo(304));
  }
}
