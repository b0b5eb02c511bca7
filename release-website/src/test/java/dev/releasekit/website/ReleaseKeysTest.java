package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.ConflictException;
import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.local.LocalProject;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.HomeAssistantFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five release keys of {@code _config.yml}, edited where they stand: the block of facts.md byte for byte, an
 * x.y.0 release on its release branch, a patch release on {@code current}, either form of the patch notes link.
 */
class ReleaseKeysTest {
  @TempDir
  Path temp;

  private static Release keys(GitFixture site, String version, LocalDate date, ReleaseKeys keys) {
    return Release.of(version).date(date).repository("website", site.workTree()).hostedOn(site.hosting())
        .conventions(Conventions.homeAssistantWebsite()).then(Website.releaseKeys(keys));
  }

  private static GitFixture siteWithReleaseBranch(Path temp) {
    GitFixture site = GitFixture.homeAssistantWebsite(temp);
    site.project().branch("release-0-57", "next");
    site.project().fetchClone();
    return site;
  }

  @Test
  void anXyZeroReleaseChangesExactlyFourValuesOnItsReleaseBranchAsThe057CommitDid() {
    GitFixture site = siteWithReleaseBranch(temp);

    Report report = keys(site, "0.57", LocalDate.of(2017, 11, 4), ReleaseKeys.homeAssistant()).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(site.file("release-0-57", "_config.yml"))
        .isEqualTo(HomeAssistantFiles.siteConfig(57, 0, "2017-11-04", ""));
    assertThat(report.step(1).output()).isEqualTo("""
        - current_minor_version: 56
        + current_minor_version: 57
        - current_patch_version: 2
        + current_patch_version: 0
        - date_released: 2017-10-25
        + date_released: 2017-11-04
        - patch_version_notes: "#release-0562---october-25"
        + patch_version_notes: \"\"""");
    assertThat(site.file("current", "_config.yml")).as("current waits for the PR").contains("minor_version: 56");
  }

  @Test
  void aPatchReleaseWritesOnCurrentWithTheAnchorOfItsSectionWhenAskedElseAnEmptyLink() {
    GitFixture site = GitFixture.homeAssistantWebsite(temp.resolve("anchor"));
    site.project().commit("current", "Release 0.57.3", Map.of("_config.yml",
        HomeAssistantFiles.siteConfig(57, 3, "2017-11-11", "#release-0573---november-11")));
    site.project().fetchClone();

    keys(site, "0.57.4", LocalDate.of(2017, 11, 18), ReleaseKeys.builder().patchNotes(ReleaseKeys.PatchNotes.ANCHOR)
        .build()).run();

    assertThat(site.file("current", "_config.yml"))
        .isEqualTo(HomeAssistantFiles.siteConfig(57, 4, "2017-11-18", "#release-0574---november-18"));

    keys(site, "0.57.5", LocalDate.of(2017, 11, 25), ReleaseKeys.homeAssistant()).run();

    assertThat(site.file("current", "_config.yml")).isEqualTo(HomeAssistantFiles.siteConfig(57, 5, "2017-11-25", ""));
  }

