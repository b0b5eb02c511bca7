package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every documented exit code, each produced by a scenario that causes it, through the in-process tool. */
class ExitCodesTest {
  @TempDir
  Path temp;

  @Test
  void aRunThatWritesExitsZeroAndItsRerunExitsZeroWithNothingWritten() {
    GitFixture core = GitFixture.homeAssistant(temp);
    String[] args = {"run", "ha-preparation", "--version", "0.57", "--core", core.workTree().toString()};

    Tool.Result first = Tool.run(Map.of(), args);

    assertThat(first.code()).as(first.toString()).isEqualTo(ReleaseKit.DONE);
    assertThat(first.out()).contains("Report for release 0.57.0").contains("DONE");
    assertThat(core.hosting().findPullRequest("release-0-57", "master")).isPresent();
    String after = core.fingerprint();

    Tool.Result again = Tool.run(Map.of(), args);

    assertThat(again.code()).as(again.toString()).isEqualTo(ReleaseKit.DONE);
    assertThat(again.err()).contains("nothing to do");
    assertThat(core.fingerprint()).isEqualTo(after);
  }

  @Test
  void aReleaseBranchOnAnotherCommitBlocksBeforeAnyWriteWithTwo() {
    GitFixture posthog = GitFixture.postHog(temp);
    posthog.project().branch("release-1.31.0", "master~1");
    String before = posthog.fingerprint();
    String[] args = {"posthog-code-freeze", "--version", "1.31.0", "--posthog", posthog.workTree().toString(),
        "--changelog", changelog("- Faster\n").toString()};

    Tool.Result plan = Tool.run(Map.of(), prepend("plan", args));
    Tool.Result run = Tool.run(Map.of(), prepend("run", args));

    assertThat(plan.code()).as(plan.toString()).isEqualTo(ReleaseKit.BLOCKED);
    assertThat(run.code()).as(run.toString()).isEqualTo(ReleaseKit.BLOCKED);
    assertThat(run.err()).contains("releasekit: blocked (exit 2): ").contains("release-1.31.0");
    assertThat(posthog.fingerprint()).isEqualTo(before);
  }

  @Test
  void aCherryPickConflictNeedsAPersonWithThreeAfterThePicksBeforeItLanded() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp).deferUnmerged()
        .hotfixClimateOnTheReleaseBranch();
    String[] args = {"ha-release-day", "--version", "0.57", "--core", scenario.fixture().workTree().toString()};

    Tool.Result plan = Tool.run(Map.of(), prepend("plan", args));
    Tool.Result run = Tool.run(Map.of(), prepend("run", args));

    assertThat(plan.code()).as(plan.toString()).isEqualTo(ReleaseKit.NEEDS_A_PERSON);
    assertThat(run.code()).as(run.toString()).isEqualTo(ReleaseKit.NEEDS_A_PERSON);
    assertThat(run.err()).contains("releasekit: needs a person (exit 3): Cherry-picking #"
        + scenario.mergeCommitPr());
    assertThat(scenario.fixture().file("release-0-57", "homeassistant/switch.py")).as("#102, picked before it")
        .isEqualTo("TOGGLE = True\n");
    assertThat(count(run.out() + run.err(), "Previously picked:")).as("the summary, once:\n" + run).isEqualTo(1);
  }

  @Test
  void aRemoteServiceFailingAfterItsRetriesExitsFourNamingTheServiceAndTheRequestId() {
    GitFixture core = GitFixture.homeAssistant(temp);
    String before = core.fingerprint();
    try (GitHubStub stub = GitHubStub.start("home-assistant/core").withOrigin(core.origin())) {
      for (int i = 0; i < 4; i++) {
        stub.faultAt(i, GitHubStub.Fault.BAD_GATEWAY);
      }

      Tool.Result run = Tool.run(Map.of("GITHUB_TOKEN", GitHubStub.TOKEN), "run", "ha-preparation",
          "--version", "0.57", "--core", core.workTree().toString(), "--github", "core=home-assistant/core",
          "--github-api-url", stub.baseUrl());

      assertThat(run.code()).as(run.toString()).isEqualTo(ReleaseKit.REMOTE_FAILED);
      assertThat(run.err()).startsWith("releasekit: a remote service failed (exit 4): ")
          .contains(" answered 502, request id STUB:3: ");
      assertThat(stub.requests()).hasSize(4).allMatch(r -> r.status() == 502);
      assertThat(run.out() + run.err()).doesNotContain(GitHubStub.TOKEN);
      assertThat(stub.validationErrors()).isEmpty();
    }
    assertThat(core.fingerprint()).isEqualTo(before);
  }

  @Test
  void badUsageExitsSixtyFourAndSaysWhatIsMissing() {
    GitFixture core = GitFixture.homeAssistant(temp);
    String path = core.workTree().toString();

    Tool.Result unknownOption = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57", "--core", path,
        "--frobnicate");
    Tool.Result unknownFlow = Tool.run(Map.of(), "plan", "ha-everything", "--version", "0.57");
    Tool.Result noVersion = Tool.run(Map.of(), "plan", "ha-preparation", "--core", path);
    Tool.Result noCore = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57");
    Tool.Result noCommand = Tool.run(Map.of());

    assertThat(List.of(unknownOption, unknownFlow, noVersion, noCore, noCommand)).allSatisfy(result ->
        assertThat(result.code()).as(result.toString()).isEqualTo(ReleaseKit.USAGE));
    assertThat(unknownOption.err()).contains("Unknown option: '--frobnicate'");
    assertThat(unknownFlow.err()).contains("There is no built-in flow 'ha-everything'").contains("ha-bugfix");
    assertThat(noVersion.err()).contains("ha-preparation needs --version");
    assertThat(noCore.err()).contains("ha-preparation needs --core PATH|URL");
    assertThat(noCommand.err()).contains("Usage: releasekit");
  }

  @Test
  void aFlowThatFailsForAReasonOfItsOwnIsAnInternalErrorWithOne() throws Exception {
    Path flow = temp.resolve("Broken.java");
    Files.writeString(flow, "import dev.releasekit.Release;\npublic class Broken {\n"
        + "  public static Release release(String... args) { throw new IllegalStateException(\"a bug\"); }\n}\n");

    Tool.Result result = Tool.run(Map.of(), "plan", flow.toString());

    assertThat(result.code()).as(result.toString()).isEqualTo(ReleaseKit.INTERNAL_ERROR);
    assertThat(result.err()).contains("releasekit: internal error (exit 1): a bug");
  }

  @Test
  void helpDocumentsEveryExitCode() {
    Tool.Result help = Tool.run(Map.of(), "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("  0   done, or nothing to do", "  2   blocked before any write",
        "  3   needs a person", "  4   a remote service failed", "  64  bad usage", "  1   an internal error");
  }

  private Path changelog(String body) {
    try {
      return Files.writeString(temp.resolve("changelog.md"), body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String[] prepend(String command, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
