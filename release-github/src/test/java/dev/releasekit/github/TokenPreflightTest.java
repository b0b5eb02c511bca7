package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Plan;
import dev.releasekit.Precondition;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.StepResult;
import dev.releasekit.ci.GitHubActions;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Recorded;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import dev.releasekit.testing.WorkflowLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan checks up front what the GitHub token must be allowed to do for the run it rehearsed (push, pull
 * requests, labels and milestones, releases), whether GitHub Actions may open pull requests in the repository,
 * and, inside Actions, that refs pushed with {@code GITHUB_TOKEN} start no other workflow. It only reads, and
 * every exchange fits GitHub's description.
 */
@ExtendWith(TokenLeakGuard.class)
class TokenPreflightTest {
  static final Map<String, String> ACTIONS = Map.of("GITHUB_ACTIONS", "true", "CI", "true");

  @TempDir
  Path temp;
  GitHubStub stub;

  @AfterEach
  void checkExchangesAndStop() {
    if (stub != null) {
      assertThat(stub.validationErrors()).as("exchanges that do not fit GitHub's OpenAPI description").isEmpty();
      assertThat(stub.requests()).as("a plan only reads").noneMatch(Recorded::isWrite);
      stub.close();
    }
  }

  private GitHub github(GitFixture fixture, GitHubStub started) {
    stub = started.withOrigin(fixture.origin());
    return stub.client().build();
  }

