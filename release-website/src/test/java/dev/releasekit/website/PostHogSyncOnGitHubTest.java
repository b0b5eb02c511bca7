package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.github.GitHub;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.testing.FailAfter;
import dev.releasekit.website.testing.GitHubStubs;
import dev.releasekit.website.testing.PostHogVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostHog's launch with its {@code versions.json} sync, as one release of the app repository, on release-github's
 * stub instead of {@code LocalHosting}: the stub shares the app's bare origin, so its merge of the sync pull request
 * is the real merge commit on {@code master}. The images are on the real docker-registry. The launch runs,
 * re-runs with reads only, is planned with a read-only client, and survives a failure after every step; every
 * exchange is validated against GitHub's OpenAPI description.
 */
@ExtendWith(TokenLeakGuard.class)
class PostHogSyncOnGitHubTest {
  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  private static final String BUILT = "posthog/built";
  private static final String T0 = "2021-12-16T10:00:00Z";

  @TempDir
  static Path shared;
  private static GitHubStub referenceStub;
  private static String reference;

  @TempDir
  Path temp;
  private final List<GitHubStub> stubs = new ArrayList<>();

  /** The app with both images present and its stub; {@code into} collects the stub for validation and closing. */
  private static Launch launch(Path temp, FakeTime time, List<GitHubStub> into) {
    GitFixture app = PostHogVersions.app(temp, PostHogVersions.EXPANDED);
    GitHubStub stub = GitHubStub.start("PostHog/posthog", time).withOrigin(app.origin());
    into.add(stub);
    return new Launch(app, stub, time);
  }

  private record Launch(GitFixture app, GitHubStub stub, FakeTime time) {
    Release release() {
      return release(hosting -> hosting);
    }

    Release release(UnaryOperator<GitHub> client) {
      Hosting hosting = client.apply(stub.client().build());
      return PostHogVersions.launch(app.workTree(), hosting, registry, BUILT, time);
    }

    /** What a re-run must converge to: origin's content and the stub's pull requests. */
    String state() {
      return app.contentState() + " " + GitHubStubs.pullRequests(stub)
          + " releases " + stub.releases().stream().map(r -> r.tag + " " + r.name + " draft=" + r.draft)
          .collect(Collectors.joining(", "));
    }
  }

  /** Every step's {@code outcome}, except the two image gates, which find both images already pushed. */
  private static List<Outcome> withBothGatesPassed(Outcome outcome) {
    List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(everyStep().size(), outcome));
    outcomes.set(8, Outcome.ALREADY_DONE);
    outcomes.set(9, Outcome.ALREADY_DONE);
    return outcomes;
  }

  @BeforeAll
  static void imagesAndAnUninterruptedRun() {
    PostHogVersions.pushImages(registry, BUILT, "release-1.31.0", "latest-release");
    List<GitHubStub> into = new ArrayList<>();
    Launch uninterrupted = launch(shared.resolve("reference"), FakeTime.at(T0), into);
    referenceStub = into.get(0);
    uninterrupted.release().run();
    reference = uninterrupted.state();
  }

  @AfterAll
  static void closeReference() {
    referenceStub.close();
  }

  @AfterEach
  void validate() {
    GitHubStubs.validateAndClose(stubs);
  }

  @Test
  void theUninterruptedRunPassedOpenApiValidation() {
    assertThat(referenceStub.validationErrors()).isEmpty();
    assertThat(referenceStub.writes()).as("the reference run wrote through the stub").isNotEmpty();
  }

  @Test
  void theSyncPullRequestIsMergedOnGitHubAndMasterHoldsTheEntryThenARerunSendsOnlyReads() {
    Launch launch = launch(temp, FakeTime.at(T0), stubs);
    GitFixture app = launch.app();

    Report report = launch.release().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsExactlyElementsOf(withBothGatesPassed(
        Outcome.DONE));
    assertThat(launch.stub().pulls()).singleElement().satisfies(pr -> {
      assertThat(pr.head).isEqualTo(PostHogVersions.SYNC);
      assertThat(pr.base).isEqualTo("master");
      assertThat(pr.title).isEqualTo("Sync 1.31.0 to master");
      assertThat(pr.merged()).isTrue();
      assertThat(app.commit("master").name()).as("the stub's merge commit is master").isEqualTo(pr.mergeSha);
    });
    assertThat(app.commit("master").getParentCount()).as("merged with a merge commit").isEqualTo(2);
    assertThat(app.file("master", "versions.json")).isEqualTo(PostHogVersions.EXPANDED_WITH_1_31);
    assertThat(app.file("master", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(report.result(ResultKey.SYNC_PR).orElseThrow().state()).isEqualTo(PullRequest.State.MERGED);
    assertThat(launch.state()).isEqualTo(reference);
    int before = launch.stub().requests().size();
    String after = app.fingerprint();

    Report again = launch.release().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    List<GitHubStub.Recorded> rerun = launch.stub().requests().subList(before, launch.stub().requests().size());
    assertThat(rerun).as("the re-run asks GitHub, and only asks").isNotEmpty()
        .allMatch(r -> r.method().equals("GET") || r.method().equals("HEAD"));
    assertThat(app.fingerprint()).as("no commit, no ref moved").isEqualTo(after);
  }

  @Test
  void thePlanWithAReadOnlyClientSendsOnlyReadsAndMovesNoRefOnOrigin() {
    Launch launch = launch(temp, FakeTime.at(T0), stubs);
    String before = launch.app().fingerprint();

    Plan plan = launch.release(GitHub::readOnly).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsExactlyElementsOf(withBothGatesPassed(
        Outcome.WOULD_DO));
    assertThat(plan.steps()).filteredOn(s -> s.description().contains("versions.json")).singleElement()
        .satisfies(s -> assertThat(s.output()).contains("\"version\": \"1.31.0\"", "\"release_date\": \"2021-12-16\""));
    assertThat(plan.steps().get(plan.steps().size() - 1).description())
        .isEqualTo("merge pull request 1.31.0-sync -> master with a merge commit");
    assertThat(launch.stub().writes()).isEmpty();
    assertThat(launch.stub().pulls()).isEmpty();
    assertThat(launch.time().sleeps()).as("a plan never sleeps").isEmpty();
    assertThat(launch.app().fingerprint()).isEqualTo(before);
  }

  static List<Integer> everyStep() {
    return IntStream.rangeClosed(1, 11).boxed().toList();
  }

  @ParameterizedTest(name = "failure after step {0}")
  @MethodSource("everyStep")
  void aFailureAfterAnyStepThenARerunEndsAsAnUninterruptedRun(int failAfter) {
    Launch launch = launch(temp, FakeTime.at(T0), stubs);
    assertThat(launch.release().steps()).as("the parameters cover every step").hasSize(everyStep().size());
    assertThatThrownBy(FailAfter.step(failAfter, launch.release())::run).hasMessageContaining("injected");

    Report rerun = launch.release().run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(launch.state()).isEqualTo(reference);
    assertThat(launch.app().file("master", "versions.json")).isEqualTo(PostHogVersions.EXPANDED_WITH_1_31);
    assertThat(launch.release().plan().isNoOp()).isTrue();
  }
}
