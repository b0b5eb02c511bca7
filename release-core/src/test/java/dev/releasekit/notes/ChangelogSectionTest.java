package dev.releasekit.notes;

import static dev.releasekit.notes.testing.NotesFixture.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.files.PrependSection;
import dev.releasekit.notes.testing.NotesFixture;
import dev.releasekit.version.Version;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangelogSectionTest {
  private static final String CHANGELOG = "# Changelog\n"
      + "\n"
      + "### 1.13.0 – Thursday 13 August\n"
      + "\n"
      + "- [Quicker access to everything](https://github.com/PostHog/posthog/pull/1265)\n"
      + "\n";

  private static ChangelogSection section114() {
    return ChangelogSection.builder()
        .version(Version.parse("1.14.0"))
        .date(LocalDate.of(2020, 9, 3))
        .body("- [Insight History](https://github.com/PostHog/posthog/pull/1379)")
        .build();
  }

  @Test
  void defaultHeadingIsPostHogs() {
    assertThat(section114().heading()).isEqualTo("### 1.14.0 - Thursday 03 September");
  }

  @Test
  void headingPrefixIsTheHeadingUpToTheVersionAndASpace() {
    assertThat(ChangelogSection.headingPrefix(Version.parse("1.14.0"))).isEqualTo("### 1.14.0 ");
    assertThat(section114().headingPrefix()).isEqualTo("### 1.14.0 ");
  }

  @Test
  void textIsHeadingBlankLineBodyBlankLine() {
    assertThat(section114().text()).isEqualTo("### 1.14.0 - Thursday 03 September\n"
        + "\n"
        + "- [Insight History](https://github.com/PostHog/posthog/pull/1379)\n"
        + "\n");
  }

  @Test
  void featBangAndBreakingChangeFootersLandUnderBreakingChangesBeforeTheRest() {
    NotesFixture.Release release = NotesFixture.postHog1310();
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("1.31.0")).style(NotesStyle.postHog())
        .commits(release.commits()).pullRequests(release.pullRequests()).build();
    String text = ChangelogSection.builder().version(Version.parse("1.31.0")).date(NotesFixture.POSTHOG_DATE)
        .entries(notes.entries()).build().text();
    assertThat(text).startsWith("### 1.31.0 - Thursday 16 December\n\n#### Breaking Changes\n\n"
        + "- [Drop Python 3.7 support](https://github.com/PostHog/posthog/pull/7005)\n"
        + "- [Split event endpoint](https://github.com/PostHog/posthog/pull/7008)\n\n#### Other changes\n\n");
    assertThat(text.indexOf("7005")).isEqualTo(text.lastIndexOf("7005"));
  }

  @Test
  void sectionFromNoteEntriesMatchesTheCheckedInFile() {
    NotesFixture.Release release = NotesFixture.postHog1310();
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("1.31.0")).style(NotesStyle.postHog())
        .commits(release.commits()).pullRequests(release.pullRequests()).build();
    ChangelogSection section = ChangelogSection.builder()
        .version(Version.parse("1.31.0"))
        .date(NotesFixture.POSTHOG_DATE)
        .entries(notes.entries())
        .build();
    assertThat(section.text()).isEqualTo(expected("changelog-1.31.0.md"));
  }

  @Test
  void insertGoesBeforeTheNewestSectionAndASecondInsertChangesNothing() {
    String once = section114().insertInto(CHANGELOG);
    assertThat(once).isEqualTo("# Changelog\n"
        + "\n"
        + "### 1.14.0 - Thursday 03 September\n"
        + "\n"
        + "- [Insight History](https://github.com/PostHog/posthog/pull/1379)\n"
        + "\n"
        + "### 1.13.0 – Thursday 13 August\n"
        + "\n"
        + "- [Quicker access to everything](https://github.com/PostHog/posthog/pull/1265)\n"
        + "\n");
    assertThat(section114().insertInto(once)).isSameAs(once);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.31.1 | ### 1.31.1 - Friday 17 December 2021",
      "1.30.0 | ### 1.30.0 - Wednesday 17 November 2021",
      "1.14.0 | ### 1.14.0 - Thursday 03 September",
      "1.13.0 | ### 1.13.0 \u2013 Thursday 13 August",
      "1.10.1 | ### 1.10.1 - Thursday 2 July 2020",
  })
  void everyRealPostHogHeadingIsRecognisedSoARerunChangesNothing(String version, String heading) {
    String changelog = "# Changelog\n\n" + heading + "\n\n## Product\n\n- A\n\n#### Fixes\n\n- B\n\n"
        + "### 1.0.0 - Monday 6 January 2020\n\n- Start\n";
    ChangelogSection section = ChangelogSection.builder().version(Version.parse(version))
        .date(LocalDate.of(2021, 12, 17)).body("- Again").build();

    assertThat(section.isPresentIn(changelog)).isTrue();
    assertThat(section.insertInto(changelog)).isSameAs(changelog);
    assertThat(PrependSection.at("CHANGELOG.md").hasSection(
        changelog.getBytes(StandardCharsets.UTF_8),
        ChangelogSection.headingPrefix(Version.parse(version)).strip())).isTrue();
    assertThat(ChangelogSection.builder().version(Version.parse("1.31.2")).date(LocalDate.of(2021, 12, 18))
        .body("- New").build().isPresentIn(changelog)).isFalse();
  }

  @Test
  void handWrittenHeadingWithAnotherDashCountsAsPresent() {
    ChangelogSection section113 = ChangelogSection.builder()
        .version(Version.parse("1.13.0")).date(LocalDate.of(2020, 8, 13)).body("x").build();
    assertThat(section113.isPresentIn(CHANGELOG)).isTrue();
    assertThat(section113.insertInto(CHANGELOG)).isSameAs(CHANGELOG);
    assertThat(section114().isPresentIn(CHANGELOG)).isFalse();
  }

  @Test
  void versionThatIsAPrefixOfAnotherIsNotMistakenForIt() {
    ChangelogSection section11 = ChangelogSection.builder()
        .version(Version.parse("1.1.0")).date(LocalDate.of(2020, 1, 2)).body("x").build();
    assertThat(section11.isPresentIn("### 1.1.01 - Monday 01 January\n")).isFalse();
  }

  @Test
  void patternEndingWithTheVersionStillTellsVersionsApart() {
    ChangelogSection section = ChangelogSection.builder()
        .version(Version.parse("1.1.0")).headingPattern("## {version}").body("x").build();
    assertThat(section.isPresentIn("## 1.1.01\n")).isFalse();
    assertThat(section.isPresentIn("## 1.1.0\n")).isTrue();
    assertThat(section.isPresentIn("## 1.1.0 (yanked)\n")).isTrue();
  }

  @Test
  void changelogWithoutSectionsGetsTheSectionAppended() {
    assertThat(section114().insertInto("# Changelog\n")).isEqualTo("# Changelog\n\n" + section114().text());
    assertThat(section114().insertInto("")).isEqualTo(section114().text());
  }

  @Test
  void customPatternFormatsDateInEnglish() {
    ChangelogSection section = ChangelogSection.builder()
        .version(Version.parse("2.0.0"))
        .date(LocalDate.of(2021, 12, 16))
        .headingPattern("## [{version}] - {date:yyyy-MM-dd} ({date:EEEE})")
        .build();
    assertThat(section.heading()).isEqualTo("## [2.0.0] - 2021-12-16 (Thursday)");
    assertThat(section.headingPrefix()).isEqualTo("## [2.0.0]");
    assertThat(section.isPresentIn("## [2.0.01] - 2021-12-17\n")).isFalse();
    assertThat(section.isPresentIn("## [2.0.0] - 2021-12-15\n")).isTrue();
    assertThat(section.text()).isEqualTo("## [2.0.0] - 2021-12-16 (Thursday)\n\n");
  }

  @Test
  void badPatternsAndMissingInputsAreTypedErrors() {
    assertThatThrownBy(() -> ChangelogSection.builder().version(Version.parse("1.0.0"))
        .headingPattern("### {release}").build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("{release}");
    assertThatThrownBy(() -> ChangelogSection.builder().version(Version.parse("1.0.0"))
        .headingPattern("### {date:yyyy-MM-dd}").date(LocalDate.of(2020, 1, 1)).build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("{version}");
    assertThatThrownBy(() -> ChangelogSection.builder().version(Version.parse("1.0.0")).build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("date(LocalDate)");
    assertThatThrownBy(() -> ChangelogSection.builder().date(LocalDate.of(2020, 1, 1)).build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("version(");
    assertThatThrownBy(() -> ChangelogSection.builder().version(Version.parse("1.0.0"))
        .headingPattern("### {version} {date:qqqqqq}").date(LocalDate.of(2020, 1, 1)).build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("java.time pattern");
    assertThatThrownBy(() -> ChangelogSection.builder().version(Version.parse("1.0.0"))
        .date(LocalDate.of(2020, 1, 1)).body("x").entries(java.util.List.of()).build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("one of them");
  }
}
