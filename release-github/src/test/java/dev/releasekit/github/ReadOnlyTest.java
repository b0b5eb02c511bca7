package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.PreconditionException;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.Milestone;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyTest extends StubTestSupport {

  @Test
  void aReadOnlyViewReadsAndRunsTheGraphQlQuery() {
    stub.milestone("0.57");
    int pull = stub.pull("Fix").milestone("0.57").mergedAs("abc").create();
    GitHub readOnly = github.readOnly();

    Milestone milestone = readOnly.milestone("0.57").orElseThrow();
    assertThat(readOnly.milestoneItems(milestone)).hasSize(1);
    assertThat(readOnly.pullRequests(List.of(pull))).containsKey(pull);
    assertThat(readOnly.releaseByTag("0.57")).isEmpty();

    assertThat(stub.writes()).isEmpty();
    assertThat(stub.requests()).extracting(GitHubStub.Recorded::method).containsOnly("GET", "POST");
    assertThat(stub.requests(r -> r.method().equals("POST"))).extracting(GitHubStub.Recorded::path)
        .containsOnly("/graphql");
  }

  @Test
  void aReadOnlyViewRefusesEveryWriteBeforeSendingIt() {
    stub.milestone("0.57");
    stub.label("cherry-picked");
    int pull = stub.pull("Fix").create();
    GitHub readOnly = github.readOnly();
    Milestone milestone = readOnly.milestone("0.57").orElseThrow();
    int before = stub.requests().size();

    List<dev.releasekit.testing.SecretLeakGuard.Action> writes = List.of(
        () -> readOnly.openPullRequest("release-0-57", "master", "0.57", ""),
        () -> readOnly.updatePullRequest(pull, "t", "b"),
        () -> readOnly.mergePullRequest(pull),
        () -> readOnly.createLabel("new"),
        () -> readOnly.closeMilestone(milestone),
        () -> readOnly.createDraftRelease("0.57", "0.57", ""),
        () -> readOnly.updateReleaseBody("1", "b"),
        () -> readOnly.publishRelease("1"));
    for (dev.releasekit.testing.SecretLeakGuard.Action write : writes) {
      assertThat(TokenLeakGuard.thrown(write)).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(TokenLeakGuard.thrown(() -> readOnly.addLabels(pull, List.of("cherry-picked"))))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("read-only");

    assertThat(stub.requests().subList(before, stub.requests().size())).allMatch(r -> !r.isWrite());
    assertThat(stub.writes()).isEmpty();
  }

  @Test
  void theBuilderCanMakeAReadOnlyClientAndItsToStringSaysSo() {
    GitHub readOnly = stub.client().readOnly().build();

    assertThat(readOnly.toString()).contains("read-only").contains("home-assistant/core")
        .doesNotContain(GitHubStub.TOKEN);
    assertThat(TokenLeakGuard.thrown(() -> readOnly.createLabel("x"))).isInstanceOf(PreconditionException.class);
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void theReadOnlyViewSharesTheRequestCounter() {
    stub.label("bugfix");
    github.readOnly().labels();

    assertThat(github.requestCount().total()).isEqualTo(1);
  }
}
