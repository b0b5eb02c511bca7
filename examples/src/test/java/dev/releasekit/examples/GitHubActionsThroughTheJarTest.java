package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.WorkflowLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a GitHub Actions job ({@code GITHUB_ACTIONS=true}): the runner's channels are filled by
 * release-core's {@code GitHubActions}, read back here as the runner reads them ({@link WorkflowLog}).
 */
class GitHubActionsThroughTheJarTest {
  @TempDir
  Path temp;

  private Map<String, String> actions(Path summary, Path outputs) throws IOException {
    Files.createFile(summary);
    Files.createFile(outputs);
    return Map.of("GITHUB_ACTIONS", "true", "CI", "true", "GITHUB_STEP_SUMMARY", summary.toString(),
        "GITHUB_OUTPUT", outputs.toString());
  }

  @Test
  void aRunWritesTheMarkdownReportToTheSummaryTheTypedResultsToTheOutputsAndAGroupPerStep() throws IOException {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    Path summary = temp.resolve("summary.md");
    Path outputs = temp.resolve("outputs");

    Tool.Result run = Tool.run(actions(summary, outputs), "run", "ha-preparation", "--version", "0.57", "--core",
        core.workTree().toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ReleaseKit.DONE);
    WorkflowLog log = WorkflowLog.read(run.out());
    assertThat(log.commands("group")).as(run.toString()).hasSize(4);
    assertThat(log.commands("endgroup")).hasSize(4);
    assertThat(Files.readString(summary, StandardCharsets.UTF_8)).contains("0.57.0").contains("DONE");
    Map<String, String> values = WorkflowLog.outputs(outputs);
    assertThat(values).containsEntry("version", "0.57.0").containsEntry("outcome", "done")
        .containsKey("pr-url").containsKey("pr-number");
  }

  @Test
  void aBlockedPlanPrintsAnErrorTitledWithTheStepAndTheOutcomeBlocked() throws IOException {
    GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
    posthog.project().branch("release-1.31.0", "master~1");
    Path changelog = temp.resolve("changes.md");
    Files.writeString(changelog, "- Faster\n");
    Path summary = temp.resolve("summary.md");
    Path outputs = temp.resolve("outputs");

    Tool.Result plan = Tool.run(actions(summary, outputs), "plan", "posthog-code-freeze", "--version", "1.31.0",
        "--posthog", posthog.workTree().toString(), "--changelog", changelog.toString());

    assertThat(plan.code()).as(plan.toString()).isEqualTo(ReleaseKit.BLOCKED);
    WorkflowLog log = WorkflowLog.read(plan.out());
    assertThat(log.commands("error")).as(plan.toString()).isNotEmpty()
        .allSatisfy(error -> assertThat(error.title()).isNotBlank());
    assertThat(WorkflowLog.outputs(outputs)).containsEntry("outcome", "blocked");
    assertThat(Files.readString(summary, StandardCharsets.UTF_8)).isNotBlank();
  }
}
