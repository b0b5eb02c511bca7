package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.examples.internal.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The example workflows and the composite action in {@code examples/} parse as YAML, and every option of the jar
 * they pass exists on the command they pass it to; the release workflow queues runs and asks for the least
 * permissions.
 */
class ExampleWorkflowsTest {
  private static final List<String> FILES = List.of("release-plan.yml", "release.yml", "action.yml");

  /** One call of the jar: its command ({@code plan} or {@code run}, or null when an input chooses it) and words. */
  record Call(String file, String command, List<String> words) {}

  @Test
  void everyFileParses() throws IOException {
    for (String file : FILES) {
      assertThat(load(file)).as(file).containsKey("name");
    }
    assertThat(load("action.yml")).extractingByKey("runs").asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("using", "composite");
  }

  @Test
  void everyOptionTheWorkflowsPassToTheJarExists() throws IOException {
    List<Call> calls = new ArrayList<>();
    for (String file : FILES) {
      collect(file, load(file), calls);
    }
    Map<String, Object> inputs = map(map(map(load("release.yml").get("on")).get("workflow_dispatch"))
        .get("inputs"));
    calls.add(new Call("release.yml", "run", Arrays.asList(String.valueOf(map(inputs.get("repositories"))
        .get("default")).split("\\s+"))));
    assertThat(calls).as("calls of the jar").extracting(Call::file).contains("release-plan.yml", "release.yml",
        "action.yml");
    CommandLine line = Cli.commandLine(new Cli.Context(Map.of(), duration -> { }, false,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    List<String> checked = new ArrayList<>();
    for (Call call : calls) {
      assertThat(call.command()).as(call.toString()).isIn("plan", "run");
      CommandLine.Model.CommandSpec spec = line.getSubcommands().get(call.command()).getCommandSpec();
      for (String word : call.words()) {
        if (word.startsWith("--")) {
          String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
          assertThat(spec.findOption(option)).as(option + " of " + call).isNotNull();
          checked.add(option);
        }
      }
    }
    assertThat(checked).contains("--version", "--posthog", "--core");
  }

  @Test
  void theReleaseWorkflowOffersOnlyBuiltInFlowsQueuesItsRunsAndAsksForTheLeastPermissions() throws IOException {
    Map<String, Object> release = load("release.yml");
    Map<String, Object> on = map(release.get("on"));
    List<?> flows = (List<?>) map(map(map(on.get("workflow_dispatch")).get("inputs")).get("flow")).get("options");
    String list = Tool.run(Map.of(), "list").out();
    assertThat(flows).isNotEmpty().allSatisfy(flow -> assertThat(list).contains(flow + " "));

    assertThat(map(release.get("concurrency"))).containsEntry("group", "release-${{ github.repository }}")
        .containsEntry("cancel-in-progress", false);
    assertThat(map(release.get("permissions"))).containsOnly(Map.entry("contents", "write"),
        Map.entry("pull-requests", "write"), Map.entry("issues", "write"));
    assertThat(map(load("release-plan.yml").get("permissions"))).allSatisfy((scope, level) ->
        assertThat(level).isEqualTo("read"));
  }

  @Test
  void noStepWritesTheStepSummaryThatTheJarWritesItselfUnderActions() throws IOException {
    for (String file : FILES) {
      assertThat(Files.readString(Path.of(file))).as(file).doesNotContain("GITHUB_STEP_SUMMARY")
          .doesNotContain("--markdown");
    }
  }

  /** A call of the jar, {@code java -jar JAR ...}, or of its launcher script, {@code .../releasekit ...}. */
  private static final Pattern JAR_CALL = Pattern.compile("(?:java -jar \\S+|\\S*/releasekit\"?)\\s+(.*)",
      Pattern.DOTALL);

  /** Every {@code run:} line that calls the jar, and every step that uses the composite action. */
  private static void collect(String file, Object node, List<Call> calls) {
    if (node instanceof Map<?, ?> map) {
      Matcher call = map.get("run") instanceof String run ? JAR_CALL.matcher(run) : null;
      if (call != null && call.find()) {
        List<String> words = Arrays.asList(call.group(1).replace("\"", "").replace("\\", " ").trim()
            .split("\\s+"));
        // words: the command (or the variable that holds it), then the flow and its options.
        List<String> commands = words.get(0).startsWith("$") ? List.of("plan", "run") : List.of(words.get(0));
        commands.forEach(command -> calls.add(new Call(file, command, words.subList(1, words.size()))));
      }
      if ("./examples".equals(map.get("uses"))) {
        Map<String, Object> with = map(map.get("with"));
        calls.add(new Call(file, String.valueOf(with.get("command")), Arrays.asList(String.valueOf(
            with.get("args")).split("\\s+"))));
      }
      map.values().forEach(value -> collect(file, value, calls));
    } else if (node instanceof List<?> list) {
      list.forEach(value -> collect(file, value, calls));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  private static Map<String, Object> load(String file) throws IOException {
    return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of(file))));
  }
}
