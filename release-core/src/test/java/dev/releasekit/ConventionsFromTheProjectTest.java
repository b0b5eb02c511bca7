package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.local.LocalProject;
import dev.releasekit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository released without {@code conventions(...)} gets the conventions its shape on origin shows, and the
 * plan says which file decided; a shape no preset fits, and given conventions that plainly do not fit while a
 * preset does, are refused with what to pass, and nothing changes.
 */
class ConventionsFromTheProjectTest {
  @TempDir
  Path temp;

  private static Precondition conventionsOf(Plan plan, String repository) {
    return plan.preconditions().stream()
        .filter(p -> p.repository().equals(repository) && p.what().equals("conventions"))
        .findFirst().orElseThrow();
  }

  @Test
  void aPostHogProjectReleasedWithoutConventionsGetsPostHogsAndThePlanSaysWhichFileDecided() {
    GitFixture posthog = GitFixture.postHog(temp);
    String before = posthog.fingerprint();
    Release release = Release.of("1.31.0").in(posthog.workTree()).hostedOn(posthog.hosting())
        .cutBranch().bumpVersion();

    Plan plan = release.plan();

    assertThat(conventionsOf(plan, Release.MAIN).holds()).isTrue();
    assertThat(conventionsOf(plan, Release.MAIN).message())
        .isEqualTo("PostHog's (found posthog/version.py on master)");
    assertThat(plan.toString()).contains("conventions: PostHog's (found posthog/version.py on master)");
    assertThat(plan.toString().indexOf("conventions:")).isLessThan(plan.toString().indexOf("1) "));
    assertThat(plan.steps()).extracting(StepResult::description)
        .containsExactly("cut release-1.31.0 from master", "set version 1.31.0 in posthog/version.py on release-1.31.0");
    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(posthog.fingerprint()).isEqualTo(before);

    release.run();
    assertThat(posthog.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
  }

  @Test
  void aHomeAssistantProjectWithoutConventionsGetsHomeAssistantsFoundOnOriginsDefaultBranch() throws IOException {
    GitFixture core = GitFixture.homeAssistant(temp);
    // Home Assistant's real default branch is dev; the detection reads the branch origin's HEAD names.
    try (Repository origin = new FileRepositoryBuilder().setGitDir(core.origin().toFile()).build()) {
      assertThat(origin.updateRef("HEAD").link("refs/heads/dev")).isIn(RefUpdate.Result.FORCED,
          RefUpdate.Result.NEW, RefUpdate.Result.NO_CHANGE);
    }

    Plan plan = Release.of("0.57").in(core.workTree()).hostedOn(core.hosting()).cutBranch().plan();

    assertThat(conventionsOf(plan, Release.MAIN).message())
        .isEqualTo("Home Assistant's (found homeassistant/const.py on dev)");
    assertThat(plan.step(1).description()).isEqualTo("cut release-0-57 from dev");
  }

  @Test
  void aProjectOfNeitherShapeIsRefusedNamingTheFilesLookedForAndAskingForConventions() {
    GitFixture widget = GitFixture.of(LocalProject.create(temp, "widget", "main",
        Map.of("README.md", "# Widget\n", "package.json", "{\"version\": \"1.0.0\"}\n")));
    String before = widget.fingerprint();
    Release release = Release.of("1.1.0").in(widget.workTree()).hostedOn(widget.hosting()).cutBranch();

    for (Runnable attempt : new Runnable[] {release::plan, release::run}) {
      assertThatThrownBy(attempt::run).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("Cannot tell which conventions the repository at " + widget.workTree())
          .hasMessageContaining("main has neither homeassistant/const.py (Home Assistant's) nor"
              + " posthog/version.py (PostHog's)")
          .hasMessageContaining("Pass the project's conventions with conventions(...)")
          .hasMessageContaining("conventions(Conventions.semver())");
    }
    assertThat(widget.fingerprint()).isEqualTo(before);
  }

  @Test
  void homeAssistantsConventionsGivenToAPostHogProjectAreRefusedNamingPostHogs() {
    GitFixture posthog = GitFixture.postHog(temp);
    String before = posthog.fingerprint();
    // Without the check, the only error was: Origin has no branch 'dev' to cut release-1-32 from.
    Release release = Release.of("1.32.0").conventions(Conventions.homeAssistant()).in(posthog.workTree())
        .hostedOn(posthog.hosting()).cutBranch().bumpVersion();

    for (Runnable attempt : new Runnable[] {release::plan, release::run}) {
      assertThatThrownBy(attempt::run).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("(homeAssistant) do not fit its origin: origin has no branch 'dev'; master has no"
              + " homeassistant/const.py")
          .hasMessageContaining("looks like PostHog's project (posthog/version.py, no dev branch): pass"
              + " conventions(Conventions.postHog())");
    }
    assertThat(posthog.fingerprint()).isEqualTo(before);
  }

  @Test
  void postHogsConventionsGivenToAHomeAssistantProjectAreRefusedNamingHomeAssistants() {
    GitFixture core = GitFixture.homeAssistant(temp);
    String before = core.fingerprint();
    Release release = Release.of("0.57").conventions(Conventions.postHog()).in(core.workTree())
        .hostedOn(core.hosting()).cutBranch().bumpVersion();

    assertThatThrownBy(release::plan).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("master has no posthog/version.py")
        .hasMessageContaining("looks like Home Assistant's project (homeassistant/const.py): pass"
            + " conventions(Conventions.homeAssistant())");
    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("pass conventions(Conventions.homeAssistant())");
    assertThat(core.fingerprint()).isEqualTo(before);
  }

  @Test
  void givenConventionsThatFitAreTakenAsGivenAndThePlanSaysSo() {
    GitFixture posthog = GitFixture.postHog(temp);

    Plan plan = Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
        .hostedOn(posthog.hosting()).cutBranch().plan();

    assertThat(conventionsOf(plan, Release.MAIN).message()).startsWith("as given, Conventions.postHog(");
    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
  }

  @Test
  void eachRepositoryOfAReleaseGetsTheConventionsOfItsOwnShape() {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
    String before = core.fingerprint() + posthog.fingerprint();

    Plan plan = Release.of("1.31.0")
        .repository("core", core.workTree()).hostedOn(core.hosting()).cutBranch()
        .repository("posthog", posthog.workTree()).hostedOn(posthog.hosting()).cutBranch()
        .plan();

    assertThat(conventionsOf(plan, "core").message())
        .isEqualTo("Home Assistant's (found homeassistant/const.py on master)");
    assertThat(conventionsOf(plan, "posthog").message()).isEqualTo("PostHog's (found posthog/version.py on master)");
    assertThat(plan.toString()).contains("core: conventions: Home Assistant's")
        .contains("posthog: conventions: PostHog's");
    assertThat(plan.steps()).extracting(StepResult::description)
        .containsExactly("core: cut release-1-31 from dev", "posthog: cut release-1.31.0 from master");
    assertThat(core.fingerprint() + posthog.fingerprint()).isEqualTo(before);
  }

  @Test
  void aRepositoryOfNeitherShapeInAReleaseOfSeveralIsNamedAndNothingChangesInAny() {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    GitFixture charts = GitFixture.of(LocalProject.create(temp.resolve("charts"), "charts", "master",
        Map.of("charts/posthog/Chart.yaml", "apiVersion: v2\nname: posthog\nversion: 7.0.2\n")));
    String before = core.fingerprint() + charts.fingerprint();
    Release release = Release.of("0.57")
        .repository("core", core.workTree()).hostedOn(core.hosting()).cutBranch()
        .repository("charts", charts.workTree()).hostedOn(charts.hosting()).cutBranch("master");

    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("Cannot tell which conventions repository 'charts' at " + charts.workTree())
        .hasMessageContaining("conventions(...)");
    assertThat(core.fingerprint() + charts.fingerprint()).isEqualTo(before);
  }
}
