package dev.releasekit.website;

import static dev.releasekit.website.testing.SiteReleaseDay.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.StepResult;
import dev.releasekit.github.GitHub;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import dev.releasekit.website.testing.FailAfter;
import dev.releasekit.website.testing.GitHubStubs;
import dev.releasekit.website.testing.SitePreparation;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Home Assistant's website preparation and release day, each as one release with core, on release-github's stub:
 * one stub per repository, each sharing its fixture's bare origin, so merging a pull request makes the merge commit
 * the next steps build on. Each flow runs, re-runs without a write request, is planned with read-only clients,
 * and survives a failure after every step; every exchange is validated against GitHub's OpenAPI description.
 */
@ExtendWith(TokenLeakGuard.class)
class WebsiteOnGitHubTest {
  @TempDir
  static Path shared;
  private static final List<GitHubStub> referenceStubs = new ArrayList<>();
  private static String preparedReference;
  private static String releasedReference;

  @TempDir
  Path temp;
  private final List<GitHubStub> stubs = new ArrayList<>();

  /**
   * One stub per repository, on the scenario's clock; {@code into} collects them for validation and closing. The
   * clients name github.com as the web address, so that the notes (and the post) do not carry the stub's port.
   */
  private static SiteReleaseDay.Hosts onStubs(List<GitHubStub> into) {
    return (name, fixture) -> {
      GitHubStub stub = GitHubStub.start(name.equals("core") ? "home-assistant/core"
          : "home-assistant/home-assistant.io", new FakeTime(ReleaseDayScenario.T0.plusSeconds(7200)))
          .withOrigin(fixture.origin());
      into.add(stub);
      return new SiteReleaseDay.Hosted(stub.client().webUrl("https://github.com").build(), stub.seeding());
    };
  }

  @BeforeAll
  static void uninterruptedRuns() {
    SitePreparation prepared = SitePreparation.on(shared.resolve("preparation"), onStubs(referenceStubs));
    prepared.preparation().run();
    preparedReference = prepared.contentState() + state(referenceStubs);
    SiteReleaseDay released = SiteReleaseDay.prepare(shared.resolve("release-day"), onStubs(referenceStubs));
    released.releaseDay().run();
    releasedReference = released.contentState() + state(referenceStubs.subList(2, 4));
  }

  @AfterAll
  static void closeReferences() {
    referenceStubs.forEach(GitHubStub::close);
  }

  @AfterEach
  void validate() {
    GitHubStubs.validateAndClose(stubs);
  }

  /** What the stubs hold that a re-run must converge to: pull requests, releases and milestones. */
  private static String state(List<GitHubStub> on) {
    return on.stream().map(stub -> stub.repository() + ": " + GitHubStubs.pullRequests(stub)
        + " releases " + stub.releases().stream().map(r -> r.tag + " " + r.name + " draft=" + r.draft + " body="
            + r.body.hashCode()).collect(Collectors.joining(", "))
        + " milestones " + List.of("0.57", "0.58").stream().map(t -> t + "=" + stub.milestoneNamed(t)
            .map(m -> m.state).orElse("none")).collect(Collectors.joining(", ")))
        .collect(Collectors.joining(" | "));
  }

  private int requestCount() {
    return stubs.stream().mapToInt(s -> s.requests().size()).sum();
  }

  private List<GitHubStub.Recorded> writes() {
    return stubs.stream().flatMap(s -> s.writes().stream()).toList();
  }

  // ---------------------------------------------------------------- preparation

