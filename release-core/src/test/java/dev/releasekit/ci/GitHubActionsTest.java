package dev.releasekit.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.ConflictException;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.ReleaseException;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.Secret;
import dev.releasekit.StepResult;
import dev.releasekit.ci.internal.StepSummary;
import dev.releasekit.local.LocalProject;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.SecretHolder;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import dev.releasekit.testing.SecretLeakGuard;
import dev.releasekit.testing.WorkflowLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that plans or runs a release in a workflow step, with {@code GITHUB_ACTIONS=true} and the runner's
 * summary and output files in a temporary folder; what it prints is read back as the runner reads it
 * ({@link WorkflowLog}), and the log a person would see goes through the secret-leak guard.
 */
@ExtendWith(GitHubActionsTest.Guard.class)
class GitHubActionsTest {
  static final String SECRET = "ghp_actionsTEST0123456789secretVALUE";
  static final String KEY_LINE_1 = "-----BEGIN TEST KEY actionsTEST-----";
  static final String KEY_LINE_2 = "c2VjcmV0IGtleSBsaW5lIHR3bw==actionsTEST";
  static final String MULTI_LINE = KEY_LINE_1 + "\n" + KEY_LINE_2 + "\n";

  /** Fails a test whose visible log, output or exceptions hold a test secret. */
  public static final class Guard extends SecretLeakGuard {
    public Guard() {
      super(List.of(SECRET, KEY_LINE_1, KEY_LINE_2));
    }
  }

  @TempDir
  Path temp;
  Path summary;
  Path output;
  ByteArrayOutputStream printed = new ByteArrayOutputStream();
  GitHubActions actions;

  @BeforeEach
  void workflowStep() throws IOException {
    Files.createDirectories(temp.resolve("runner"));
    summary = Files.createFile(temp.resolve("runner/step_summary_1"));
    output = Files.createFile(temp.resolve("runner/set_output_1"));
    actions = GitHubActions.fromEnvironment(Map.of("GITHUB_ACTIONS", "true", "CI", "true",
            "GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", output.toString(),
            "GITHUB_REPOSITORY", "home-assistant/core")).orElseThrow()
        .printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  /** What was printed, read as the runner reads it; what a person would see is checked for secrets. */
  private WorkflowLog log() {
    WorkflowLog log = WorkflowLog.read(printed.toString(StandardCharsets.UTF_8));
    SecretLeakGuard.record(log.shown());
    assertThat(log.stoppedAtEnd()).as("every stop-commands block is closed").isFalse();
    return log;
  }

  @Test
  void outsideGitHubActionsThereIsNone() {
    assertThat(GitHubActions.fromEnvironment(Map.of())).isEmpty();
    assertThat(GitHubActions.fromEnvironment(Map.of("GITHUB_ACTIONS", "false", "CI", "true"))).isEmpty();
    assertThat(GitHubActions.fromEnvironment(Map.of("GITHUB_ACTIONS", "true"))).isPresent();
  }

  @Test
  void enterpriseAddressesComeFromTheEnvironmentAndGitHubComIsTheDefault() {
    GitHubActions enterprise = GitHubActions.fromEnvironment(Map.of("GITHUB_ACTIONS", "true",
        "GITHUB_SERVER_URL", "https://ghe.example.com", "GITHUB_API_URL", "https://ghe.example.com/api/v3"))
        .orElseThrow();
    assertThat(enterprise.serverUrl()).isEqualTo("https://ghe.example.com");
    assertThat(enterprise.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
    assertThat(actions.serverUrl()).isEqualTo("https://github.com");
    assertThat(actions.apiUrl()).isEqualTo("https://api.github.com");
    assertThat(actions.repository()).contains("home-assistant/core");
  }

  @Test
  void aRunWritesItsMarkdownReportToTheSummaryAndItsTypedResultsToTheOutputs() throws IOException {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp.resolve("ha")).deferUnmerged().fixture();

    Report report = ReleaseDayScenario.releaseDay(fixture).listener(actions.listener()).run();
    actions.publish(report);

    assertThat(Files.readString(summary)).isEqualTo(report.toMarkdown());
    PullRequest pr = report.result(ResultKey.RELEASE_PR).orElseThrow();
    assertThat(WorkflowLog.outputs(output)).containsExactly(
        Map.entry("version", "0.57.0"),
        Map.entry("outcome", "done"),
        Map.entry("tag", "0.57"),
        Map.entry("pr-number", Integer.toString(pr.number())),
        Map.entry("pr-url", pr.url()),
        Map.entry("release-url", report.result(ResultKey.PUBLISHED_RELEASE).orElseThrow().url()));
    assertThat(report.toJson()).contains("\"outcome\": \"done\"").contains("\"pr-number\": " + pr.number())
        .contains("\"tag\": \"0.57\"");
    WorkflowLog log = log();
    assertThat(log.commands("group")).extracting(WorkflowLog.Command::message)
        .containsExactlyElementsOf(IntStream.range(0, report.steps().size())
            .mapToObj(i -> (i + 1) + ") " + report.steps().get(i).description()).toList());
    assertThat(log.commands("endgroup")).hasSameSizeAs(report.steps());
    assertThat(log.commands("error")).isEmpty();
    int notesStep = IntStream.range(0, report.steps().size())
        .filter(i -> report.steps().get(i).result(ResultKey.NOTES).isPresent()).findFirst().orElseThrow() + 1;
    assertThat(log.commands("warning")).singleElement().satisfies(warning -> {
      assertThat(warning.title()).isEqualTo(notesStep + ") " + report.step(notesStep).description());
      List<String> dropped = report.step(notesStep).result(ResultKey.NOTES).orElseThrow().dropped().stream()
          .map(Object::toString).toList();
      assertThat(warning.message()).startsWith(dropped.size() + " commits were left out of the release notes")
          .contains("Apply sensor rounding fix");
      assertThat(warning.message().lines().skip(1)).containsExactlyElementsOf(dropped);
    });
  }

  @Test
  void aCommitSubjectHoldingWorkflowCommandsIsPrintedInert() {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp.resolve("ha")).deferUnmerged().fixture();
    String subject = "Fix ::error title=pwned::gotcha, 100%25 ::add-mask::release ::endgroup:: (#300)";
    fixture.project().commit("release-0-57", subject, Map.of("homeassistant/evil.py", "X = 1\n"));

    Report report = ReleaseDayScenario.releaseDay(fixture).listener(actions.listener()).run();
    actions.publish(report);

    WorkflowLog log = log();
    assertThat(log.commands("error")).as("the subject started no command").isEmpty();
    assertThat(log.masks()).isEmpty();
    assertThat(log.commands("endgroup")).hasSameSizeAs(report.steps());
    assertThat(log.shown()).as("it is shown as written, in the notes step's output").contains(subject);
    assertThat(log.commands("warning")).singleElement().satisfies(w -> assertThat(w.message())
        .as("inside an annotation it is data, read back exactly").contains(subject));
    assertThat(Files.exists(summary)).isTrue();
  }

