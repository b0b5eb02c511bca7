package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Fault;
import dev.releasekit.spi.Contribution;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reads a credits page makes across an organisation: its public repositories, each one's contributors with
 * anonymous ones, and the account a commit email maps to; paged 100 at a time, rate limits waited out.
 */
class OrganisationReadsTest extends StubTestSupport {

  @Test
  void publicRepositoriesAreReadPageByPageAndPrivateOnesAreLeftOut() {
    IntStream.rangeClosed(1, 150).forEach(i -> stub.organisationRepository(String.format("home-assistant/r%03d", i))
        .create());
    stub.organisationRepository("home-assistant/secret").privately().create();

    List<String> repositories = github.publicRepositories("home-assistant");

    assertThat(repositories).hasSize(150).contains("home-assistant/r001", "home-assistant/r150")
        .doesNotContain("home-assistant/secret");
    assertThat(stub.requests()).extracting(GitHubStub.Recorded::query)
        .allMatch(q -> q.contains("type=public") && q.contains("per_page=100"));
    assertThat(github.requestCount().total()).isEqualTo(2);
  }

  @Test
  void contributorsComeWithAnonymousOnesOverSeveralPagesAndA403WithRetryAfterIsWaitedOut() {
    GitHubStub.RepositorySeed frontend = stub.organisationRepository("home-assistant/frontend");
    IntStream.rangeClosed(1, 230).forEach(i -> frontend.contributor("dev" + i, 1000 - i));
    frontend.anonymous("Jane Doe", "jane@example.org", 3).create();
    stub.faultOn("GET", ".*/contributors", Fault.SECONDARY_ABUSE_DETECTION);

    List<Contribution> contributors = github.contributors("home-assistant/frontend");

    assertThat(contributors).hasSize(231).first().isEqualTo(Contribution.byLogin("dev1", 999));
    assertThat(contributors).contains(Contribution.anonymous("Jane Doe", "jane@example.org", 3));
    assertThat(stub.time().sleeps()).containsExactly(Duration.ofSeconds(60));
    assertThat(stub.requests()).extracting(GitHubStub.Recorded::status).containsExactly(403, 200, 200, 200);
  }

  @Test
  void anEmailMapsToTheAccountOfItsCommitInOneRequestOrToNothing() {
    stub.user("janedoe", "Jane Doe", "jane@example.org");
    stub.organisationRepository("home-assistant/frontend").anonymous("Jane Doe", "jane@example.org", 3)
        .anonymous("Nobody", "nobody@example.org", 1).create();

    assertThat(github.loginOfEmail("home-assistant/frontend", "jane@example.org")).contains("janedoe");
    assertThat(github.loginOfEmail("home-assistant/frontend", "nobody@example.org")).isEmpty();
    assertThat(github.loginOfEmail("home-assistant/frontend", "never@example.org")).isEmpty();
    assertThat(stub.requests()).hasSize(3).extracting(GitHubStub.Recorded::query)
        .allMatch(q -> q.contains("per_page=1") && !q.contains("per_page=10"));
  }

  @Test
  void anUnknownOrganisationOrRepositoryIsATypedErrorNamingIt() {
    assertThatThrownBy(() -> github.publicRepositories("no-such-org")).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("no organisation no-such-org");
    assertThatThrownBy(() -> github.contributors("home-assistant/gone")).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("no repository home-assistant/gone");
    assertThatThrownBy(() -> github.loginOfEmail("not-a-repository", "a@b.c"))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("owner/name");
    assertThat(stub.writes()).isEmpty();
  }
}
