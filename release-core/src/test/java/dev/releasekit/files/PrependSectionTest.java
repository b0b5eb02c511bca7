package dev.releasekit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrependSectionTest {

  private static final String CHANGELOG = """
      # Changelog

      Notable changes, newest first. Ünïcode 🚀.

      ### 1.30.0 - Tuesday 16 November

      - Session recordings are faster

      ### 1.29.0 - Wednesday 20 October

      - Funnels
      """;

  private static final String SECTION = "### 1.31.0 - Thursday 16 December\n\n- Insights load 2x faster\n";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSectionGoesBeforeTheNewestSectionAfterTheTitle() {
    PrependSection changelog = PrependSection.at("CHANGELOG.md");
    byte[] before = utf8(CHANGELOG);

    byte[] after = changelog.prepend(before, SECTION);

    assertThat(changelog.hasSection(before, "### 1.31.0")).isFalse();
    assertThat(changelog.hasSection(after, "### 1.31.0")).isTrue();
    assertThat(after).isEqualTo(utf8(CHANGELOG.replace("### 1.30.0",
        "### 1.31.0 - Thursday 16 December\n\n- Insights load 2x faster\n\n### 1.30.0")));
  }

  @Test
  void prependingTheSameSectionAgainChangesNothing() {
    PrependSection changelog = PrependSection.at("CHANGELOG.md");
    byte[] once = changelog.prepend(utf8(CHANGELOG), SECTION);

    assertThat(changelog.prepend(once, SECTION)).isEqualTo(once);
  }

  @Test
  void hasSectionMatchesWholeVersionsOnly() {
    PrependSection changelog = PrependSection.at("CHANGELOG.md");
    byte[] content = utf8(CHANGELOG + "\n### 1.28.0-rc.1 - Monday\n");

    assertThat(changelog.hasSection(content, "### 1.30.0")).isTrue();
    assertThat(changelog.hasSection(content, "### 1.30.0 - ")).isTrue();
    assertThat(changelog.hasSection(content, "### 1.3")).isFalse();
    assertThat(changelog.hasSection(content, "### 1.28.0")).isFalse();
    assertThat(changelog.hasSection(content, "### 1.28.0-rc.1")).isTrue();
    assertThat(changelog.hasSection(content, "## 1.30.0")).isFalse();
  }

  @Test
  void crlfChangelogsGetCrlfSections() {
    String crlf = CHANGELOG.replace("\n", "\r\n");

    byte[] after = PrependSection.at("CHANGELOG.md").prepend(utf8(crlf), SECTION);

    assertThat(after).isEqualTo(utf8(CHANGELOG.replace("### 1.30.0",
        "### 1.31.0 - Thursday 16 December\n\n- Insights load 2x faster\n\n### 1.30.0").replace("\n", "\r\n")));
  }

  @Test
  void aChangelogWithOnlyATitleGetsTheSectionAfterIt() {
    PrependSection changelog = PrependSection.at("CHANGELOG.md");

    assertThat(changelog.prepend(utf8("# Changelog\n"), SECTION))
        .isEqualTo(utf8("# Changelog\n\n" + SECTION));
    assertThat(changelog.prepend(utf8("# Changelog"), SECTION))
        .isEqualTo(utf8("# Changelog\n\n" + SECTION));
    assertThat(changelog.prepend(new byte[0], SECTION)).isEqualTo(utf8(SECTION));
  }

  @Test
  void headingsInsideCodeFencesAreNotSections() {
    String withFence = "# Changelog\n\n```\n### 9.9.9 - not a heading\n```\n\n### 1.30.0 - Tuesday\n";
    PrependSection changelog = PrependSection.at("CHANGELOG.md");

    byte[] after = changelog.prepend(utf8(withFence), SECTION);

    assertThat(changelog.hasSection(utf8(withFence), "### 9.9.9")).isFalse();
    assertThat(after).isEqualTo(utf8(withFence.replace("### 1.30.0", SECTION + "\n### 1.30.0")));
  }

  @Test
  void aSectionWithoutAHeadingAndNullContentAreTypedErrors() {
    PrependSection changelog = PrependSection.at("CHANGELOG.md");

    assertThatThrownBy(() -> changelog.prepend(utf8(CHANGELOG), "- just a bullet\n"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("CHANGELOG.md")
        .hasMessageContaining("heading");
    assertThatThrownBy(() -> changelog.hasSection(utf8(CHANGELOG), "1.30.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("### 1.31.0");
    assertThatThrownBy(() -> changelog.prepend(null, SECTION))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("CHANGELOG.md");
  }
}
