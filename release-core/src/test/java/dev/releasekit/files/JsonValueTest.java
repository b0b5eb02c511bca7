package dev.releasekit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  private static final String PACKAGE_JSON_2 = """
      {
        "name": "posthog-é-😀",
        "version": "1.30.0",
        "private": true,
        "release": {
          "build": 41,
          "channel": "stable"
        }
      }
      """;

  private static final String PACKAGE_JSON_4 = """
      {
          "description": "Ünïcödé 🚀 before the version",
          "version": "1.30.0",
          "scripts": {"start": "node ."}
      }
      """;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoSpaceJsonKeepsEverythingButTheVersion() {
    JsonValue version = JsonValue.at("package.json", "version");

    byte[] after = version.write(utf8(PACKAGE_JSON_2), Version.parse("1.31.0"));

    assertThat(version.read(utf8(PACKAGE_JSON_2))).isEqualTo(Version.parse("1.30.0"));
    assertThat(after).isEqualTo(utf8(PACKAGE_JSON_2.replace("\"1.30.0\"", "\"1.31.0\"")));
  }

  @Test
  void fourSpaceJsonWithNonAsciiBeforeTheValueKeepsItsBytes() {
    JsonValue version = JsonValue.at("package.json", "version");

    byte[] after = version.writeValue(utf8(PACKAGE_JSON_4), "1.31.0-rc.1");

    assertThat(after).isEqualTo(utf8(PACKAGE_JSON_4.replace("\"1.30.0\"", "\"1.31.0-rc.1\"")));
  }

  @Test
  void nestedValuesAndNumbersKeepTheirKind() {
    byte[] before = utf8(PACKAGE_JSON_2);

    byte[] build = JsonValue.at("package.json", "release.build").writeValue(before, "42");
    byte[] channel = JsonValue.at("package.json", "release.channel").writeValue(before, "say \"beta\"");

    assertThat(build).isEqualTo(utf8(PACKAGE_JSON_2.replace("\"build\": 41", "\"build\": 42")));
    assertThat(channel).isEqualTo(utf8(PACKAGE_JSON_2.replace("\"stable\"", "\"say \\\"beta\\\"\"")));
    assertThat(JsonValue.at("package.json", "release.channel").readValue(channel)).isEqualTo("say \"beta\"");
  }

  @Test
  void compactAndCrlfJsonStayAsTheyAre() {
    String compact = "{\"a\":{\"version\":\"1.0.0\"},\"b\":[1,2]}";
    String crlf = PACKAGE_JSON_2.replace("\n", "\r\n");

    byte[] compactAfter = JsonValue.at("c.json", "a.version").writeValue(utf8(compact), "1.0.1");
    byte[] crlfAfter = JsonValue.at("package.json", "version").writeValue(utf8(crlf), "2.0.0");

    assertThat(compactAfter).isEqualTo(utf8(compact.replace("1.0.0", "1.0.1")));
    assertThat(crlfAfter).isEqualTo(utf8(crlf.replace("1.30.0", "2.0.0")));
  }

  @Test
  void tabIndentedJsonIsReadAndWritten() {
    String tabs = "{\n\t\"name\": \"a\\/b\\u00e9\",\n\t\"version\": \"1.0.0\"\n}\n";
    JsonValue version = JsonValue.at("composer.json", "version");

    byte[] after = version.writeValue(utf8(tabs), "1.1.0");

    assertThat(JsonValue.at("composer.json", "name").readValue(utf8(tabs))).isEqualTo("a/b\u00e9");
    assertThat(after).isEqualTo(utf8(tabs.replace("1.0.0", "1.1.0")));
  }

  @Test
  void writingTheValueAlreadyPresentReturnsIdenticalBytes() {
    byte[] before = utf8(PACKAGE_JSON_4);

    assertThat(JsonValue.at("package.json", "version").writeValue(before, "1.30.0")).isEqualTo(before);
  }

  @Test
  void aMissingKeyNamesTheFileAndTheKey() {
    assertThatThrownBy(() -> JsonValue.at("package.json", "release.tag").readValue(utf8(PACKAGE_JSON_2)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("package.json")
        .hasMessageContaining("release.tag")
        .hasMessageContaining("build, channel");
    assertThatThrownBy(() -> JsonValue.at("package.json", "versions").writeValue(utf8(PACKAGE_JSON_2), "1.0.0"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("versions");
  }

  @Test
  void aValueThatIsNotAVersionIsATypedErrorNamingTheFile() {
    assertThatThrownBy(() -> JsonValue.at("package.json", "name").read(utf8(PACKAGE_JSON_2)))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("package.json")
        .hasMessageContaining("posthog-é-😀");
  }
}
