package dev.releasekit.website;

import static dev.releasekit.website.testing.SiteReleaseDay.POST;
import static dev.releasekit.website.testing.SiteReleaseDay.POST_057;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.notes.Variant;
import dev.releasekit.Conventions;
import dev.releasekit.testing.BugfixScenario;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.internal.Site;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release's blog post: written once from core's notes, and re-runs that respect what people did to it. */
class BlogPostTest {
  /** Facts.md's original 0.57 front matter, byte for byte. */
  static final String FRONT_MATTER = """
      ---
      layout: post
      title: "0.57: Translations, Hacktoberfest, Timers"
      description: "Due to Hacktoberfest we had to ship more fixes, improvements and components than usual."
      date: 2017-11-04 04:00:00
      date_formatted: "November 4, 2017"
      author: Paulus Schoutsen
      author_twitter: balloob
      comments: true
      categories: Release-Notes
      og_image: /images/blog/2017-11-0.57/languages.png
      ---
      """;

  @TempDir
  Path temp;

  private static Release post(SiteReleaseDay day) {
    return day.coreNotesThen(Website.blogPost(POST_057));
  }

  private static int last(Report report) {
    return report.steps().size();
  }

  @Test
  void aFreshPostHasTheSitesFrontMatterTheHighlightsThenCoresWebsiteNotesBetweenMarkers() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);

    Report report = post(day).run();

    assertThat(report.step(last(report)).outcome()).isEqualTo(Outcome.DONE);
    String notes = report.result("core", ResultKey.NOTES).orElseThrow().render(Variant.WEBSITE);
    String post = day.website().file("release-0-57", POST);
    assertThat(post).startsWith(FRONT_MATTER + "\n" + SiteReleaseDay.HIGHLIGHTS + "\n\n<!-- releasekit:notes 0.57 ");
    assertThat(post).contains(" begin: generated from the release notes; edit outside these markers, or"
        + " regenerate -->\n" + notes + "<!-- releasekit:notes 0.57 end -->\n");
    assertThat(post).endsWith("<!-- releasekit:notes 0.57 end -->\n").contains("Add Tado climate", "<!--more-->");
    assertThat(day.website().file("next", POST)).as("only the release branch").isNull();
  }

  @Test
  void aRerunLeavesThePostWithAPersonsEditsAroundTheNotesAsItIs() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    post(day).run();
    String edited = day.website().file("release-0-57", POST)
        .replace("categories: Release-Notes\n", "categories: Release-Notes\ncomments: false\n")
        .replace("We are proud", "![Screenshot](/images/blog/2017-11-0.57/screenshot.png)\n\nWe are very proud");
    day.website().project().commit("release-0-57", "Polish the post", Map.of(POST, edited));
    String before = day.fingerprint();

    Report again = post(day).run();

    assertThat(again.step(last(again)).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(again.step(last(again)).detail()).contains("as generated");
    assertThat(day.website().file("release-0-57", POST)).isEqualTo(edited);
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void aPersonsEditBetweenTheMarkersBlocksShowingTheDifferenceAndChangesNothing() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    post(day).run();
    String edited = day.website().file("release-0-57", POST).replace("Add Tado climate", "Add Tado° climate");
    day.website().project().commit("release-0-57", "Fix a note by hand", Map.of(POST, edited));
    String before = day.fingerprint();

    Plan plan = post(day).plan();
    assertThat(plan.step(plan.steps().size()).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(plan.steps().size()).detail()).contains("someone edited the generated 0.57 notes",
        "- - Add Tado° climate", "+ - Add Tado climate", "regenerateNotes()");

    assertThatThrownBy(() -> post(day).run()).isInstanceOf(ConflictException.class)
        .hasMessageContaining("someone edited");
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void regeneratingReplacesOnlyTheNotesAndKeepsEveryEditAroundThem() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    post(day).run();
    String written = day.website().file("release-0-57", POST);
    String edited = written.replace("Add Tado climate", "Add Tado° climate").replace("We are proud", "We are glad");
    day.website().project().commit("release-0-57", "Edit the post", Map.of(POST, edited));

    Report report = day.coreNotesThen(Website.blogPost(POST_057.toBuilder().regenerateNotes().build())).run();

    assertThat(report.step(last(report)).outcome()).isEqualTo(Outcome.DONE);
    assertThat(report.step(last(report)).detail()).contains("over a person's edits");
    assertThat(day.website().file("release-0-57", POST)).isEqualTo(written.replace("We are proud", "We are glad"));
  }

  @Test
  void notesAsGeneratedButOutOfDateAreRegeneratedWithoutBeingAsked() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    post(day).run();
    String written = day.website().file("release-0-57", POST);
    String marker = written.substring(written.indexOf("<!-- releasekit:notes 0.57 sha256:"),
        written.indexOf("-->\n", written.indexOf("<!-- releasekit:notes 0.57 sha256:")) + 4);
    String old = written.substring(written.indexOf(marker) + marker.length(),
        written.indexOf("<!-- releasekit:notes 0.57 end -->"));
    String stale = old.replace("- Add Tado climate", "- Add Tado climat");
    String staleMarker = marker.replaceFirst("sha256:[0-9a-f]{12}", "sha256:" + sha12(stale));
    day.website().project().commit("release-0-57", "An older generation", Map.of(POST,
        written.replace(marker + old, staleMarker + stale)));

    Report report = post(day).run();

    assertThat(report.step(last(report)).detail()).contains("regenerated (they changed since they were written)");
    assertThat(day.website().file("release-0-57", POST)).isEqualTo(written);
  }

  @Test
  void aPostForTheReleaseThatReleasekitDidNotWriteBlocksAndIsLeftAlone() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    String path = "source/_posts/2017-11-03-release-57.markdown";
    day.website().project().commit("release-0-57", "Start the post by hand", Map.of(path,
        "---\nlayout: post\ntitle: \"0.57\"\n---\n\nDraft.\n"));
    String before = day.fingerprint();

    assertThatThrownBy(() -> post(day).run()).isInstanceOf(ConflictException.class)
        .hasMessageContaining("2017-11-03-release-57.markdown").hasMessageContaining("did not write it");
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void aPostDateThatDoesNotParseIsATypedErrorNamingTheForm() {
    assertThatThrownBy(() -> BlogPost.builder().date("4 November 2017")).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("\"4 November 2017\"").hasMessageContaining("2017-11-04");
  }

  @Test
  void aTitleWithoutTheMinorVersionBlocksBecauseTheSiteFindsThePostByIt() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    String before = day.fingerprint();

    assertThatThrownBy(() -> day.coreNotesThen(Website.blogPost(POST_057.toBuilder().title("Translations")
        .build())).run()).isInstanceOf(PreconditionException.class).hasMessageContaining("does not contain 0.57");
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void severalCategoriesAreWrittenAsTheIndentedListOfTheSitesNewerPosts() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);

    day.coreNotesThen(Website.blogPost(POST_057.toBuilder().categories("Release-Notes", "Core").build())).run();

    assertThat(day.website().file("release-0-57", POST)).contains("comments: true\ncategories:\n"
        + "  - Release-Notes\n  - Core\nog_image:");
  }

  @Test
  void withoutCoresNotesTheStepSaysWhichStepToPutFirst() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    Release release = Release.of("0.57").date(SiteReleaseDay.DAY).repository("website", day.website().workTree())
        .hostedOn(day.website().hosting()).conventions(dev.releasekit.Conventions.homeAssistantWebsite())
        .then(Website.blogPost(POST_057));

    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("Put releaseNotes() on the core repository before this step");
    assertThat(List.of(day.website().file("release-0-57", POST) == null)).containsExactly(true);
  }

  @Test
  void aPatchReleasesNotesGoIntoTheMinorsPostOnCurrentAndItsAnchorIsTheOneTheConfigLinks() {
    GitFixture core = BugfixScenario.withZwaveFix(GitFixture.homeAssistant(temp.resolve("core")));
    GitFixture site = GitFixture.homeAssistantWebsite(temp.resolve("site"));
    String post = "source/_posts/2017-10-21-release-56.markdown";
    String handWritten = site.file("current", post);
    Release patch = Release.of("0.56.2").date(LocalDate.of(2017, 10, 25))
        .repository("core", core.workTree()).hostedOn(core.hosting())
            .cutBranch("master").cherryPickMilestone("0.56.2").bumpVersion().openPr().releaseNotes()
        .repository("website", site.workTree()).hostedOn(site.hosting()).conventions(Conventions.homeAssistantWebsite())
            .then(Website.blogPost(POST_057.toBuilder().title("0.56: Better Z-Wave").build()))
            .then(Website.releaseKeys(ReleaseKeys.builder().patchNotes(ReleaseKeys.PatchNotes.ANCHOR).build()));

    Report report = patch.run();

    String text = site.file("current", post);
    assertThat(text).startsWith(handWritten).contains("<!-- releasekit:notes 0.56.2 sha256:")
        .contains("## Release 0.56.2 - October 25\n").contains("Fix zwave crash").doesNotContain("0.57");
    assertThat(Site.slug("Release 0.56.2 - October 25")).isEqualTo("release-0562---october-25");
    assertThat(site.file("current", "_config.yml")).contains("patch_version_notes: \"#release-0562---october-25\"");
    assertThat(report.steps("website")).extracting(dev.releasekit.StepResult::outcome)
        .containsExactly(Outcome.DONE, Outcome.ALREADY_DONE);
    String after = site.fingerprint();

    assertThat(patch.run().steps("website")).extracting(dev.releasekit.StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(site.fingerprint()).isEqualTo(after);
  }

  private static String sha12(String text) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
