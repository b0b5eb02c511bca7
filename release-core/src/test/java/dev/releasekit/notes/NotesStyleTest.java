package dev.releasekit.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.notes.NotesStyle.Applies;
import dev.releasekit.notes.NotesStyle.Rule;
import dev.releasekit.notes.NotesStyle.Section;
import dev.releasekit.notes.testing.NotesFixture;
import dev.releasekit.version.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotesStyleTest {

  @Test
  void homeAssistantSectionsComeInHassReleaseOrder() {
    assertThat(NotesStyle.homeAssistant().sections()).extracting(Section::heading).containsExactly(
        "New Integrations", "New Platforms", "Breaking Changes", "Beta Fixes", "All changes");
    assertThat(NotesStyle.homeAssistant().sections().get(3).applies()).isEqualTo(Applies.DOT_ZERO_RELEASES);
    assertThat(NotesStyle.homeAssistant().patchHeading()).contains("## Release {version} - {date:MMMM d}");
  }

  @Test
  void conventionalPresetsNameTheirSections() {
    assertThat(NotesStyle.semver().sections()).extracting(Section::heading)
        .containsExactly("Breaking Changes", "Features", "Bug Fixes", "Other changes");
    assertThat(NotesStyle.postHog().sections()).extracting(Section::heading)
        .containsExactly("Breaking Changes", "Features", "Bug Fixes and Performance Improvements", "Other changes");
    assertThat(NotesStyle.semver().patchHeading()).isEmpty();
  }

  @Test
  void toBuilderRoundTripsAndPresetsAreEqualValues() {
    assertThat(NotesStyle.homeAssistant().toBuilder().build()).isEqualTo(NotesStyle.homeAssistant())
        .hasSameHashCodeAs(NotesStyle.homeAssistant());
    assertThat(NotesStyle.postHog()).isNotEqualTo(NotesStyle.semver());
  }

  @Test
  void semverStyleSortsFixesAndPerfDifferentlyFromPostHog() {
    NotesFixture.Release release = NotesFixture.postHog1310();
    String semver = ReleaseNotes.builder().version(Version.parse("1.31.0")).style(NotesStyle.semver())
        .commits(release.commits()).pullRequests(release.pullRequests()).build().render(Variant.GITHUB);
    assertThat(semver).contains("## Bug Fixes\n\n- Correct funnel conversion rounding")
        .contains("## Other changes\n\n- Bump posthog-js to 1.16.0 ([@dependabot\\[bot\\]] - [#7004])\n"
            + "- **ingestion:** Batch person updates");
  }

  @Test
  void customStyleWithLabelSectionsAndDecorations() {
    NotesStyle style = NotesStyle.builder()
        .section("Highlights", Rule.label("highlight"))
        .section("Everything else", Rule.unmatched())
        .decoration("highlight", "(star)")
        .build();
    var commits = List.of(
        NotesFixture.commit(1, "Add a star feature (#1)", "A", "a@example.com"),
        NotesFixture.commit(2, "Tidy up (#2)", "B", "b@example.com"));
    var prs = Map.of(
        1, NotesFixture.pullRequest(1, "Add a star feature", "alice", null, "https://x.example/pull/", "highlight"),
        2, NotesFixture.pullRequest(2, "Tidy up", "bob", null, "https://x.example/pull/"));
    String text = ReleaseNotes.builder().version(Version.parse("1.0.0")).style(style)
        .commits(commits).pullRequests(prs).build().render(Variant.WEBSITE);
    assertThat(text).isEqualTo("## Highlights\n"
        + "\n"
        + "- Add a star feature ([@alice] - [#1]) (star)\n"
        + "\n"
        + "## Everything else\n"
        + "\n"
        + "- Tidy up ([@bob] - [#2])\n"
        + "\n"
        + "[#1]: https://x.example/pull/1\n"
        + "[#2]: https://x.example/pull/2\n"
        + "[@alice]: https://github.com/alice\n"
        + "[@bob]: https://github.com/bob\n");
  }

  @Test
  void invalidStylesAreRefusedWithHints() {
    assertThatThrownBy(() -> NotesStyle.builder().section(" ", Rule.all()))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("section heading");
    assertThatThrownBy(() -> NotesStyle.builder().section("A", Rule.all()).section("A", Rule.all()))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("own heading");
    assertThatThrownBy(() -> NotesStyle.builder().section("A", Rule.all()).websiteHelp("Help", "B").build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("[A]");
    assertThatThrownBy(() -> NotesStyle.builder().patchHeading("## {versoin}"))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("{versoin}");
    assertThatThrownBy(() -> Rule.label())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("at least one label");
    assertThatThrownBy(() -> NotesStyle.builder().decoration("x", "two\nlines"))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("one line");
  }
}
