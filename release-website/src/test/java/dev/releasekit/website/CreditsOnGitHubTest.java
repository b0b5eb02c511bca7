package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.github.GitHub;
import dev.releasekit.github.RequestCount;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Fault;
import dev.releasekit.spi.Hosting;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.testing.Organisation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credits page read from GitHub (the stub, every exchange validated against the OpenAPI description): several
 * pages of repositories and of contributors, anonymous contributors mapped by email, a 403 with
 * {@code Retry-After} waited out, names needing escapes and non-ASCII names; the same bytes on every run, and as few
 * requests as the API allows.
 */
class CreditsOnGitHubTest {
  private static final LocalDate DAY = LocalDate.of(2017, 11, 4);
  private static final int ADDONS = 120;
  private static final int CORE_DEVELOPERS = 250;

  @TempDir
  Path temp;
  private GitHubStub stub;

  /** Home Assistant in small, plus enough repositories and core contributors for several pages of each. */
  private static Organisation organisation() {
    Organisation org = Organisation.homeAssistant().user("helper", "Helpful Person")
        .email("helper", "helper@example.org");
    IntStream.rangeClosed(1, CORE_DEVELOPERS).forEach(i -> org.user("dev" + i, "Developer " + i));
    org.repository("core").by("balloob", 500).by("fabaff", 300).by("dependabot[bot]", 40).by("joeg", 12)
        .anonymous("Jane Doe", "jane@example.org", 3).anonymous("Old Laptop", "root@localhost", 2)
        .by("strauss", 1);
    IntStream.rangeClosed(1, CORE_DEVELOPERS).forEach(i -> org.by("dev" + i, 1 + i % 7));
    IntStream.rangeClosed(1, ADDONS).forEach(i -> org.repository(String.format("addon-%03d", i))
        .by("balloob", 1).anonymous("Helpful Person", "helper@example.org", 2));
    return org;
  }

  @BeforeEach
  void start() {
    stub = GitHubStub.start("home-assistant/home-assistant.io", FakeTime.at("2017-11-04T08:00:00Z"));
    organisation().seed(stub);
  }

  @AfterEach
  void stop() {
    try {
      assertThat(stub.validationErrors()).as("exchanges that do not fit GitHub's OpenAPI description").isEmpty();
    } finally {
      stub.close();
    }
  }

  private GitHub github() {
    return stub.client().webUrl("https://github.com").build();
  }

  private GitFixture site(String name) {
    GitFixture site = GitFixture.homeAssistantWebsite(temp.resolve(name));
    site.project().branch("release-0-57", "next");
    site.project().fetchClone();
    return site;
  }

  private static Release credits(GitFixture site, Hosting hosting) {
    return Release.of("0.57").date(DAY).repository("website", site.workTree()).hostedOn(hosting)
        .conventions(Conventions.homeAssistantWebsite()).then(Website.credits());
  }

  @Test
  void aPlanReadsEveryPageWaitsOutA403AndSendsOneRequestPerPageEmailAndPerson() {
    GitFixture site = site("plan");
    GitHub github = github();
    stub.faultOn("GET", "/repos/home-assistant/core/contributors", Fault.SECONDARY_ABUSE_DETECTION);

    Plan plan = credits(site, github).plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(stub.time().sleeps()).containsExactly(Duration.ofSeconds(60));
    int repositories = 3 + ADDONS;
    long contributorPages = 3 + 1 + 1 + ADDONS;
    long emails = 3;
    long people = 11 + CORE_DEVELOPERS + 1;
    assertThat(stub.count("GET", "/orgs/home-assistant/repos")).isEqualTo((repositories + 99) / 100);
    assertThat(stub.count("GET", ".*/contributors")).isEqualTo(contributorPages + 1);
    assertThat(stub.count("GET", ".*/commits")).as("once per distinct anonymous email").isEqualTo(emails);
    assertThat(stub.count("GET", "/users/.*")).as("once per person").isEqualTo(people);
    // Beside the credits' reads, the plan's token preflight reads the repository once (what the token may do).
    assertThat(stub.count("GET", "/repos/home-assistant/home-assistant.io")).as("the token preflight").isEqualTo(1);
    RequestCount count = github.requestCount();
    assertThat(count.total()).isEqualTo((repositories + 99) / 100 + contributorPages + 1 + emails + people + 1);
    assertThat(stub.writes()).isEmpty();
  }

  @Test
  void twoFreshRunsWriteTheSameBytesAsTheEmbeddedHostingAndARerunWritesNothing() {
    GitFixture first = site("first");
    GitFixture second = site("second");
    GitFixture local = site("local");
    organisation().seed(local.hosting());

    assertThat(credits(first, github()).run().step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(credits(second, github()).run().step(1).outcome()).isEqualTo(Outcome.DONE);
    credits(local, local.hosting()).run();

    String page = first.file("release-0-57", Credits.PATH);
    assertThat(second.file("release-0-57", Credits.PATH)).isEqualTo(page);
    assertThat(local.file("release-0-57", Credits.PATH)).isEqualTo(page);
    assertThat(page).contains("- [Helpful Person (@helper)](https://github.com/helper \"240 total commits to the Home"
        + " Assistant org:\n2 commits to addon-001\n2 commits to addon-002\n")
        .contains("- [O&#x27;Brien &quot;Bob&quot; &lt;b&gt; (@obrien)]").contains("- [Émile Zola (@ezola)]")
        .contains("- [Joe Garcia, CISSP (@joeg)]").doesNotContain("dependabot").doesNotContain("secretdev");

    String before = first.fingerprint();
    int requests = stub.requests().size();
    Report again = credits(first, github()).run();
    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(first.fingerprint()).isEqualTo(before);
    assertThat(stub.requests().subList(requests, stub.requests().size())).as("no write request")
        .noneMatch(GitHubStub.Recorded::isWrite);
  }
}
