package dev.releasekit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Bump;
import dev.releasekit.version.Version;
import dev.releasekit.version.VersionScheme;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PythonFilesTest {

  /** The old const.py from Home Assistant 0.57, as facts.md records it, inside some of its surroundings. */
  private static final String OLD_CONST = """
      # coding: utf-8
      \"\"\"Constants used by Home Assistant components.\"\"\"
      MAJOR_VERSION = 0
      MINOR_VERSION = 57
      PATCH_VERSION = '0.dev0'
      __short_version__ = '{}.{}'.format(MAJOR_VERSION, MINOR_VERSION)
      __version__ = '{}.{}'.format(__short_version__, PATCH_VERSION)
      REQUIRED_PYTHON_VER = (3, 4, 2)

      # Format for platforms
      PLATFORM_FORMAT = '{}.{}'
      """;

  private static final String NEW_CONST = """
      \"\"\"Constants used by Home Assistant components.\"\"\"
      from __future__ import annotations

      from typing import Final

      APPLICATION_NAME: Final = "HomeAssistant"
      MAJOR_VERSION: Final = 2023
      MINOR_VERSION: Final = 11
      PATCH_VERSION: Final = "0.dev0"
      __short_version__: Final = f"{MAJOR_VERSION}.{MINOR_VERSION}"
      __version__: Final = f"{__short_version__}.{PATCH_VERSION}"
      REQUIRED_PYTHON_VER: Final[tuple[int, int, int]] = (3, 11, 0)
      """;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void oldConstPyGoesFromDevToReleaseChangingOnlyPatchVersionsBytes() {
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");
    byte[] before = utf8(OLD_CONST);

    Version current = constants.read(before);
    byte[] after = constants.writeValue(before, "0.57.0");

    assertThat(current).hasToString("0.57.0.dev0");
    assertThat(current.scheme()).isEqualTo(VersionScheme.PEP440);
    assertThat(after).isEqualTo(utf8(OLD_CONST.replace("PATCH_VERSION = '0.dev0'", "PATCH_VERSION = '0'")));
    assertThat(constants.read(after)).isEqualTo(Version.parse("0.57.0"));
  }

  @Test
  void oldConstPyNextDevChangesMinorAndPatchAndKeepsSingleQuotes() {
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");
    byte[] released = utf8(OLD_CONST.replace("'0.dev0'", "'3'"));

    byte[] after = constants.write(released, constants.read(released).bump(Bump.DEV));

    assertThat(after).isEqualTo(utf8(OLD_CONST.replace("MINOR_VERSION = 57", "MINOR_VERSION = 58")));
  }

  @Test
  void newerAnnotatedConstPyKeepsAnnotationsAndDoubleQuotes() {
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");
    byte[] before = utf8(NEW_CONST);

    byte[] beta = constants.write(before, constants.read(before).bump(Bump.BETA));
    byte[] nextMajor = constants.writeValue(before, "2024.1.0");

    assertThat(constants.readValue(before)).isEqualTo("2023.11.0.dev0");
    assertThat(beta).isEqualTo(utf8(NEW_CONST.replace("\"0.dev0\"", "\"0b0\"")));
    assertThat(nextMajor).isEqualTo(utf8(NEW_CONST
        .replace("MAJOR_VERSION: Final = 2023", "MAJOR_VERSION: Final = 2024")
        .replace("MINOR_VERSION: Final = 11", "MINOR_VERSION: Final = 1")
        .replace("\"0.dev0\"", "\"0\"")));
  }

  @Test
  void constantsAcceptTheSemverSpellingOfADevOrBeta() {
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");

    byte[] after = constants.writeValue(utf8(OLD_CONST), "0.57.0-beta.1");

    assertThat(after).isEqualTo(utf8(OLD_CONST.replace("'0.dev0'", "'0b1'")));
  }

  @Test
  void writingTheVersionAlreadyPresentReturnsIdenticalBytes() {
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");
    byte[] before = utf8(NEW_CONST);

    assertThat(constants.writeValue(before, "2023.11.0.dev0")).isEqualTo(before);
    assertThat(constants.write(before, Version.parse("2023.11.0-dev.0"))).isEqualTo(before);
  }

  @Test
  void crlfConstPyKeepsItsLineEndings() {
    String crlf = OLD_CONST.replace("\n", "\r\n");
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");

    byte[] after = constants.writeValue(utf8(crlf), "0.57.0b0");

    assertThat(after).isEqualTo(utf8(crlf.replace("'0.dev0'", "'0b0'")));
    assertThat(constants.readValue(after)).isEqualTo("0.57.0b0");
  }

  @Test
  void missingPatchVersionIsATypedErrorNamingFileAndConstant() {
    byte[] broken = utf8(OLD_CONST.replace("PATCH_VERSION = '0.dev0'\n", ""));
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");

    assertThatThrownBy(() -> constants.read(broken))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("homeassistant/const.py")
        .hasMessageContaining("PATCH_VERSION");
    assertThatThrownBy(() -> constants.writeValue(broken, "0.57.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("PATCH_VERSION");
  }

  @Test
  void constantsThatDoNotSpellAVersionAndBadValuesAreTypedErrors() {
    PythonConstants constants = PythonConstants.at("homeassistant/const.py");
    byte[] odd = utf8(OLD_CONST.replace("'0.dev0'", "'0.x'"));

    assertThatThrownBy(() -> constants.read(odd))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("homeassistant/const.py")
        .hasMessageContaining("\"0.57.0.x\"");
    assertThatThrownBy(() -> constants.writeValue(utf8(OLD_CONST), "0.57.0-alpha.1"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("PEP 440");
    assertThatThrownBy(() -> constants.writeValue(utf8(OLD_CONST), "0.57x"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("\"0.57x\"");
  }

  @Test
  void aConstantAssignedTwiceIsRefused() {
    byte[] twice = utf8(OLD_CONST + "MINOR_VERSION = 58\n");

    assertThatThrownBy(() -> PythonConstants.at("homeassistant/const.py").read(twice))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("MINOR_VERSION is assigned 2 times");
  }

  @Test
  void postHogVersionPyChangesOnlyTheVersionsCharacters() {
    String source = """
        # Updated by the release process.
        VERSION = "1.30.0"  # keep in sync with the chart
        VERSION_INFO = (1, 30, 0)
        """;
    PythonString version = PythonString.at("posthog/version.py", "VERSION");

    byte[] after = version.write(utf8(source), version.read(utf8(source)).bump(Bump.MINOR));

    assertThat(version.readValue(utf8(source))).isEqualTo("1.30.0");
    assertThat(after).isEqualTo(utf8(source.replace("\"1.30.0\"", "\"1.31.0\"")));
  }

  @Test
  void pythonStringKeepsSingleQuotesAnnotationsAndCrlf() {
    String source = "__all__ = ['VERSION']\r\nVERSION: Final[str] = '1.29.0'\r\n";
    PythonString version = PythonString.at("pkg/version.py", "VERSION");

    byte[] after = version.writeValue(utf8(source), "1.30.0-rc.1");

    assertThat(after).isEqualTo(utf8(source.replace("'1.29.0'", "'1.30.0-rc.1'")));
    assertThat(version.writeValue(after, "1.30.0-rc.1")).isEqualTo(after);
  }

  @Test
  void pythonStringMissingVariableNamesFileAndVariable() {
    PythonString version = PythonString.at("posthog/version.py", "VERSION");
    byte[] onlyInfo = utf8("VERSION_INFO = '1.30.0'\n# VERSION = \"1.0.0\"\n  VERSION = \"1.0.0\"\n");

    assertThatThrownBy(() -> version.readValue(onlyInfo))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("posthog/version.py")
        .hasMessageContaining("VERSION");
  }

  @Test
  void pythonStringRefusesValuesThatWouldBreakTheLiteral() {
    PythonString version = PythonString.at("posthog/version.py", "VERSION");
    byte[] source = utf8("VERSION = \"1.30.0\"\n");

    assertThatThrownBy(() -> version.writeValue(source, "1.31.0\"; import os"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("quote");
    assertThatThrownBy(() -> version.writeValue(source, "1.31.0\nX = 1"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("line break");
  }

  @Test
  void nullContentIsAClearErrorNotANullPointer() {
    assertThatThrownBy(() -> PythonString.at("posthog/version.py", "VERSION").readValue(null))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("posthog/version.py")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> PythonConstants.at("homeassistant/const.py").writeValue(null, "0.57.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("homeassistant/const.py");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 = "# caf\u00e9\nVERSION = '1.0.0'\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> PythonString.at("v.py", "VERSION").readValue(latin1))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("UTF-8");
  }
}
