package dev.releasekit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkerLineTest {

  private static final String DOCKERFILE = """
      # syntax=docker/dockerfile:1.4 — ünïcode
      FROM python:3.11-slim AS base
      FROM posthog/posthog:release-1.30.0-unstable AS app  # x-releasekit-version
      LABEL version=1.29.0
      """;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theVersionOnTheMarkedLineIsReplacedAndItsSuffixKept() {
    MarkerLine marker = MarkerLine.at("Dockerfile");

    byte[] after = marker.write(utf8(DOCKERFILE), Version.parse("1.31.0"));

    assertThat(marker.readValue(utf8(DOCKERFILE))).isEqualTo("1.30.0");
    assertThat(after).isEqualTo(utf8(DOCKERFILE.replace("release-1.30.0-unstable", "release-1.31.0-unstable")));
  }

  @Test
  void everyMarkedLineIsUpdatedAndCrlfIsKept() {
    String readme = "# App\r\n\r\n![version](https://img.shields.io/badge/v-0.57.0b1-blue) <!-- x-releasekit-version -->\r\n"
        + "pip install app==0.57.0b1  # x-releasekit-version\r\nolder: 0.56.0\r\n";
    MarkerLine marker = MarkerLine.at("README.md");

    byte[] after = marker.writeValue(utf8(readme), "0.57.0");

    assertThat(marker.read(utf8(readme))).isEqualTo(Version.parse("0.57.0b1"));
    assertThat(after).isEqualTo(utf8(readme.replace("0.57.0b1", "0.57.0")));
  }

  @Test
  void aCustomMarkerAndDevVersionsWork() {
    String script = "APP=1.2.3.dev0 # release:version\n";

    byte[] after = MarkerLine.at("run.sh", "release:version").writeValue(utf8(script), "1.2.3");

    assertThat(after).isEqualTo(utf8("APP=1.2.3 # release:version\n"));
  }

  @Test
  void writingTheValueAlreadyPresentReturnsIdenticalBytes() {
    byte[] before = utf8(DOCKERFILE);

    assertThat(MarkerLine.at("Dockerfile").writeValue(before, "1.30.0")).isEqualTo(before);
  }

  @Test
  void noMarkedLineIsATypedErrorNamingTheFileAndTheMarker() {
    byte[] plain = utf8("FROM posthog/posthog:release-1.30.0\n");

    assertThatThrownBy(() -> MarkerLine.at("Dockerfile").readValue(plain))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("Dockerfile")
        .hasMessageContaining("x-releasekit-version");
    assertThatThrownBy(() -> MarkerLine.at("Dockerfile").writeValue(plain, "1.31.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("no line contains the marker");
  }

  @Test
  void aMarkedLineWithoutAVersionOrMarkedLinesThatDisagreeAreTypedErrors() {
    byte[] noVersion = utf8("a\nFROM posthog/posthog:latest  # x-releasekit-version\n");
    byte[] disagree = utf8("A=1.0.0 # x-releasekit-version\nB=1.0.1 # x-releasekit-version\n");

    assertThatThrownBy(() -> MarkerLine.at("Dockerfile").readValue(noVersion))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("no version");
    assertThatThrownBy(() -> MarkerLine.at("env").readValue(disagree))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("disagree")
        .hasMessageContaining("1.0.1");
  }
}
