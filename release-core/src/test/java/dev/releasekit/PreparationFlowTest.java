package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.ChildRelease;
import dev.releasekit.testing.GitFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Home Assistant's release preparation, end to end on a real repository and LocalHosting. */
class PreparationFlowTest {
  private static final List<UnaryOperator<Release>> VERBS = List.of(
      r -> r.mergeForward("master", "dev"), Release::cutBranch, Release::bumpVersion, Release::openPr);

  @TempDir
  Path temp;

  static Release preparation(GitFixture fixture) {
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting());
    for (UnaryOperator<Release> verb : VERBS) {
      release = verb.apply(release);
    }
    return release;
  }

  private static List<PullRequest> allPullRequests(GitFixture fixture) {
    return new ArrayList<>(fixture.hosting().pullRequests(IntStream.rangeClosed(1, 50).boxed().toList()).values());
  }

  @Test
  void runCutsTheBranchBumpsConstPyAndOpensExactlyOnePullRequest() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String devBefore = fixture.commit("dev").name();
    String constBefore = fixture.file("dev", "homeassistant/const.py");

    Report report = preparation(fixture).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(fixture.isAncestor("master", "dev")).as("dev contains master").isTrue();
    assertThat(fixture.isAncestor(devBefore, "dev")).isTrue();
    assertThat(fixture.commit("dev").getParentCount()).as("merge commit").isEqualTo(2);
    assertThat(fixture.isAncestor("dev", "release-0-57")).as("release-0-57 from dev").isTrue();
    assertThat(fixture.commit("release-0-57").getParent(0).name()).isEqualTo(fixture.commit("dev").name());
    String constAfter = fixture.file("release-0-57", "homeassistant/const.py");
    assertThat(constAfter).isEqualTo(constBefore.replace("PATCH_VERSION = '0.dev0'", "PATCH_VERSION = '0'"));
    assertThat(allPullRequests(fixture)).singleElement().satisfies(pr -> {
      assertThat(pr.head()).isEqualTo("release-0-57");
      assertThat(pr.base()).isEqualTo("master");
      assertThat(pr.title()).isEqualTo("0.57");
      assertThat(pr.state()).isEqualTo(PullRequest.State.OPEN);
    });
  }

  @Test
  void rerunIsAlreadyDoneEverywhereAndWritesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    preparation(fixture).run();
    Map<String, String> refs = fixture.allOriginRefs();
    int commits = fixture.commitCount();
    String store = GitFixture.hashOf(fixture.hosting().storeDirectory());

    Report again = preparation(fixture).run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(again.isNoOp()).isTrue();
    assertThat(fixture.allOriginRefs()).as("every ref, journal included").isEqualTo(refs);
    assertThat(fixture.commitCount()).isEqualTo(commits);
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(store);
    assertThat(allPullRequests(fixture)).hasSize(1);
  }

  @ParameterizedTest(name = "process dies after step {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void rerunAfterAFailureAfterAnyStepEndsWhereAnUninterruptedRunEnds(int failAfter) {
    GitFixture reference = GitFixture.homeAssistant(temp.resolve("reference"));
    preparation(reference).run();

    GitFixture fixture = GitFixture.homeAssistant(temp.resolve("interrupted"));
    Release dying = preparation(fixture).listener(new ReleaseListener() {
      @Override
      public void stepFinished(int index, StepResult result) {
        if (index == failAfter) {
          throw new IllegalStateException("injected: process died after step " + index);
        }
      }
    });
    assertThatThrownBy(dying::run).hasMessageContaining("injected");

    Report rerun = preparation(fixture).run();

    assertThat(rerun.steps()).extracting(StepResult::outcome)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, VERBS.size())
            .mapToObj(i -> i <= failAfter ? Outcome.ALREADY_DONE : Outcome.DONE).toList());
    assertThat(fixture.contentState()).isEqualTo(reference.contentState());
    assertThat(allPullRequests(fixture)).hasSize(1);
    assertThat(preparation(fixture).plan().isComplete()).isTrue();
  }

  @Test
  void rerunAfterTheProcessIsKilledWithSigkillMidRunConverges() throws Exception {
    GitFixture reference = GitFixture.homeAssistant(temp.resolve("reference"));
    preparation(reference).run();
    GitFixture fixture = GitFixture.homeAssistant(temp.resolve("killed"));

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
        ChildRelease.class.getName(), fixture.workTree().toString(), fixture.origin().toString(), "2")
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("STEP 2 DONE")) {
        // the child's output before the park point is not interesting
      }
      assertThat(line).as("child reached step 2").isEqualTo("STEP 2 DONE");
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(fixture.originRefs()).containsKey("refs/heads/release-0-57");
    assertThat(allPullRequests(fixture)).isEmpty();

    Report rerun = preparation(fixture).run();

    assertThat(rerun.steps()).extracting(StepResult::outcome)
        .containsExactly(Outcome.ALREADY_DONE, Outcome.ALREADY_DONE, Outcome.DONE, Outcome.DONE);
    assertThat(fixture.contentState()).isEqualTo(reference.contentState());
    assertThat(allPullRequests(fixture)).hasSize(1);
  }

  @Test
  void planOnAFreshSandboxIsAllWouldDoWithTheConstPyDiffAndTouchesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();

    Plan plan = preparation(fixture).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.changes()).filteredOn(c -> c.kind() == Change.Kind.FILE).singleElement().satisfies(c -> {
      assertThat(c.target()).isEqualTo("homeassistant/const.py");
      assertThat(c.diff()).contains("-PATCH_VERSION = '0.dev0'").contains("+PATCH_VERSION = '0'");
    });
    assertThat(plan.changes()).extracting(Change::summary)
        .anySatisfy(s -> assertThat(s).startsWith("create refs/heads/release-0-57"))
        .anySatisfy(s -> assertThat(s).startsWith("open pull request release-0-57 -> master \"0.57\""));
    assertThat(fixture.fingerprint()).as("origin refs and hosting store").isEqualTo(before);
    assertThat(plan.toString()).contains("WOULD_DO").contains("cut release-0-57 from dev");
  }

  @Test
  void planAfterARunSaysAlreadyDoneForEveryStep() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    preparation(fixture).run();
    String before = fixture.fingerprint();

    Plan plan = preparation(fixture).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(plan.isComplete()).isTrue();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void releaseBranchOnAnotherCommitBlocksThePlanAndTheRunChangesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.project().branch("release-0-57", "master");
    String before = fixture.fingerprint();

    Plan plan = preparation(fixture).plan();
    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(2).detail()).contains("already has release-0-57");
    assertThat(plan.isBlocked()).isTrue();

    assertThatThrownBy(() -> preparation(fixture).run())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("release-0-57")
        .satisfies(e -> assertThat(((ReleaseException) e).report()).isPresent());
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void tagOnAnotherCommitBlocksThePlanAndTheRunChangesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.project().tag("0.57", "master", "someone else's 0.57");
    String before = fixture.fingerprint();
    Release release = preparation(fixture).tag();

    assertThat(release.plan().step(5).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThatThrownBy(release::run).isInstanceOf(ConflictException.class).hasMessageContaining("Tag 0.57");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void journalTravelsWithOriginSoAFreshCloneSeesIt() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Report report = preparation(fixture).run();

    assertThat(fixture.allOriginRefs()).containsKey("refs/releasekit/0.57.0");
    String journal = fixture.file("refs/releasekit/0.57.0", "journal.jsonl");
    assertThat(journal).contains("\"run\":\"" + report.runId() + "\"").contains("branch:release-0-57")
        .contains("DONE cut release-0-57 from dev");
    assertThat(fixture.workTree().resolve(".git/releasekit/0.57.0.jsonl")).exists();
  }

  @Test
  void hostingIsFoundFromALocalOriginWithoutWiring() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Report report = Release.of("0.57").in(fixture.workTree()).cutBranch().openPr().run();
    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
    assertThat(fixture.hosting().findPullRequest("release-0-57", "master")).isPresent();
  }

  @Test
  void releasePlanAndReportReadWellInJshellAndRenderAsJsonAndMarkdown() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Release release = preparation(fixture);
    assertThat(release.toString()).isEqualTo("Release 0.57.0 (4 steps, not run)\n"
        + "  1) merge master into dev\n"
        + "  2) cut release-0-57 from dev\n"
        + "  3) set version 0.57.0 in homeassistant/const.py on release-0-57\n"
        + "  4) open pull request release-0-57 -> master titled \"0.57\"");
    Plan plan = release.plan();
    assertThat(plan.toJson()).startsWith("{").contains("\"outcome\": \"WOULD_DO\"").contains("\"diff\"");
    assertThat(plan.toMarkdown()).contains("| 2 | cut release-0-57 from dev | `WOULD_DO` |").contains("```diff");
    Report report = release.run();
    assertThat(report.toString()).contains("Report for release 0.57.0").contains("DONE");
    assertThat(report.toJson()).contains("\"kind\": \"report\"");
  }
}
