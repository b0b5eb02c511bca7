package dev.releasekit.website;

import static dev.releasekit.website.testing.SiteReleaseDay.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.StepResult;
import dev.releasekit.local.LocalProject;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.HomeAssistantFiles;
import dev.releasekit.website.testing.FailAfter;
import dev.releasekit.website.testing.SitePreparation;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Home Assistant's preparation and release day, each as one release of core and the website, on local origins and
 * LocalHosting: the site's merge, branch and pull request; every website step, the merges on the site, the site
 * going live only after core is published; their plans, their re-runs, and a failure after every step.
 */
class WebsiteFlowTest {
  /** The uninterrupted runs the failure cases end equal to, made once: content states do not depend on time. */
  @TempDir
  static Path shared;
  private static String preparedReference;
  private static SiteReleaseDay releasedReference;

  @TempDir
  Path temp;

  @BeforeAll
  static void uninterruptedRuns() {
    SitePreparation prepared = SitePreparation.on(shared.resolve("preparation"), SitePreparation.LOCAL);
    prepared.preparation().run();
    preparedReference = prepared.contentState();
    releasedReference = SiteReleaseDay.prepare(shared.resolve("release-day"));
    releasedReference.releaseDay().run();
  }

  @Test
  void releaseDayOfCoreAndTheSiteRunsEveryWebsiteStepThenARerunWritesNothing() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);

    Report report = day.releaseDay().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE, Outcome.ALREADY_DONE);
    GitFixture site = day.website();
    assertThat(site.file("current", POST)).contains("title: \"0.57: Translations, Hacktoberfest, Timers\"",
        "Add Tado climate");
    assertThat(site.file("current", "source/_integrations/tado.markdown")).contains("ha_release: '0.57'");
    assertThat(site.file("current", "_config.yml")).contains("current_minor_version: 57\ncurrent_patch_version: 0\n"
        + "date_released: 2017-11-04\n");
    assertThat(site.hosting().findPullRequest("release-0-57", "current").orElseThrow().isMerged()).isTrue();
    assertThat(site.commit("current").getParentCount()).as("merged with a merge commit, never squashed")
        .isEqualTo(2);
    assertThat(site.isAncestor("current", "next")).isTrue();
    assertThat(day.core().hosting().releaseByTag("0.57")).isPresent();
    assertThat(report.result(WebsiteResults.BLOG_POST_URL))
        .contains("https://www.home-assistant.io/blog/2017/11/04/release-57/");
    String after = day.fingerprint();

    Report again = day.releaseDay().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(day.fingerprint()).isEqualTo(after);
  }

  @Test
  void thePlanRehearsesEveryWebsiteStepAndLeavesBothOriginsAndHostingsAsTheyWere() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    String before = day.fingerprint();

    Plan plan = day.releaseDay().plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).doesNotContain(Outcome.BLOCKED);
    assertThat(plan.steps("website")).extracting(StepResult::description).contains(
        "website: write the blog post from the release notes",
        "website: write documentation stubs for new integrations in source/_integrations",
        "website: set the release keys in _config.yml");
    assertThat(plan.steps("website")).filteredOn(s -> s.description().contains("stubs")).singleElement()
        .satisfies(s -> assertThat(s.output()).contains("tado.markdown"));
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void theSitesPullRequestWaitsForCoresPublishedRelease() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    Release withoutPublishing = day.coreNotesThen(Website.blogPost(SiteReleaseDay.POST_057))
        .mergeForward("current", "release-0-57").after("core", dev.releasekit.ResultKey.PUBLISHED_RELEASE).mergePr();
    String before = day.fingerprint();

    Plan plan = withoutPublishing.plan();

    assertThat(plan.isBlocked()).isTrue();
    assertThat(plan.firstBlocked().orElseThrow().description()).contains("published-release");
    assertThatThrownBy(withoutPublishing::run).hasMessageContaining("published-release");
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void thePreparationMergesCurrentIntoNextCutsTheSitesBranchAndOpensItsPullRequestThenARerunWritesNothing() {
    SitePreparation both = SitePreparation.on(temp, SitePreparation.LOCAL);
    GitFixture site = both.site();
    String liveFix = site.commit("current").name();
    String before = both.fingerprint();

    Plan plan = both.preparation().plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(both.fingerprint()).as("the plan wrote nothing").isEqualTo(before);

    Report report = both.preparation().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(site.commit("next").getParentCount()).as("current merged into next with a merge commit")
        .isEqualTo(2);
    assertThat(site.isAncestor(liveFix, "next")).isTrue();
    assertThat(site.commit("release-0-57").name()).isEqualTo(site.commit("next").name());
    assertThat(site.hosting().findPullRequest("release-0-57", "current").orElseThrow().title()).isEqualTo("0.57");
    String after = both.fingerprint();

    Report again = both.preparation().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(both.fingerprint()).isEqualTo(after);
  }

  @ParameterizedTest(name = "preparation: failure after step {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void aFailureAfterAnyPreparationStepThenARerunEndsAsAnUninterruptedPreparation(int failAfter) {
    SitePreparation both = SitePreparation.on(temp, SitePreparation.LOCAL);
    assertThat(both.preparation().steps()).as("the parameters cover every step").hasSize(7);
    assertThatThrownBy(FailAfter.step(failAfter, both.preparation())::run).hasMessageContaining("injected");

    Report rerun = both.preparation().run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(both.contentState()).isEqualTo(preparedReference);
    assertThat(both.site().hosting().findPullRequest("release-0-57", "current")).isPresent();
    assertThat(both.preparation().plan().isNoOp()).isTrue();
  }

  @Test
  void aSiteRepositoryWithoutCurrentIsRefusedBeforeThePreparationWritesAnything() {
    GitFixture site = GitFixture.of(LocalProject.create(temp, "home-assistant.io", "master", Map.of("_config.yml",
        HomeAssistantFiles.siteConfig(56, 2, "2017-10-25", ""))));
    site.project().branch("next", "master");
    site.project().fetchClone();
    String before = site.fingerprint();
    Release preparation = Release.of("0.57").in(site.workTree()).hostedOn(site.hosting())
        .conventions(Conventions.homeAssistantWebsite()).mergeForward("current", "next").cutBranch().openPr();

    assertThatThrownBy(preparation::run).isInstanceOf(PreconditionException.class).hasMessageContaining("current");
    assertThat(preparation.plan().isBlocked()).isTrue();
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  @Test
  void theSitesConventionsAreFoundFromItsShapeWhenNoneAreGiven() {
    GitFixture site = GitFixture.homeAssistantWebsite(temp);

    Plan plan = Release.of("0.57").in(site.workTree()).hostedOn(site.hosting())
        .mergeForward("current", "next").cutBranch().openPr().plan();

    assertThat(plan.toString()).contains("Home Assistant's website", "found _config.yml and source/_posts on current");
    assertThat(plan.steps()).extracting(StepResult::description).containsExactly("merge current into next",
        "cut release-0-57 from next", "open pull request release-0-57 -> current titled \"0.57\"");
  }

  static List<Integer> everyStep() {
    return IntStream.rangeClosed(1, 16).boxed().toList();
  }

  @ParameterizedTest(name = "failure after step {0}")
  @MethodSource("everyStep")
  void aFailureAfterAnyStepThenARerunEndsAsAnUninterruptedRun(int failAfter) {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    assertThat(day.releaseDay().steps()).as("the parameters cover every step").hasSize(everyStep().size());
    assertThatThrownBy(FailAfter.step(failAfter, day.releaseDay())::run).hasMessageContaining("injected");

    Report rerun = day.releaseDay().run();

    assertThat(rerun.steps().subList(0, failAfter)).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(day.contentState()).isEqualTo(releasedReference.contentState());
    assertThat(day.website().file("current", POST)).isEqualTo(releasedReference.website().file("current", POST));
    assertThat(day.releaseDay().plan().isNoOp()).isTrue();
  }
}
