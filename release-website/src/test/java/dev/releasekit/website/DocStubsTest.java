package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.testing.HomeAssistantFiles;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documentation stubs for the integrations a release brings, never over a page that exists. */
class DocStubsTest {
  @TempDir
  Path temp;

  private static Release stubs(SiteReleaseDay day) {
    return day.coreNotesThen(Website.docStubs());
  }

  private static dev.releasekit.StepResult last(Report report) {
    return report.step(report.steps().size());
  }

  @Test
  void eachNewIntegrationWithoutAPageGetsAStubInOneCommitAndTheStepListsThem() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);

    Report report = stubs(day).run();

    assertThat(last(report).outcome()).isEqualTo(Outcome.DONE);
    assertThat(last(report).output()).isEqualTo("source/_integrations/ring.markdown (#10004)\n"
        + "source/_integrations/tado.markdown (#9983)");
    assertThat(report.result(DocStubs.WRITTEN).orElseThrow().pullRequestByPath()).containsOnly(
        Map.entry("source/_integrations/ring.markdown", 10004), Map.entry("source/_integrations/tado.markdown", 9983));
    assertThat(day.website().file("release-0-57", "source/_integrations/tado.markdown")).isEqualTo("""
        ---
        title: Tado
        description: Instructions on how to integrate Tado with Home Assistant.
        ha_release: '0.57'
        ha_domain: tado
        ha_codeowners:
          - '@juergen-w'
        ---

        <!-- A stub written by releasekit for #9983: describe the integration and its configuration here. -->
        """);
    assertThat(day.website().file("release-0-57", "source/_integrations/ring.markdown"))
        .contains("ha_category:\n  - Binary Sensor\nha_release: '0.57'\nha_domain: ring\n");
    assertThat(day.website().commit("release-0-57").getFullMessage()).isEqualTo("Add documentation stubs for 0.57");
  }

  @Test
  void pagesThatExistAreLeftByteForByteAndNamedInTheDetail() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    String kulersky = day.website().file("release-0-57", "source/_integrations/kulersky.markdown");

    Report report = stubs(day).run();

    assertThat(last(report).detail()).contains("left alone: source/_integrations/fail2ban.markdown,"
        + " source/_integrations/kulersky.markdown");
    assertThat(day.website().file("release-0-57", "source/_integrations/fail2ban.markdown"))
        .isEqualTo(HomeAssistantFiles.FAIL2BAN_PAGE);
    assertThat(day.website().file("release-0-57", "source/_integrations/kulersky.markdown")).isEqualTo(kulersky);
  }

  @Test
  void aRerunFindsEveryPageAndWritesNothing() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    stubs(day).run();
    String before = day.fingerprint();

    Report again = stubs(day).run();

    assertThat(last(again).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(again.result(DocStubs.WRITTEN).orElseThrow().pullRequestByPath()).isEmpty();
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void theOldComponentsFolderIsNamedByTheWholeLabel() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);

    day.coreNotesThen(Website.docStubs(DocStubs.builder().componentsFolder().build())).run();

    assertThat(day.website().file("release-0-57", "source/_components/binary_sensor.ring.markdown")).isNotNull();
    assertThat(day.website().file("release-0-57", "source/_components/sensor.fail2ban.markdown"))
        .as("the page there since next's docs commit").isNotNull();
    assertThat(day.website().file("release-0-57", "source/_components/kulersky.markdown")).contains("title: Kulersky");
  }

  @Test
  void anIntegrationLabelThatIsNoDomainIsATypedErrorAndNothingIsWritten() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    day.scenario().withNewIntegration(9990, "Add Hue sync box", "hue-fan", "new-integration",
        "integration: Hue Sync Box");
    String before = day.fingerprint();

    assertThatThrownBy(() -> stubs(day).run()).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("#9990").hasMessageContaining("\"integration: Hue Sync Box\"")
        .hasMessageContaining("not an integration domain");
    assertThat(day.fingerprint()).isEqualTo(before);
  }

  @Test
  void aNewIntegrationWithoutADomainLabelSaysWhichLabelToAdd() {
    SiteReleaseDay day = SiteReleaseDay.prepare(temp);
    day.scenario().withNewIntegration(9990, "Add Hue sync box", "hue-fan", "new-integration");

    assertThatThrownBy(() -> stubs(day).run()).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("#9990").hasMessageContaining("names no domain")
        .hasMessageContaining("\"integration: <domain>\"");
  }
}
