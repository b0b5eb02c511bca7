package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.GitFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line prints: one console line per step on standard error, coloured only on a terminal; the
 * plan or report once on standard output, as text, JSON or Markdown; and each step's output once.
 */
class ConsoleTest {
  @TempDir
  java.nio.file.Path temp;

  @Test
  void oneLinePerStepWithoutColoursOffATerminal() {
    GitFixture core = GitFixture.homeAssistant(temp);

    Tool.Result run = Tool.run(Map.of(), "run", "ha-preparation", "--version", "0.57", "--core",
        core.workTree().toString());

    assertThat(run.err().lines().filter(line -> line.matches("\\[releasekit] [0-9]+\\) .*"))).as(run.err())
        .hasSize(4).allMatch(line -> line.contains(" DONE "));
    assertThat(run.out() + run.err()).doesNotContain("\u001b[");
  }

  @Test
  void outcomesAreColouredOnATerminal() {
    GitFixture core = GitFixture.homeAssistant(temp);

    Tool.Result plan = Tool.run(Map.of(), true, "plan", "ha-preparation", "--version", "0.57", "--core",
        core.workTree().toString());

    assertThat(plan.err()).contains("\u001b[36mWOULD_DO");
    assertThat(plan.out()).as("the plan itself stays plain").doesNotContain("\u001b[");
  }

  @Test
  void theChangelogStepShowsItsSectionOnceAsTheDiffAndNotTheWholeFile() {
    GitFixture posthog = GitFixture.postHog(temp);
    posthog.hosting().seed().pull("Add funnel correlation").number(7001).by("jane").from("funnels").into("master")
        .mergedAs(posthog.commit("master~1").name(), Instant.parse("2021-12-01T10:00:00Z"));

    Tool.Result run = Tool.run(Map.of(), "run", "posthog-code-freeze", "--version", "1.31.0", "--date",
        "2021-12-10", "--posthog", posthog.workTree().toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(ExitCodesTest.count(run.out() + run.err(), "### 1.31.0 - Friday 10 December")).as(run.toString())
        .isEqualTo(1);
    assertThat(ExitCodesTest.count(run.out(), "Session recording filters")).as("the older section, as the diff's"
        + " context only").isEqualTo(1);
  }

  @Test
  void jsonAndMarkdownPrintThePlanInThoseForms() {
    GitFixture core = GitFixture.homeAssistant(temp);
    String path = core.workTree().toString();

    Tool.Result json = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57", "--core", path, "--json");
    Tool.Result markdown = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57", "--core", path,
        "--markdown");
    Tool.Result both = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57", "--core", path,
        "--json", "--markdown");

    assertThat(json.out()).startsWith("{").contains("\"kind\": \"plan\"").contains("\"outcome\": \"WOULD_DO\"");
    assertThat(markdown.out()).startsWith("## Plan for release 0.57.0").contains("| # | Step | Outcome |");
    assertThat(both.code()).isEqualTo(ReleaseKit.USAGE);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void javaCodeFindsTheToolByNameAndGetsItsExitCode() {
    ToolProvider tool = ToolProvider.findFirst("releasekit").orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = tool.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "list");

    assertThat(tool).isInstanceOf(ReleaseKit.class);
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ha-preparation", "ha-release-day", "ha-bugfix",
        "posthog-code-freeze", "posthog-launch");
  }

}
