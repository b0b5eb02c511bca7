package dev.releasekit.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Conventions;
import dev.releasekit.PreconditionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

  /** Home Assistant's own version_bump test table, plus RELEASE and MAJOR rows. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
      "BETA, 0.56.0, 0.56.1b0",
      "BETA, 0.56.0b3, 0.56.0b4",
      "BETA, 0.56.0.dev0, 0.56.0b0",
      "DEV, 0.56.3, 0.57.0.dev0",
      "DEV, 0.56.0.dev0, 0.56.0.dev1",
      "PATCH, 0.56.3, 0.56.4",
      "PATCH, 0.56.3b3, 0.56.3",
      "MINOR, 0.56.0b3, 0.56.0",
      "MINOR, 0.56.2.dev0, 0.57.0",
      "RELEASE, 0.57.0.dev0, 0.57.0",
      "RELEASE, 0.57.0b2, 0.57.0",
      "MAJOR, 0.56.3, 1.0.0",
      "MAJOR, 1.0.0b3, 1.0.0",
      "MAJOR, 1.2.0.dev0, 2.0.0",
      "MINOR, 0.56.3, 0.57.0",
      "DEV, 0.56.0b3, 0.57.0.dev0",
      "PATCH, 0.56.3.dev0, 0.56.3",
      "BETA, 0.56.0rc1, 0.56.1b0",
      "DEV, 2023.11.0, 2023.12.0.dev0",
  })
  void pep440BumpsFollowHomeAssistantsTable(Bump bump, String from, String to) {
    Version before = Version.parse(from, VersionScheme.PEP440);
    Version after = before.bump(bump);

    assertThat(after.toString()).isEqualTo(to);
    assertThat(after.scheme()).isEqualTo(VersionScheme.PEP440);
    assertThat(after.isAfter(before)).isTrue();
  }

  /** The bump table of processes/facts.md, read as plain text the way a user types it. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
      "BETA, 0.56.0, 0.56.1b0",
      "BETA, 0.56.0b3, 0.56.0b4",
      "BETA, 0.56.0.dev0, 0.56.0b0",
      "DEV, 0.56.3, 0.57.0.dev0",
      "DEV, 0.56.0.dev0, 0.56.0.dev1",
      "PATCH, 0.56.3, 0.56.4",
      "PATCH, 0.56.3b3, 0.56.3",
      "MINOR, 0.56.0b3, 0.56.0",
      "MINOR, 0.56.2.dev0, 0.57.0",
  })
  void theFactsBumpTablePrintsInHomeAssistantsFormUnderHomeAssistantsConventions(Bump bump, String from, String to) {
    Conventions homeAssistant = Conventions.homeAssistant();

    Version after = homeAssistant.version(from).bump(bump);

    assertThat(after).hasToString(to);
    assertThat(homeAssistant.format(Version.parse(from).bump(bump))).isEqualTo(to);
  }

  @Test
  void aVersionPrintsInTheConventionsSchemeWhateverFormItWasParsedFrom() {
    assertThat(Version.parse("0.56.3").bump(Bump.DEV)).hasToString("0.57.0-dev.0");
    assertThat(Conventions.homeAssistant().version("0.56.3").bump(Bump.DEV)).hasToString("0.57.0.dev0");
    assertThat(Conventions.homeAssistant().version("0.57.0-dev.0")).hasToString("0.57.0.dev0");
    assertThat(Conventions.semver().version("1.2.0.dev0")).hasToString("1.2.0-dev.0");
    assertThat(Conventions.semver().format(Version.parse("0.57b1"))).isEqualTo("0.57.0-beta.1");
    assertThat(Conventions.postHog().format(Version.parse("1.31.0"))).isEqualTo("1.31.0");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "0.57b1, 0.57.0b1",
      "0.57b0, 0.57.0b0",
      "0.57rc2, 0.57.0rc2",
      "0.57.dev0, 0.57.0.dev0",
      "2023.11b3, 2023.11.0b3",
  })
  void homeAssistantsShortFormsWithoutThePatchNumberParse(String text, String canonical) {
    Version v = Version.parse(text);

    assertThat(v).hasToString(canonical);
    assertThat(v.scheme()).isEqualTo(VersionScheme.PEP440);
    assertThat(v.patch()).isZero();
    assertThat(Version.parse(text, VersionScheme.PEP440)).isEqualTo(Version.parse(canonical));
  }

  @Test
  void theShortBetaIsABetaOfTheXY0Release() {
    Version beta = Version.parse("0.57b1");

    assertThat(beta.isBeta()).isTrue();
    assertThat(Version.parse("0.57.0").isAfter(beta)).isTrue();
    assertThat(beta.isAfter(Version.parse("0.57b0"))).isTrue();
    assertThat(beta.bump(Bump.BETA)).hasToString("0.57.0b2");
    assertThat(beta.bump(Bump.RELEASE)).hasToString("0.57.0");
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
      "BETA, 1.2.3, 1.2.4-beta.0",
      "BETA, 1.2.3-beta.3, 1.2.3-beta.4",
      "BETA, 1.2.3-dev.0, 1.2.3-beta.0",
      "BETA, 1.2.3-alpha.1, 1.2.3-beta.0",
      "BETA, 1.2.3-rc.1, 1.2.4-beta.0",
      "DEV, 1.2.3, 1.3.0-dev.0",
      "DEV, 1.3.0-dev.0, 1.3.0-dev.1",
      "PATCH, 1.2.3, 1.2.4",
      "PATCH, 1.2.3-beta.3, 1.2.3",
      "PATCH, 1.2.3+build.7, 1.2.4",
      "MINOR, 1.3.0-beta.3, 1.3.0",
      "MINOR, 1.2.2-dev.0, 1.3.0",
      "RELEASE, 1.3.0-dev.0, 1.3.0",
      "RELEASE, 1.3.0-rc.2, 1.3.0",
      "MAJOR, 1.2.3, 2.0.0",
      "MAJOR, 2.0.0-rc.1, 2.0.0",
  })
  void semverBumpsMoveLikeHomeAssistantsWithSemverSpelling(Bump bump, String from, String to) {
    Version before = Version.parse(from, VersionScheme.SEMVER);
    Version after = before.bump(bump);

    assertThat(after.toString()).isEqualTo(to);
    assertThat(after.scheme()).isEqualTo(VersionScheme.SEMVER);
    assertThat(after.isAfter(before)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.57.0", "1.2.3", "2023.11.0"})
  void releaseBumpOfAReleaseIsRefusedWithAHint(String text) {
    assertThatThrownBy(() -> Version.parse(text).bump(Bump.RELEASE))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining(text)
        .hasMessageContaining("already a release")
        .hasMessageContaining("PATCH, MINOR or MAJOR");
  }

  @Test
  void noBumpEverGoesBackwardsAcrossASweepOfVersions() {
    List<String> stages = List.of("", "b0", "b3", "rc1", ".dev0", ".dev4");
    List<String> semverStages = List.of("", "-beta.0", "-beta.3", "-rc.1", "-dev.0", "-dev.4", "-alpha.1", "-pre",
        "+build.5", "-beta.2+b");
    int checked = 0;
    for (int major = 0; major <= 2; major++) {
      for (int minor = 0; minor <= 3; minor++) {
        for (int patch = 0; patch <= 3; patch++) {
          List<Version> versions = new ArrayList<>();
          for (String s : stages) {
            versions.add(Version.parse(major + "." + minor + "." + patch + s, VersionScheme.PEP440));
          }
          for (String s : semverStages) {
            versions.add(Version.parse(major + "." + minor + "." + patch + s, VersionScheme.SEMVER));
          }
          for (Version v : versions) {
            for (Bump bump : Bump.values()) {
              if (bump == Bump.RELEASE && !v.isPreRelease()) {
                continue;
              }
              Version next = v.bump(bump);
              assertThat(next.isAfter(v)).as("%s %s -> %s", bump, v, next).isTrue();
              assertThat(Version.parse(next.toString(), next.scheme())).as("%s round-trips", next).isEqualTo(next);
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(3000);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "0.57, PEP440, 0.57.0",
      "0.57.0, SEMVER, 0.57.0",
      "0.57.2, SEMVER, 0.57.2",
      "0.57.0b1, PEP440, 0.57.0b1",
      "0.57.0rc1, PEP440, 0.57.0rc1",
      "0.57.0.dev0, PEP440, 0.57.0.dev0",
      "2023.11.0, SEMVER, 2023.11.0",
      "1.2.3-rc.1, SEMVER, 1.2.3-rc.1",
      "1.2.3-pre, SEMVER, 1.2.3-pre",
      "1.2.3+build.5, SEMVER, 1.2.3+build.5",
      "1.2.3-beta.0+exp.sha.5114f85, SEMVER, 1.2.3-beta.0+exp.sha.5114f85",
  })
  void parseInfersTheSchemeAndPrintsCanonically(String text, VersionScheme scheme, String canonical) {
    Version v = Version.parse(text);

    assertThat(v.scheme()).isEqualTo(scheme);
    assertThat(v).hasToString(canonical);
  }

  @Test
  void partsAndStagesAreExposed() {
    Version dev = Version.parse("0.57.0.dev0");
    Version beta = Version.parse("2023.11.2b3");
    Version rc = Version.parse("1.2.3-rc.1");
    Version release = Version.parse("0.57");

    assertThat(List.of(beta.major(), beta.minor(), beta.patch())).containsExactly(2023, 11, 2);
    assertThat(dev.isDev()).isTrue();
    assertThat(dev.isPreRelease()).isTrue();
    assertThat(beta.isBeta()).isTrue();
    assertThat(beta.isDev()).isFalse();
    assertThat(rc.isReleaseCandidate()).isTrue();
    assertThat(release.isPreRelease()).isFalse();
    assertThat(release.isRelease()).isTrue();
    assertThat(Version.parse("1.2.3-pre").isPreRelease()).isTrue();
    assertThat(Version.parse("1.2.3+b").isRelease()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "0.57.0, 0",
      "0.57.2, 2",
      "0.57.0b0, 0b0",
      "0.57.0.dev0, 0.dev0",
      "0.57, 0",
  })
  void patchLabelIsHomeAssistantsPatchVersion(String text, String label) {
    assertThat(Version.parse(text, VersionScheme.PEP440).patchLabel()).isEqualTo(label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.57x", "", "1.2.3;rm -rf", "v1", "1.2.3.4", "v1.2.3", " 1.2.3", "1.2.3 ", "01.2.3",
      "1.2", "1.2.3-", "0.57.0.dev", "0.57b", "1.2.3-01", "99999999999.0.0", "0.57.0\n"})
  void unacceptableTextIsATypedErrorQuotingTheInputAndListingTheForms(String text) {
    if (text.equals("1.2")) {
      // x.y is PEP 440's short form, so it parses; as SEMVER it does not.
      assertThatThrownBy(() -> Version.parse(text, VersionScheme.SEMVER))
          .isInstanceOf(PreconditionException.class)
          .hasMessageContaining("\"1.2\"")
          .hasMessageContaining("1.2.3-rc.1");
      return;
    }
    assertThatThrownBy(() -> Version.parse(text))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining("0.57.0.dev0")
        .hasMessageContaining("0.57.0b1")
        .hasMessageContaining("1.2.3-rc.1");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void nullAndEmptyAreTypedErrorsNotNullPointers(String text) {
    assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(PreconditionException.class);
    assertThatThrownBy(() -> Version.parse(text, VersionScheme.PEP440)).isInstanceOf(PreconditionException.class);
    assertThatThrownBy(() -> Version.parse(text, VersionScheme.SEMVER)).isInstanceOf(PreconditionException.class);
  }

  @Test
  void parseWithASchemeAcceptsOnlyThatSchemesForms() {
    assertThatThrownBy(() -> Version.parse("1.2.3-rc.1", VersionScheme.PEP440))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("PEP440")
        .hasMessageContaining("0.57.0.dev0");
    assertThatThrownBy(() -> Version.parse("0.57.0.dev0", VersionScheme.SEMVER))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("SEMVER");
    assertThat(Version.parse("0.57.0", VersionScheme.PEP440).scheme()).isEqualTo(VersionScheme.PEP440);
  }

  @Test
  void devComesBeforeBetaBeforeCandidateBeforeReleaseThenNumbersDecide() {
    List<String> ordered = List.of("0.56.3", "0.57.0.dev0", "0.57.0.dev1", "0.57.0b0", "0.57.0b1", "0.57.0b10",
        "0.57.0rc1", "0.57.0", "0.57.1.dev0", "0.57.1", "0.58.0.dev0", "1.0.0");
    List<Version> shuffled = new ArrayList<>();
    for (String s : ordered) {
      shuffled.add(Version.parse(s));
    }
    Collections.reverse(shuffled);
    Collections.sort(shuffled);

    assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(ordered);
  }

  @Test
  void semverPreReleasesWithoutAStageKeepSemverPrecedence() {
    List<String> ordered = List.of("1.0.0-dev.3", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
    List<Version> versions = new ArrayList<>();
    for (String s : ordered) {
      versions.add(Version.parse(s));
    }
    List<Version> sorted = new ArrayList<>(versions);
    Collections.shuffle(sorted, new java.util.Random(7));
    Collections.sort(sorted);

    assertThat(sorted).containsExactlyElementsOf(versions);
  }

  @Test
  void theSchemeIsOnlyASpellingForEquality() {
    assertThat(Version.parse("0.57.0.dev0")).isEqualTo(Version.parse("0.57.0-dev.0"))
        .hasSameHashCodeAs(Version.parse("0.57.0-dev.0"));
    assertThat(Version.parse("0.57")).isEqualTo(Version.parse("0.57.0"));
    assertThat(Version.parse("1.2.3+a")).isNotEqualTo(Version.parse("1.2.3+b"));
    assertThat(Version.parse("0.57.0b1")).isNotEqualTo(Version.parse("0.57.0rc1"));
    assertThat(Version.parse("0.57.1").isAfter(Version.parse("0.57.0"))).isTrue();
    assertThat(Version.parse("0.57.0").isAfter(Version.parse("0.57.0"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "0.57.0.dev0, 0.57.0-dev.0",
      "0.57.0b1, 0.57.0-beta.1",
      "0.57.0rc2, 0.57.0-rc.2",
      "0.57.0, 0.57.0",
  })
  void inSchemeConvertsDevAndBetaBetweenSpellings(String pep440, String semver) {
    Version pep = Version.parse(pep440, VersionScheme.PEP440);
    Version sem = pep.inScheme(VersionScheme.SEMVER);

    assertThat(sem).hasToString(semver);
    assertThat(sem.scheme()).isEqualTo(VersionScheme.SEMVER);
    assertThat(sem.inScheme(VersionScheme.PEP440)).hasToString(pep440);
    assertThat(Version.parse(semver, VersionScheme.SEMVER).inScheme(VersionScheme.PEP440)).hasToString(pep440);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3-alpha.1", "1.2.3-pre", "1.2.3+build.5", "1.2.3-beta.1+b"})
  void inSchemeRefusesWhatPep440CannotSpell(String text) {
    assertThatThrownBy(() -> Version.parse(text).inScheme(VersionScheme.PEP440))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining(text)
        .hasMessageContaining("PEP 440");
  }
}
