package dev.releasekit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonArrayHeadTest {

  /** PostHog's versions.json: newest first, 4-space indent, older entries without a date. */
  private static final String VERSIONS = """
      [
          {
              "version": "1.30.0",
              "release_date": "2021-11-16"
          },
          {
              "version": "1.29.0"
          }
      ]
      """;

  private static final String NEW_HEAD = """
      [
          {
              "version": "1.31.0",
              "release_date": "2021-12-16"
          },
          {
              "version": "1.30.0",
      """;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static LinkedHashMap<String, String> entry(String version, String date) {
    LinkedHashMap<String, String> e = new LinkedHashMap<>();
    e.put("version", version);
    if (date != null) {
      e.put("release_date", date);
    }
    return e;
  }

  @Test
  void aNewEntryBecomesTheFirstElementFormattedLikeTheOthers() {
    JsonArrayHead versions = JsonArrayHead.at("versions.json");

    byte[] after = versions.insert(utf8(VERSIONS), entry("1.31.0", "2021-12-16"), "version");

    assertThat(after).isEqualTo(utf8(VERSIONS.replace("[\n    {\n        \"version\": \"1.30.0\",\n", NEW_HEAD)));
    assertThat(versions.entries(after)).containsExactly(
        Map.of("version", "1.31.0", "release_date", "2021-12-16"),
        Map.of("version", "1.30.0", "release_date", "2021-11-16"),
        Map.of("version", "1.29.0"));
  }

  @Test
  void insertingAnEntryThatIsAlreadyListedChangesNothing() {
    JsonArrayHead versions = JsonArrayHead.at("versions.json");
    byte[] once = versions.insert(utf8(VERSIONS), entry("1.31.0", "2021-12-16"), "version");

    assertThat(versions.insert(once, entry("1.31.0", "2021-12-16"), "version")).isEqualTo(once);
    assertThat(versions.insert(once, entry("1.29.0", null), "version")).isEqualTo(once);
  }

  @Test
  void twoSpaceCrlfAndInlineLayoutsAreCopied() {
    JsonArrayHead versions = JsonArrayHead.at("versions.json");
    String twoCrlf = "[\r\n  {\r\n    \"version\": \"1.0.0\"\r\n  }\r\n]\r\n";
    String inline = "[{\"version\": \"1.30.0\", \"release_date\": \"2021-11-16\"}, {\"version\": \"1.29.0\"}]";

    byte[] twoAfter = versions.insert(utf8(twoCrlf), entry("1.1.0", null), "version");
    byte[] inlineAfter = versions.insert(utf8(inline), entry("1.31.0", "2021-12-16"), "version");

    assertThat(twoAfter).isEqualTo(utf8(
        "[\r\n  {\r\n    \"version\": \"1.1.0\"\r\n  },\r\n  {\r\n    \"version\": \"1.0.0\"\r\n  }\r\n]\r\n"));
    assertThat(inlineAfter).isEqualTo(utf8("[{\"version\": \"1.31.0\", \"release_date\": \"2021-12-16\"}, "
        + inline.substring(1)));
  }

  @Test
  void tabIndentedArraysGetTabIndentedEntries() {
    String tabs = "[\n\t{\n\t\t\"version\": \"1.0.0\"\n\t}\n]\n";

    byte[] after = JsonArrayHead.at("versions.json").insert(utf8(tabs), entry("1.1.0", null), "version");

    assertThat(after).isEqualTo(utf8("[\n\t{\n\t\t\"version\": \"1.1.0\"\n\t},\n\t{\n\t\t\"version\": \"1.0.0\"\n\t}\n]\n"));
  }

  @Test
  void anEmptyArrayGetsAFourSpaceEntry() {
    byte[] after = JsonArrayHead.at("versions.json").insert(utf8("[]\n"), entry("1.0.0", "2021-01-01"), "version");

    assertThat(after).isEqualTo(utf8(
        "[\n    {\n        \"version\": \"1.0.0\",\n        \"release_date\": \"2021-01-01\"\n    }\n]\n"));
  }

  @Test
  void valuesAreJsonEscapedAndNonAsciiBeforeTheArrayIsSafe() {
    String withUnicode = "[\n    {\"version\": \"1.0.0\", \"note\": \"ünï 😀\"}\n]\n";
    LinkedHashMap<String, String> e = entry("1.1.0", null);
    e.put("note", "say \"hi\" 😀");

    byte[] after = JsonArrayHead.at("versions.json").insert(utf8(withUnicode), e, "version");

    assertThat(JsonArrayHead.at("versions.json").entries(after).get(0)).isEqualTo(e);
    assertThat(after).isEqualTo(utf8("[\n    {\"version\": \"1.1.0\", \"note\": \"say \\\"hi\\\" 😀\"},\n"
        + "    {\"version\": \"1.0.0\", \"note\": \"ünï 😀\"}\n]\n"));
  }

  @Test
  void badEntriesAndFilesAreTypedErrors() {
    JsonArrayHead versions = JsonArrayHead.at("versions.json");

    assertThatThrownBy(() -> versions.insert(utf8(VERSIONS), entry("1.31.0", null), "tag"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("versions.json")
        .hasMessageContaining("tag");
    assertThatThrownBy(() -> versions.entries(utf8("{\"version\": \"1.0.0\"}")))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("array");
    assertThatThrownBy(() -> versions.insert(utf8("[\"1.0.0\"]"), entry("1.1.0", null), "version"))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("object");
    assertThatThrownBy(() -> versions.entries(null))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("versions.json");
    assertThat(versions.entries(utf8("[]"))).isEqualTo(List.of());
  }
}