  private static Precondition precondition(Plan plan, String what) {
    TokenLeakGuard.record(plan.toString() + plan.toJson());
    return plan.preconditions().stream().filter(p -> p.what().equals(what)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + what + " precondition in\n" + plan));
  }

  private static Plan preparation(GitFixture fixture, GitHub github, Map<String, String> environment) {
    return ReleaseDayScenario.preparation(fixture, github).environment(environment).plan();
  }

  @Test
  void aClassicTokenWithTheRepoScopeAndWriteAccessMayDoWhatPreparationNeeds() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.start("home-assistant/core").scopes("repo, workflow"));

    Plan plan = preparation(fixture, github, Map.of());

    Precondition token = precondition(plan, "token");
    assertThat(token.state()).isEqualTo(Precondition.State.HOLDS);
    assertThat(token.message()).isEqualTo("may push and open and merge pull requests on home-assistant/core"
        + " (scopes: repo, workflow); the token's user may write to home-assistant/core.");
    assertThat(plan.preconditions()).as("outside Actions nothing is said of workflows")
        .noneMatch(p -> p.what().equals("workflows"));
  }

  @Test
  void aClassicTokenWithoutTheRepoScopeFailsTheCheckNamingItsScopes() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.start("home-assistant/core").scopes("read:org, gist"));

    Plan plan = preparation(fixture, github, Map.of());

    Precondition token = precondition(plan, "token");
    assertThat(token.blocks()).isTrue();
    assertThat(token.message()).contains("the token's scopes are read:org, gist")
        .contains("Give it the repo scope (public_repo is enough here)");
    assertThat(GitHubActions.fromEnvironment(ACTIONS).orElseThrow().outputs(plan)).containsEntry("outcome",
        "blocked");
  }

  @Test
  void aUserWithReadAccessOnlyFailsTheCheck() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.start("home-assistant/core").role("read"));

    Plan plan = preparation(fixture, github, Map.of());

    Precondition token = precondition(plan, "token");
    assertThat(token.blocks()).isTrue();
    assertThat(token.message()).contains("the token's user has only read access there")
        .contains("Ask an admin of home-assistant/core for write access");
  }

  @Test
  void aRunWhoseTokenMayNotWriteStopsBeforeItsFirstWrite() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.start("home-assistant/core").role("triage"));
    Map<String, String> refs = fixture.allOriginRefs();

    Throwable refused = TokenLeakGuard.thrown(ReleaseDayScenario.preparation(fixture, github)::run);

    assertThat(refused).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("the token's user has only triage access there").hasMessageEndingWith(
            "Nothing was changed.");
    assertThat(fixture.allOriginRefs()).as("nothing pushed, not even a lease").isEqualTo(refs);
    assertThat(stub.pulls()).isEmpty();
  }

  @Test
  void aReRunThatWouldWriteNothingChecksNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.start("home-assistant/core").role("read"));
    ReleaseDayScenario.preparation(fixture, fixture.hosting()).run();

    Plan plan = ReleaseDayScenario.preparation(fixture, fixture.hosting()).plan();
    Plan onGitHub = Release.of("0.57").in(fixture.workTree()).hostedOn(github).mergeForward("master", "dev")
        .cutBranch().bumpVersion().plan();

    assertThat(plan.isComplete()).isTrue();
    assertThat(onGitHub.isComplete()).isTrue();
    assertThat(onGitHub.preconditions()).extracting(Precondition::what).containsExactly("conventions",
        "work tree", "lease");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void gitHubActionsTokenUnderActionsIsWarnedThatItsPushesStartNoWorkflowAndThatPullRequestsMayBeRefused() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.startWithToken("home-assistant/core",
        GitHubStub.INSTALLATION_TOKEN));

    Plan plan = preparation(fixture, github, ACTIONS);

    Precondition token = precondition(plan, "token");
    assertThat(token.state()).isEqualTo(Precondition.State.WARNING);
    assertThat(token.message()).contains("GitHub would not say whether Actions may open pull requests in"
        + " home-assistant/core (403 Resource not accessible by integration (it takes administration: read, which"
        + " GITHUB_TOKEN never has))")
        .contains("'Allow GitHub Actions to create and approve pull requests'")
        .contains("the job's permissions must include {contents: write, pull-requests: write}");
    Precondition workflows = precondition(plan, "workflows");
    assertThat(workflows.state()).isEqualTo(Precondition.State.WARNING);
    assertThat(workflows.message()).startsWith("tags and branches pushed with GitHub Actions' GITHUB_TOKEN"
        + " (refs/heads/dev, refs/heads/release-0-57) start no other workflow");
    assertThat(stub.count("GET", ".*/actions/permissions/workflow")).isEqualTo(1);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    GitHubActions.fromEnvironment(ACTIONS).orElseThrow()
        .printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8)).annotate(plan);
    assertThat(WorkflowLog.read(printed.toString(StandardCharsets.UTF_8)).commands("warning"))
        .extracting(WorkflowLog.Command::title).containsExactly("token", "workflows");
  }

  @Test
  void anAppTokenThatMayReadTheSettingsIsToldWhetherActionsMayOpenPullRequests() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHub github = github(fixture, GitHubStub.startWithToken("home-assistant/core",
        GitHubStub.INSTALLATION_TOKEN).actionsSettings("read", false));

    Precondition refused = precondition(preparation(fixture, github, ACTIONS), "token");

    assertThat(refused.state()).isEqualTo(Precondition.State.WARNING);
    assertThat(refused.message()).startsWith("GitHub Actions may not open pull requests in home-assistant/core:"
        + " if this is the workflow's GITHUB_TOKEN, opening the release pull request fails.");

    stub.actionsSettings("read", true);
    Precondition readOnly = precondition(preparation(fixture, github, ACTIONS), "token");
    assertThat(readOnly.message()).contains("GITHUB_TOKEN is read-only by default there");

    stub.actionsSettings("write", true);
    Precondition allowed = precondition(preparation(fixture, github, ACTIONS), "token");
    assertThat(allowed.state()).isEqualTo(Precondition.State.HOLDS);
    assertThat(allowed.message()).startsWith("Actions may open pull requests in home-assistant/core and"
        + " GITHUB_TOKEN may write by default");
  }

  /** A step that waits, as a registry's awaitTag waits for the image CI builds from the tag push. */
  private static Step awaitImage(String image) {
    return new Step() {
      @Override
      public String description() {
        return "wait for " + image + " for up to 2h";
      }

      @Override
      public StepResult apply(StepContext context) {
        context.await(image, context.clock().instant().plus(Duration.ofHours(2)), Duration.ofSeconds(30),
            Optional::empty);
        return StepResult.alreadyDone(image + " exists");
      }
    };
  }

  @Test
  void aFlowThatWaitsForAnImageBuiltOnTheTagPushSaysItNeedsAnotherTokenThanGitHubActionsOwn() {
    GitFixture fixture = GitFixture.postHog(temp);
    GitHub github = github(fixture, GitHubStub.startWithToken("PostHog/posthog", GitHubStub.INSTALLATION_TOKEN));

    Plan plan = Release.of("1.31.0").in(fixture.workTree()).hostedOn(github).environment(ACTIONS).tag()
        .then(awaitImage("posthog/posthog:release-1.31.0")).plan();

    Precondition workflows = precondition(plan, "workflows");
    assertThat(workflows.state()).isEqualTo(Precondition.State.WARNING);
    assertThat(workflows.message()).isEqualTo("step 2) wait for posthog/posthog:release-1.31.0 for up to 2h"
        + " waits for what a workflow builds from these pushes (refs/tags/1.31.0), but refs pushed with the"
        + " workflow's GITHUB_TOKEN start no other workflow, so the wait would run out. This flow needs a"
        + " different token: a personal access token or a GitHub App's token, for both the hosting and"
        + " .credentials(...).");
  }

  @Test
  void aPersonalTokenUnderActionsStartsTheWorkflowsItsPushesTrigger() {
    GitFixture fixture = GitFixture.postHog(temp);
    GitHub github = github(fixture, GitHubStub.start("PostHog/posthog").scopes("repo"));

    Plan plan = Release.of("1.31.0").in(fixture.workTree()).hostedOn(github).environment(ACTIONS).tag()
        .then(awaitImage("posthog/posthog:release-1.31.0")).plan();

    assertThat(precondition(plan, "workflows")).satisfies(w -> {
      assertThat(w.state()).isEqualTo(Precondition.State.HOLDS);
      assertThat(w.message()).isEqualTo("the pushes (refs/tags/1.31.0) are made with a personal token, so they"
          + " start the workflows they trigger.");
    });
    assertThat(precondition(plan, "token").state()).isEqualTo(Precondition.State.HOLDS);
  }

  @Test
  void theTokenOfAHostingFoundFromOriginIsMaskedBeforeAnythingIsPrinted() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    stub = GitHubStub.start("home-assistant/core").withOrigin(fixture.origin());
    OneDiscoveryTest.pointOriginAtTheStub(fixture, stub.baseUrl() + "/home-assistant/core.git");
    Map<String, String> environment = Map.of("GITHUB_ACTIONS", "true", "GITHUB_TOKEN", GitHubStub.TOKEN,
        "GITHUB_SERVER_URL", stub.baseUrl(), "GITHUB_API_URL", stub.baseUrl());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    GitHubActions actions = GitHubActions.fromEnvironment(environment).orElseThrow()
        .printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8));

    Plan plan = Release.of("0.57").in(fixture.workTree()).environment(environment).listener(actions.listener())
        .mergeForward("master", "dev").cutBranch().plan();

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("::add-mask::" + GitHubStub.TOKEN);
    assertThat(lines.subList(1, lines.size())).noneMatch(l -> l.contains(GitHubStub.TOKEN));
    assertThat(precondition(plan, "token").state()).isEqualTo(Precondition.State.HOLDS);
  }
}