  @Test
  void thePreparationMergesCurrentIntoNextCutsTheSitesBranchAndOpensItsPullRequestThenARerunWritesNothing() {
    SitePreparation both = SitePreparation.on(temp, onStubs(stubs));
    String liveFix = both.site().commit("current").name();

    Report report = both.preparation().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    GitFixture site = both.site();
    assertThat(site.commit("next").getParentCount()).as("current merged into next with a merge commit")
        .isEqualTo(2);
    assertThat(site.isAncestor(liveFix, "next")).isTrue();
    assertThat(site.commit("release-0-57").name()).isEqualTo(site.commit("next").name());
    assertThat(stubs.get(1).pulls()).singleElement().satisfies(pr -> {
      assertThat(pr.head).isEqualTo("release-0-57");
      assertThat(pr.base).isEqualTo("current");
      assertThat(pr.title).isEqualTo("0.57");
    });
    assertThat(stubs.get(0).pulls()).singleElement().satisfies(pr -> assertThat(pr.base).isEqualTo("master"));
    int before = requestCount();
    String state = both.contentState();

    Report again = both.preparation().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writes()).hasSize(2).as("only the run's two pull requests").allMatch(r -> r.index() < before);
    assertThat(both.contentState()).isEqualTo(state);
  }

  @Test
  void thePreparationsPlanSendsOnlyReads() {
    SitePreparation both = SitePreparation.on(temp, onStubs(stubs));
    String before = both.fingerprint();

    Plan plan = both.preparation(hosting -> ((GitHub) hosting).readOnly()).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.steps("website")).extracting(StepResult::description).containsExactly(
        "website: merge current into next", "website: cut release-0-57 from next",
        "website: open pull request release-0-57 -> current titled \"0.57\"");
    assertThat(writes()).isEmpty();
    assertThat(both.fingerprint()).isEqualTo(before);
  }

  static List<Integer> everyPreparationStep() {
    return IntStream.rangeClosed(1, 7).boxed().toList();
  }

  @ParameterizedTest(name = "preparation: failure after step {0}")
  @MethodSource("everyPreparationStep")
  void aFailureAfterAnyPreparationStepThenARerunEndsAsAnUninterruptedPreparation(int failAfter) {
    SitePreparation both = SitePreparation.on(temp, onStubs(stubs));
    assertThat(both.preparation().steps()).as("the parameters cover every step")
        .hasSize(everyPreparationStep().size());
    assertThatThrownBy(FailAfter.step(failAfter, both.preparation())::run).hasMessageContaining("injected");

    Report rerun = both.preparation().run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(both.contentState() + state(stubs)).isEqualTo(preparedReference);
    assertThat(both.preparation().plan().isNoOp()).isTrue();
  }

  // ---------------------------------------------------------------- release day

  @Test
  void releaseDayMergesTheSitesPullRequestOnGitHubAfterCoreIsPublishedThenARerunWritesNothing() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp, onStubs(stubs));
    GitHubStub coreStub = stubs.get(0);
    GitHubStub siteStub = stubs.get(1);

    Report report = day.releaseDay().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE, Outcome.ALREADY_DONE);
    GitFixture site = day.website();
    GitHubStub.StubItem sitePr = siteStub.pulls().stream().filter(p -> p.head.equals("release-0-57")).findFirst()
        .orElseThrow();
    assertThat(sitePr.merged()).isTrue();
    assertThat(site.commit("current").name()).as("the stub's merge commit is current").isEqualTo(sitePr.mergeSha);
    assertThat(site.commit("current").getParentCount()).as("never squashed").isEqualTo(2);
    assertThat(site.isAncestor("current", "next")).isTrue();
    assertThat(site.file("current", POST)).contains("Add Tado climate",
        "https://github.example/home-assistant/core/pull/9983", "[@juergen-w]: https://github.com/juergen-w");
    assertThat(site.file("current", "source/_integrations/tado.markdown")).contains("ha_release: '0.57'");
    assertThat(site.file("current", "_config.yml")).contains("current_minor_version: 57\n");
    assertThat(coreStub.releases()).singleElement().satisfies(r -> assertThat(r.draft).isFalse());
    assertThat(report.result(WebsiteResults.BLOG_POST_URL))
        .contains("https://www.home-assistant.io/blog/2017/11/04/release-57/");
    int before = requestCount();
    String state = day.contentState();

    Report again = day.releaseDay().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(writes()).allMatch(r -> r.index() < before);
    assertThat(day.contentState()).isEqualTo(state);
    TokenLeakGuard.record(report.toJson() + again);
  }

  @Test
  void releaseDaysPlanWithReadOnlyClientsSendsOnlyReads() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp, onStubs(stubs));
    int before = requestCount();
    String origins = day.contentState();

    Plan plan = day.hostedThrough(hosting -> ((GitHub) hosting).readOnly()).releaseDay().plan();

    assertThat(plan.steps()).as(plan.toString()).extracting(StepResult::outcome).doesNotContain(Outcome.BLOCKED);
    assertThat(plan.steps("website")).filteredOn(s -> s.description().contains("stubs")).singleElement()
        .satisfies(s -> assertThat(s.output()).contains("tado.markdown"));
    assertThat(requestCount()).isGreaterThan(before);
    assertThat(writes().stream().filter(r -> r.index() >= before)).isEmpty();
    assertThat(day.contentState()).isEqualTo(origins);
    assertThat(stubs.get(1).pulls()).singleElement().satisfies(pr -> assertThat(pr.merged()).isFalse());
  }

  static List<Integer> everyReleaseDayStep() {
    return IntStream.rangeClosed(1, 16).boxed().toList();
  }

  @ParameterizedTest(name = "release day: failure after step {0}")
  @MethodSource("everyReleaseDayStep")
  void aFailureAfterAnyReleaseDayStepThenARerunEndsAsAnUninterruptedRun(int failAfter) {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp, onStubs(stubs));
    assertThat(day.releaseDay().steps()).as("the parameters cover every step")
        .hasSize(everyReleaseDayStep().size());
    assertThatThrownBy(FailAfter.step(failAfter, day.releaseDay())::run).hasMessageContaining("injected");

    Report rerun = day.releaseDay().run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(day.contentState() + state(stubs)).isEqualTo(releasedReference);
    assertThat(day.releaseDay().plan().isNoOp()).isTrue();
  }
}