  /** A step that blocks with a message that needs every escape, as a contradicting state would. */
  private static Step blocking(String description, String message) {
    return new Step() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public StepResult apply(StepContext context) {
        throw new ConflictException(message);
      }
    };
  }

  @Test
  void aBlockedPlanPrintsAnErrorTitledWithTheStepWhoseTextSaysWhatToDoEscaped() {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));
    String message = "Tag 0.57 is on 1a2b3c4: not 5d6e7f8, 100% sure.\r\nMove nothing; delete the draft and run"
        + " again.";

    Plan plan = Release.of("0.57").in(project.workTree()).listener(actions.listener())
        .then(blocking("publish 0.57: notes, tag", message)).plan();
    actions.publish(plan);

    String raw = printed.toString(StandardCharsets.UTF_8);
    assertThat(raw).contains("::error title=1) publish 0.57%3A notes%2C tag::Tag 0.57 is on 1a2b3c4: not 5d6e7f8,"
        + " 100%25 sure.%0D%0AMove nothing; delete the draft and run again.\n");
    assertThat(log().commands("error")).singleElement().satisfies(error -> {
      assertThat(error.title()).isEqualTo("1) publish 0.57: notes, tag");
      assertThat(error.message()).isEqualTo(message);
    });
    assertThat(WorkflowLog.outputs(output)).containsEntry("outcome", "blocked").containsEntry("version", "0.57.0");
  }

  /** A step built with a service that holds a multi-line credential, and that carelessly prints the other. */
  private static Step leaky() {
    SecretHolder key = () -> List.of(Secret.of(MULTI_LINE));
    return new Step() {
      @Override
      public String description() {
        return "sign the release";
      }

      @Override
      public List<Object> services() {
        return List.of(key);
      }

      @Override
      public StepResult apply(StepContext context) {
        context.progress("signing with " + Secret.of(SECRET).reveal(Function.identity()));
        return StepResult.alreadyDone("signed").withOutput(MULTI_LINE);
      }
    };
  }

  @Test
  void everySecretIsRegisteredAsAMaskBeforeAnythingElseIsPrinted() {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));
    Release release = Release.of("0.57").in(project.workTree()).credentials(Secret.of(SECRET))
        .listener(actions.listener()).then(leaky());

    release.plan();

    assertThat(release.secrets()).containsExactlyInAnyOrder(Secret.of(SECRET), Secret.of(MULTI_LINE));
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    for (String value : List.of(SECRET, KEY_LINE_1, KEY_LINE_2)) {
      int registered = lines.indexOf("::add-mask::" + value);
      int firstUse = IntStream.range(0, lines.size()).filter(i -> !lines.get(i).startsWith("::add-mask::")
          && lines.get(i).contains(value)).findFirst().orElse(Integer.MAX_VALUE);
      assertThat(registered).as("a secret is registered before the step prints it").isBetween(0, 3)
          .isLessThan(firstUse);
    }
    WorkflowLog log = log();
    assertThat(log.masks()).containsExactly(SECRET, MULTI_LINE, KEY_LINE_1, KEY_LINE_2);
    assertThat(log.shown()).contains("signing with ***").contains("| ***");
  }

  @Test
  void aSecretWiredTwiceIsRegisteredOnce() {
    actions.mask(List.of(Secret.of(SECRET), Secret.of(SECRET)));
    actions.mask(List.of(Secret.of(SECRET)));

    assertThat(log().masks()).containsExactly(SECRET);
  }

  /** A step whose output has {@code lines} lines of {@code width} characters. */
  private static Step printing(int lines, int width) {
    String text = IntStream.range(0, lines).mapToObj(i -> String.format("%05d ", i) + "x".repeat(width - 6))
        .collect(Collectors.joining("\n", "", "\n"));
    return new Step() {
      @Override
      public String description() {
        return "print " + lines + " lines";
      }

      @Override
      public StepResult apply(StepContext context) {
        return StepResult.alreadyDone("printed").withOutput(text);
      }
    };
  }

  @Test
  void longOutputsAreFoldedAndShortOnesShownOpen() throws IOException {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));

    Plan plan = Release.of("0.57").in(project.workTree()).then(printing(5, 20)).then(printing(30, 20)).plan();
    actions.writeSummary(plan);

    String markdown = Files.readString(summary);
    assertThat(markdown).isEqualTo(plan.toMarkdown());
    assertThat(markdown).containsOnlyOnce("<details><summary>output (30 lines)</summary>")
        .contains("### 1. print 5 lines\n\n\n```\n00000 ");
  }

  @Test
  void aReportLargerThanTheSummaryLimitLeavesOutputsOutAndStaysUnderOneMebibyte() throws IOException {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));

    Plan plan = Release.of("0.57").in(project.workTree()).then(printing(30_000, 50)).plan();
    actions.writeSummary(plan);

    assertThat(plan.toMarkdown().length()).isGreaterThan((int) StepSummary.LIMIT);
    assertThat(Files.size(summary)).isLessThanOrEqualTo(StepSummary.LIMIT);
    assertThat(Files.readString(summary)).contains("| 1 | print 30000 lines | `ALREADY_DONE` | printed |")
        .contains("_output: 30000 lines, left out here; see the log_");
  }

  @Test
  void aSummaryAlmostFullIsCutAtALineWithANote() throws IOException {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));
    Files.writeString(summary, "x".repeat((int) StepSummary.LIMIT - 400) + "\n");

    Plan plan = Release.of("0.57").in(project.workTree()).then(printing(3, 20)).then(printing(3, 20))
        .then(printing(3, 20)).plan();
    actions.writeSummary(plan);

    assertThat(Files.size(summary)).isLessThanOrEqualTo(StepSummary.LIMIT);
    assertThat(Files.readString(summary)).contains("## Plan for release 0.57.0")
        .endsWith("_The summary is cut here to stay under GitHub's 1 MiB limit; the whole report is in the job's"
            + " log._\n");
  }

  @Test
  void aReleaseRefusedBeforeItsFirstStepIsAnErrorAndABlockedOutcome() throws IOException {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));
    ReleaseException refused = (ReleaseException) SecretLeakGuard.thrown(() -> Release.of("0.57")
        .in(project.workTree()).listener(actions.listener()).plan());

    actions.publish(refused);

    assertThat(refused).isInstanceOf(PreconditionException.class);
    assertThat(log().commands("error")).singleElement().satisfies(error -> {
      assertThat(error.title()).isEqualTo("releasekit: PreconditionException");
      assertThat(error.message()).isEqualTo(refused.getMessage());
    });
    assertThat(WorkflowLog.outputs(output)).containsExactly(Map.entry("outcome", "blocked"));
    assertThat(Files.readString(summary)).contains("**Stopped: PreconditionException**");
  }

  @Test
  void aRunBlockedByItsRehearsalAnnotatesTheBlockedStepFromItsReport() {
    LocalProject project = LocalProject.homeAssistant(temp.resolve("ha"));
    ReleaseException blocked = (ReleaseException) SecretLeakGuard.thrown(() -> Release.of("0.57")
        .in(project.workTree()).listener(actions.listener())
        .then(blocking("check the milestone", "Milestone 0.57 has open pull requests. Merge them first."))
        .run());

    actions.publish(blocked);

    assertThat(log().commands("error")).singleElement().satisfies(error -> {
      assertThat(error.title()).isEqualTo("1) check the milestone");
      assertThat(error.message()).isEqualTo("Milestone 0.57 has open pull requests. Merge them first.");
    });
    assertThat(WorkflowLog.outputs(output)).containsEntry("outcome", "blocked");
  }
}
