package dev.releasekit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Bump;
import dev.releasekit.version.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlValueTest {

  /** PostHog's charts-clickhouse values.yaml image block, with comments and non-ASCII text before the values. */
  private static final String VALUES = """
      # Default values for PostHog — déploiement 🚀
      cloud: "private"  # where the chart runs

      image:
        # The image repository.
        repository: posthog/posthog
        sha:
        tag:
        # Pin a release with ":release-x.y.z".
        default: ":release-1.31.0"   # bumped by releasekit
        pullPolicy: IfNotPresent

      web:
        replicacount: 1
      """;

  private static final String CHART = """
      apiVersion: v2
      name: posthog
      description: Posthog Helm chart — ñ 😀
      type: application
      # The chart's own version; bump it with the bump patch/minor/major labels.
      version: 7.0.2
      # The PostHog release this chart deploys.
      appVersion: 1.31.0
      dependencies:
        - name: postgresql
          version: 8.6.1
      """;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void helmImageTagChangesOnlyItsCharactersAndKeepsCommentsAndOrder() {
    YamlValue tag = YamlValue.at("charts/posthog/values.yaml", "image.default");

    byte[] after = tag.writeValue(utf8(VALUES), ":release-1.32.0");

    assertThat(tag.readValue(utf8(VALUES))).isEqualTo(":release-1.31.0");
    assertThat(after).isEqualTo(utf8(VALUES.replace("\":release-1.31.0\"", "\":release-1.32.0\"")));
  }

  @Test
  void chartAppVersionIsBumpedAfterNonAsciiTextWithoutTouchingTheChartVersion() {
    YamlValue appVersion = YamlValue.at("charts/posthog/Chart.yaml", "appVersion");
    byte[] before = utf8(CHART);

    Version current = appVersion.read(before);
    byte[] after = appVersion.write(before, current.bump(Bump.PATCH));

    assertThat(current).hasToString("1.31.0");
    assertThat(after).isEqualTo(utf8(CHART.replace("appVersion: 1.31.0", "appVersion: 1.31.1")));
    assertThat(YamlValue.at("charts/posthog/Chart.yaml", "version").readValue(after)).isEqualTo("7.0.2");
  }

  @Test
  void aPlainValueThatWouldChangeTypeIsQuoted() {
    YamlValue appVersion = YamlValue.at("Chart.yaml", "appVersion");

    byte[] after = appVersion.writeValue(utf8(CHART), "1.32");

    assertThat(after).isEqualTo(utf8(CHART.replace("appVersion: 1.31.0", "appVersion: \"1.32\"")));
    assertThat(appVersion.readValue(after)).isEqualTo("1.32");
  }

  @Test
  void aPlainNumberStaysAPlainNumber() {
    String config = "# Home Assistant release details\ncurrent_major_version: 0\ncurrent_minor_version: 105\n"
        + "current_patch_version: 3\npatch_version_notes: \"#release-01053---february-10\"\n";
    YamlValue minor = YamlValue.at("_config.yml", "current_minor_version");
    YamlValue notes = YamlValue.at("_config.yml", "patch_version_notes");

    byte[] after = notes.writeValue(minor.writeValue(utf8(config), "106"), "#");

    assertThat(after).isEqualTo(utf8(config.replace("current_minor_version: 105", "current_minor_version: 106").replace("\"#release-01053---february-10\"", "\"#\"")));
  }

  @Test
  void anEmptyValueIsFilledInAfterTheColon() {
    YamlValue tag = YamlValue.at("charts/posthog/values.yaml", "image.tag");

    byte[] after = tag.writeValue(utf8(VALUES), "release-1.32.0");

    assertThat(tag.readValue(utf8(VALUES))).isEmpty();
    assertThat(after).isEqualTo(utf8(VALUES.replace("  tag:\n", "  tag: release-1.32.0\n")));
    assertThat(tag.readValue(after)).isEqualTo("release-1.32.0");
  }

  @Test
  void singleQuotedValuesStaySingleQuoted() {
    String yaml = "a:\n  b: 'it''s 1.0.0' # note\n";
    YamlValue b = YamlValue.at("x.yaml", "a.b");

    byte[] after = b.writeValue(utf8(yaml), "it's 2.0.0");

    assertThat(after).isEqualTo(utf8("a:\n  b: 'it''s 2.0.0' # note\n"));
  }

  @Test
  void writingTheValueAlreadyPresentReturnsIdenticalBytes() {
    byte[] before = utf8(VALUES);

    assertThat(YamlValue.at("values.yaml", "image.default").writeValue(before, ":release-1.31.0")).isEqualTo(before);
    assertThat(YamlValue.at("values.yaml", "image.sha").writeValue(before, "")).isEqualTo(before);
  }

  @Test
  void crlfYamlKeepsItsLineEndings() {
    String crlf = CHART.replace("\n", "\r\n");
    YamlValue appVersion = YamlValue.at("Chart.yaml", "appVersion");

    byte[] after = appVersion.writeValue(utf8(crlf), "1.40.0");

    assertThat(after).isEqualTo(utf8(crlf.replace("appVersion: 1.31.0", "appVersion: 1.40.0")));
  }

  @Test
  void aListElementCanBeAddressedByIndex() {
    YamlValue dependency = YamlValue.at("Chart.yaml", "dependencies.0.version");

    byte[] after = dependency.writeValue(utf8(CHART), "8.6.2");

    assertThat(after).isEqualTo(utf8(CHART.replace("8.6.1", "8.6.2")));
  }

  @Test
  void aMissingKeyNamesTheFileAndTheKey() {
    YamlValue digest = YamlValue.at("charts/posthog/values.yaml", "image.digest");

    assertThatThrownBy(() -> digest.readValue(utf8(VALUES)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("charts/posthog/values.yaml")
        .hasMessageContaining("image.digest")
        .hasMessageContaining("repository, sha, tag, default, pullPolicy");
    assertThatThrownBy(() -> digest.writeValue(utf8(VALUES), "sha256:abc"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("image.digest");
    assertThatThrownBy(() -> YamlValue.at("values.yaml", "cloud.region").readValue(utf8(VALUES)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("cloud.region");
    assertThatThrownBy(() -> YamlValue.at("values.yaml", "image").readValue(utf8(VALUES)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("a mapping");
    assertThatThrownBy(() -> YamlValue.at("empty.yaml", "a").readValue(new byte[0]))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("empty.yaml");
  }

  @Test
  void blockScalarsAliasesAndBrokenYamlAreRefused() {
    String yaml = "base: &v 1.0.0\nnotes: |\n  1.0.0\nalias: *v\nbad: [\n";
    String good = yaml.replace("bad: [\n", "");

    assertThatThrownBy(() -> YamlValue.at("x.yaml", "notes").writeValue(utf8(good), "2.0.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("block scalar");
    assertThatThrownBy(() -> YamlValue.at("x.yaml", "alias").writeValue(utf8(good), "2.0.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("alias");
    assertThatThrownBy(() -> YamlValue.at("x.yaml", "base").readValue(utf8(yaml)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("x.yaml")
        .hasMessageContaining("cannot parse");
    assertThatThrownBy(() -> YamlValue.at("x.yaml", "base").readValue(null))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("x.yaml");
  }
}
