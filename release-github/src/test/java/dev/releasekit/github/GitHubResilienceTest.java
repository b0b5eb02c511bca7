package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.AuthenticationException;
import dev.releasekit.PreconditionException;
import dev.releasekit.RateLimitException;
import dev.releasekit.RemoteException;
import dev.releasekit.Secret;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Fault;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.PullRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubResilienceTest extends StubTestSupport {

  @Test
  void aReadIsRetriedAfterABadGatewayWithBackoff() {
    stub.milestone("0.57");
    stub.faultAt(0, Fault.BAD_GATEWAY);

    assertThat(github.milestone("0.57")).isPresent();
    assertThat(stub.requests()).hasSize(2);
    assertThat(stub.time().sleeps()).hasSize(1);
    assertThat(stub.time().sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void aReadIsRetriedAfterAConnectionReset() {
    stub.label("bugfix");
    stub.faultAt(0, Fault.RESET);

    assertThat(github.labels()).containsExactly("bugfix");
    assertThat(stub.requests()).extracting(GitHubStub.Recorded::status).containsExactly(0, 200);
  }

  @Test
  void persistentServerErrorsEndInARemoteExceptionAfterTheConfiguredAttempts() {
    for (int i = 0; i < 4; i++) {
      stub.faultAt(i, Fault.BAD_GATEWAY);
    }

    Throwable e = TokenLeakGuard.thrown(() -> github.labels());

    assertThat(e).isInstanceOf(RemoteException.class).hasMessageContaining("502").hasMessageContaining("after 4 attempts")
        .hasMessageContaining("Run again");
    assertThat(((RemoteException) e).status()).isEqualTo(502);
    assertThat(((RemoteException) e).requestId()).contains("STUB:3");
    assertThat(stub.requests()).hasSize(4);
  }

  @Test
  void aPatchIsRetriedAfterItsAnswerWasLost() {
    stub.milestone("0.57");
    var milestone = github.milestone("0.57").orElseThrow();
    stub.faultOn("PATCH", ".*/milestones/\\d+", Fault.BAD_GATEWAY_AFTER_EFFECT);

    assertThat(github.closeMilestone(milestone).state()).isEqualTo(dev.releasekit.spi.Milestone.State.CLOSED);
    assertThat(stub.count("PATCH", ".*/milestones/\\d+")).isEqualTo(2);
  }

  @Test
  void aCreatedPullRequestWhoseAnswerWasLostIsReadBackNotCreatedTwice() {
    stub.faultOn("POST", ".*/pulls", Fault.RESET_AFTER_EFFECT);

    PullRequest pull = github.openPullRequest("release-0-57", "master", "0.57", "notes");

    assertThat(pull.title()).isEqualTo("0.57");
    assertThat(stub.creations()).containsEntry("pull", 1);
    assertThat(stub.count("POST", ".*/pulls")).isEqualTo(1);
    assertThat(stub.pulls()).hasSize(1);
  }

  @Test
  void aCreatedPullRequestAnsweredWithABadGatewayIsReadBackNotCreatedTwice() {
    stub.faultOn("POST", ".*/pulls", Fault.BAD_GATEWAY_AFTER_EFFECT);

    github.openPullRequest("release-0-57", "master", "0.57", "notes");

    assertThat(stub.creations()).containsEntry("pull", 1);
    assertThat(stub.count("POST", ".*/pulls")).isEqualTo(1);
  }

  @Test
  void aPullRequestThatWasNotCreatedIsSentAgainAfterTheReadBackFindsNothing() {
    stub.faultOn("POST", ".*/pulls", Fault.BAD_GATEWAY);

    github.openPullRequest("release-0-57", "master", "0.57", "notes");

    assertThat(stub.count("POST", ".*/pulls")).isEqualTo(2);
    assertThat(stub.creations()).containsEntry("pull", 1);
  }

  @Test
  void aCreatedReleaseWhoseAnswerWasLostIsFoundAmongTheDraftsNotCreatedTwice() {
    stub.faultOn("POST", ".*/releases", Fault.RESET_AFTER_EFFECT);

    HostedRelease release = github.createDraftRelease("0.57", "0.57", "notes");

    assertThat(release.isDraft()).isTrue();
    assertThat(stub.creations()).containsEntry("release", 1);
    assertThat(stub.releases()).hasSize(1);
  }

  @Test
  void labelsWhoseAnswerWasLostAreReadBackFromTheIssueNotSentTwice() {
    stub.label("cherry-picked");
    int number = stub.pull("A fix").create();
    stub.faultOn("POST", ".*/issues/\\d+/labels", Fault.BAD_GATEWAY_AFTER_EFFECT);

    github.addLabels(number, List.of("cherry-picked"));

    assertThat(stub.count("POST", ".*/issues/\\d+/labels")).isEqualTo(1);
    assertThat(stub.count("GET", ".*/issues/\\d+/labels")).isEqualTo(1);
    assertThat(stub.item(number).orElseThrow().labels).containsExactly("cherry-picked");
  }

  @Test
  void aMergeWhoseAnswerWasLostReturnsTheMergedPullRequest() {
    int number = stub.pull("0.57").head("release-0-57").base("master").create();
    stub.faultOn("PUT", ".*/merge", Fault.BAD_GATEWAY_AFTER_EFFECT);

    PullRequest merged = github.mergePullRequest(number);

    assertThat(merged.isMerged()).isTrue();
    assertThat(stub.requests(r -> r.method().equals("PUT"))).extracting(GitHubStub.Recorded::status)
        .containsExactly(502, 405);
  }

  @Test
  void thePrimaryRateLimitIsWaitedOutOnTheInjectedClock() {
    stub.label("bugfix");
    stub.faultAt(0, Fault.PRIMARY_RATE_LIMIT);
    Instant before = stub.time().instant();

    assertThat(github.labels()).containsExactly("bugfix");

    assertThat(stub.time().sleeps()).containsExactly(Duration.ofSeconds(121));
    assertThat(stub.time().instant()).isEqualTo(before.plusSeconds(121));
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void aCreateRefusedByTheRateLimitIsSentAgainAfterTheWait() {
    stub.faultOn("POST", ".*/releases", Fault.PRIMARY_RATE_LIMIT);

    github.createDraftRelease("0.57", "0.57", "notes");

    assertThat(stub.count("POST", ".*/releases")).isEqualTo(2);
    assertThat(stub.creations()).containsEntry("release", 1);
  }

  @Test
  void aSecondaryRateLimitWithRetryAfterIsWaitedOut() {
    stub.label("bugfix");
    stub.faultAt(0, Fault.SECONDARY_RETRY_AFTER);

    assertThat(github.labels()).containsExactly("bugfix");
    assertThat(stub.time().sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aSecondaryRateLimitAnsweredAsA403WithRetryAfterAndAnAbuseDetectionMessageIsWaitedOut() {
    stub.label("bugfix");
    stub.faultAt(0, Fault.SECONDARY_ABUSE_DETECTION);

    assertThat(github.labels()).containsExactly("bugfix");
    assertThat(stub.requests()).extracting(GitHubStub.Recorded::status).containsExactly(403, 200);
    assertThat(stub.time().sleeps()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void aCreateRefusedByTheAbuseDetectionIsSentAgainAfterTheWaitAndTakesEffectOnce() {
    stub.faultOn("POST", ".*/releases", Fault.SECONDARY_ABUSE_DETECTION);

    HostedRelease draft = github.createDraftRelease("0.57.0", "0.57", "notes");

    assertThat(draft.isDraft()).isTrue();
    assertThat(stub.creations()).containsEntry("release", 1);
    assertThat(stub.time().sleeps()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void aRenamedRepositoryIsFollowedThrough301ForReadsAnd307ForWrites() {
    stub.renamedFrom("home-assistant/home-assistant");
    stub.label("cherry-picked");
    int pull = stub.pull("Fix").create();
    GitHub renamed = stub.client().repository("home-assistant/home-assistant").build();

    assertThat(renamed.labels()).containsExactly("cherry-picked");
    renamed.addLabels(pull, List.of("cherry-picked"));

    assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.status()).containsExactly(
        "GET /repos/home-assistant/home-assistant/labels 301",
        "GET /repositories/1296269/labels 200",
        "POST /repos/home-assistant/home-assistant/issues/" + pull + "/labels 307",
        "POST /repositories/1296269/issues/" + pull + "/labels 200");
    assertThat(stub.requests().get(3).body()).contains("cherry-picked");
    assertThat(stub.item(pull).orElseThrow().labels).containsExactly("cherry-picked");
    assertThat(stub.silentlyCreatedLabels()).isEmpty();
  }

  @Test
  void listPagesFollowLinksToTheRepositoryIdWhateverTheOrderOfTheirRels() {
    for (int i = 0; i < 350; i++) {
      stub.label("label-" + i);
    }

    assertThat(github.labels()).hasSize(350);

    assertThat(stub.requests()).extracting(GitHubStub.Recorded::path).containsExactly(
        "/repos/home-assistant/core/labels", "/repositories/1296269/labels", "/repositories/1296269/labels",
        "/repositories/1296269/labels");
    assertThat(stub.requests()).extracting(GitHubStub.Recorded::query).extracting(q -> q.replaceAll(".*page=", ""))
        .containsExactly("100", "2", "3", "4");
  }

  @Test
  void aSecondaryRateLimitKnownOnlyByItsMessageWaitsAMinute() {
    stub.label("bugfix");
    stub.faultAt(0, Fault.SECONDARY_MESSAGE);

    assertThat(github.labels()).containsExactly("bugfix");
    assertThat(stub.time().sleeps()).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void aRateLimitResettingPastTheBudgetThrowsWithTheResetTime() {
    GitHub impatient = stub.client().rateLimitBudget(Duration.ofSeconds(30)).build();
    stub.faultAt(0, Fault.PRIMARY_RATE_LIMIT);
    Instant resetAt = Instant.ofEpochSecond(stub.time().instant().plusSeconds(120).getEpochSecond());

    Throwable e = TokenLeakGuard.thrown(impatient::labels);

    assertThat(e).isInstanceOf(RateLimitException.class).hasMessageContaining("Run again after");
    assertThat(((RateLimitException) e).resetAt()).isEqualTo(resetAt);
    assertThat(stub.time().sleeps()).isEmpty();
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void aBadTokenIsAnAuthenticationExceptionNamingThePermission() {
    GitHub wrong = stub.client().token(Secret.of("ghp_wrong_token_value")).build();

    Throwable e = TokenLeakGuard.thrown(() -> wrong.openPullRequest("release-0-57", "master", "0.57", ""));

    assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("401")
        .hasMessageContaining("pull_requests: write").hasMessageContaining("GITHUB_TOKEN")
        .hasMessageNotContaining("ghp_wrong_token_value");
    assertThat(stub.pulls()).isEmpty();
  }

  @Test
  void aMissingPermissionNamesTheOneGitHubAccepts() {
    stub.milestone("0.57");
    var milestone = github.milestone("0.57").orElseThrow();
    stub.denyWrites("issues=write");

    Throwable e = TokenLeakGuard.thrown(() -> github.closeMilestone(milestone));

    assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("issues: write")
        .hasMessageContaining("Grant");
  }

  @Test
  void anUnknownRepositoryNamesItAndSuggestsCheckingTheTokensAccess() {
    GitHub elsewhere = stub.client().repository("home-assistant/no-such-repo").build();

    Throwable e = TokenLeakGuard.thrown(elsewhere::openMilestones);

    assertThat(e).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("home-assistant/no-such-repo").hasMessageContaining("token has access");
  }

  @Test
  void anUnknownPullRequestInAnUnknownRepositoryBlamesTheRepository() {
    GitHub elsewhere = stub.client().repository("home-assistant/no-such-repo").build();

    Throwable e = TokenLeakGuard.thrown(() -> elsewhere.pullRequest(12));

    assertThat(e).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("home-assistant/no-such-repo").hasMessageContaining("token has access")
        .hasMessageNotContaining("#12");
  }

  @Test
  void anUnknownRepositoryInAGraphQlBatchBlamesTheRepository() {
    GitHub elsewhere = stub.client().repository("home-assistant/no-such-repo").build();

    Throwable e = TokenLeakGuard.thrown(() -> elsewhere.pullRequests(List.of(1, 2)));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("home-assistant/no-such-repo");
  }

  @Test
  void anErrorAnswerThatQuotesTheTokenIsRedacted() {
    stub.echoCredentialsInErrors();
    GitHub wrong = stub.client().token(Secret.of(GitHubStub.TOKEN + "-expired")).build();

    Throwable e = TokenLeakGuard.thrown(wrong::labels);

    assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("****");
  }

  @Test
  void aReadThatTimesOutIsRetried() {
    GitHub impatient = stub.client().client(new okhttp3.OkHttpClient.Builder()
        .readTimeout(java.time.Duration.ofMillis(200)).retryOnConnectionFailure(false).build()).build();
    stub.label("bugfix");
    stub.faultAt(0, Fault.SLOW);

    assertThat(impatient.labels()).containsExactly("bugfix");
    // how many attempts a loaded machine needs is timing; that the timeout was retried is not
    assertThat(stub.requests().get(0).fault()).isEqualTo(Fault.SLOW);
    assertThat(stub.requests().size()).isBetween(2, 4);
    assertThat(TokenLeakGuard.captured()).contains("SocketTimeoutException");
  }

  @Test
  void whenAnAnswerSaysTheLimitIsUsedUpTheNextRequestWaitsForTheReset() {
    stub.label("bugfix");
    stub.milestone("0.57");
    stub.faultAt(0, Fault.LAST_BEFORE_RATE_LIMIT);

    github.labels();
    assertThat(stub.time().sleeps()).isEmpty();
    github.openMilestones();

    assertThat(stub.time().sleeps()).singleElement().isEqualTo(Duration.ofSeconds(60));
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void labellingAnIssueThatDoesNotExistNamesIt() {
    stub.label("cherry-picked");

    Throwable e = TokenLeakGuard.thrown(() -> github.addLabels(777, List.of("cherry-picked")));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("#777");
  }
}
