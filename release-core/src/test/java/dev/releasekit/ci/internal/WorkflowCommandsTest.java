package dev.releasekit.ci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.WorkflowLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflow commands escaped as the Actions toolkit escapes them, and read back as the runner reads them. */
class WorkflowCommandsTest {

  @Test
  void aMessageEscapesPercentCarriageReturnAndLineFeedOnly() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put("%", "%25");
    table.put("\r", "%0D");
    table.put("\n", "%0A");
    table.put(":", ":");
    table.put(",", ",");
    table.put("%0A", "%250A");
    table.put("::error::", "::error::");
    table.forEach((raw, escaped) -> assertThat(WorkflowCommands.escapeData(raw)).as("message %s", raw)
        .isEqualTo(escaped));
  }

  @Test
  void aPropertyAlsoEscapesColonAndComma() {
    Map<String, String> table = new LinkedHashMap<>();
    table.put("%", "%25");
    table.put("\r", "%0D");
    table.put("\n", "%0A");
    table.put(":", "%3A");
    table.put(",", "%2C");
    table.put("a=b", "a=b");
    table.put("%3A", "%253A");
    table.forEach((raw, escaped) -> assertThat(WorkflowCommands.escapeProperty(raw)).as("property %s", raw)
        .isEqualTo(escaped));
  }

  @Test
  void everySpecialCharacterSurvivesTheRoundTripThroughTheRunner() {
    String nasty = "50% done: a, b\r\nc %0A ::warning::x";
    String line = WorkflowCommands.command("error", Map.of("title", nasty), nasty);

    assertThat(line).doesNotContain("\n").doesNotContain("\r");
    assertThat(WorkflowLog.read(line).commands()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("error");
      assertThat(c.title()).isEqualTo(nasty);
      assertThat(c.message()).isEqualTo(nasty);
    });
  }

  @Test
  void inertTextUsesATokenItDoesNotContain() {
    Deque<String> tokens = new ArrayDeque<>(List.of("abc", "xyz"));
    String text = "::error::one\n::abc::\n::add-mask::two";

    String block = WorkflowCommands.inert(text, tokens::pop);

    assertThat(block).startsWith("::stop-commands::xyz\n").endsWith("\n::xyz::");
    WorkflowLog log = WorkflowLog.read(block + "\n::notice::after");
    assertThat(log.masks()).isEmpty();
    assertThat(log.commands()).extracting(WorkflowLog.Command::name).containsExactly("notice");
    assertThat(log.shown()).contains("::error::one\n::abc::\n::add-mask::two");
  }

  @Test
  void aMultiLineOutputGetsADelimiterThatIsNotInTheValue(@TempDir Path temp) throws Exception {
    Deque<String> ids = new ArrayDeque<>(List.of("1111", "2222"));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", "0.57.0");
    values.put("notes", "- Fix a (#1)\nghadelimiter_1111\n- Fix b = c << d (#2)");
    values.put("pr-url", "https://github.com/home-assistant/core/pull/104");

    String entries = OutputFile.entries(values, ids::pop);

    assertThat(entries).contains("notes<<ghadelimiter_2222\n").doesNotContain("notes<<ghadelimiter_1111");
    Path file = Files.writeString(temp.resolve("output"), entries);
    assertThat(WorkflowLog.outputs(file)).isEqualTo(values);
  }

  @Test
  void fittingCountsBytesNotCharacters() {
    String full = "é".repeat(600_000);
    String compact = "ok\n";

    assertThat(StepSummary.fit(full, compact, 0)).as("1.2 MB in 600,000 characters").isEqualTo(compact);
    assertThat(StepSummary.fit(compact, compact, StepSummary.LIMIT)).isEmpty();
  }
}