  @Test
  void theBlockOfFactsMdAt0573IsByteForByteWhatA0573ReleaseFindsAndItWritesNothing() {
    GitFixture site = GitFixture.homeAssistantWebsite(temp);
    String block = """
        # Home Assistant release details
        current_major_version: 0
        current_minor_version: 57
        current_patch_version: 3
        date_released: 2017-11-11

        # Either # or the anchor link to latest release notes in the blog post.
        # Must be prefixed with a # and have double quotes around it.
        # Major release:
        patch_version_notes: "#release-0573---november-11"
        # Minor release (Example #release-0431---april-25):
        """;
    assertThat(HomeAssistantFiles.siteConfig(57, 3, "2017-11-11", "#release-0573---november-11")).endsWith(block);
    site.project().commit("current", "Release 0.57.3", Map.of("_config.yml",
        HomeAssistantFiles.siteConfig(57, 3, "2017-11-11", "#release-0573---november-11")));
    site.project().fetchClone();
    String before = site.fingerprint();

    Report again = keys(site, "0.57.3", LocalDate.of(2017, 11, 11), ReleaseKeys.builder()
        .patchNotes(ReleaseKeys.PatchNotes.ANCHOR).build()).run();

    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  @Test
  void aRerunWritesNothing() {
    GitFixture site = siteWithReleaseBranch(temp);
    keys(site, "0.57", LocalDate.of(2017, 11, 4), ReleaseKeys.homeAssistant()).run();
    String before = site.fingerprint();

    Report again = keys(site, "0.57", LocalDate.of(2017, 11, 4), ReleaseKeys.homeAssistant()).run();

    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  @Test
  void aMissingKeyIsAnErrorNamingItAndNothingIsAppended() {
    GitFixture site = siteWithReleaseBranch(temp);
    site.project().commit("release-0-57", "Drop the keys", Map.of("_config.yml",
        "title: Home Assistant\n\n# Home Assistant release details\ncurrent_major_version: 0\n"));
    site.project().fetchClone();
    String before = site.fingerprint();

    assertThatThrownBy(() -> keys(site, "0.57", LocalDate.of(2017, 11, 4), ReleaseKeys.homeAssistant()).run())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("has no current_minor_version, current_patch_version, date_released,"
            + " patch_version_notes").hasMessageContaining("never appended");
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  @Test
  void aSiteAtALaterReleaseBlocksAndIsNotTakenBack() {
    GitFixture site = siteWithReleaseBranch(temp);
    site.project().commit("release-0-57", "Release 0.58", Map.of("_config.yml",
        HomeAssistantFiles.siteConfig(58, 0, "2017-11-18", "")));
    site.project().fetchClone();
    String before = site.fingerprint();

    assertThatThrownBy(() -> keys(site, "0.57", LocalDate.of(2017, 11, 4), ReleaseKeys.homeAssistant()).run())
        .isInstanceOf(ConflictException.class).hasMessageContaining("already names 0.58.0")
        .hasMessageContaining("take the site back");
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  @Test
  void theSameReleaseOnAnotherDateBlocksAndSaysHowToKeepTheFirstRunsDate() {
    GitFixture site = siteWithReleaseBranch(temp);
    keys(site, "0.57", LocalDate.of(2017, 11, 4), ReleaseKeys.homeAssistant()).run();
    String before = site.fingerprint();

    assertThatThrownBy(() -> keys(site, "0.57", LocalDate.of(2017, 11, 5), ReleaseKeys.homeAssistant()).run())
        .isInstanceOf(ConflictException.class).hasMessageContaining("released on 2017-11-04, not 2017-11-05")
        .hasMessageContaining("Release.date(LocalDate.parse(\"2017-11-04\"))");
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  @Test
  void coresRepositoryGivenTheSitesConventionsIsToldWhichConventionsFitIt() {
    GitFixture core = GitFixture.homeAssistant(temp);

    assertThatThrownBy(() -> patchKeys(core).run()).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("no branch 'current'").hasMessageContaining("conventions(Conventions.homeAssistant())");
  }

  @Test
  void aSiteRepositoryWithoutCurrentSaysToCheckTheRepositoryAndItsConventionsAndWritesNothing() {
    GitFixture site = GitFixture.of(LocalProject.create(temp, "home-assistant.io", "master", Map.of("_config.yml",
        HomeAssistantFiles.siteConfig(57, 3, "2017-11-11", ""))));
    String before = site.fingerprint();

    assertThatThrownBy(() -> patchKeys(site).run()).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("no branch 'current'").hasMessageContaining("Conventions.homeAssistantWebsite()");
    assertThat(site.fingerprint()).isEqualTo(before);
  }

  private static Release patchKeys(GitFixture repository) {
    return Release.of("0.57.4").date(LocalDate.of(2017, 11, 18)).repository("website", repository.workTree())
        .hostedOn(repository.hosting()).conventions(Conventions.homeAssistantWebsite()).then(Website.releaseKeys());
  }
}
