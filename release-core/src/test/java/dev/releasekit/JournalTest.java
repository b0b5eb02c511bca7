package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.FastImport.Git;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on origin is append-only and written only when a step wrote something: another run's entries are
 * kept before this run's when both append, and a refused journal push never fails a step that is done.
 */
class JournalTest {
  private static final String REF = "refs/releasekit/0.57.0";
  private static final String OTHER = "{\"time\":\"2026-12-04T10:00:00Z\",\"run\":\"other\",\"key\":\"note\","
      + "\"state\":\"seen\",\"detail\":\"another run's entry\"}";

  @TempDir
  Path temp;

  private static String journal(GitFixture fixture) {
    return Git.git(fixture.origin(), "show", REF + ":journal.jsonl");
  }

  /** Appends a line to origin's journal as another clone's run would, with the git CLI. */
  private static void appendOnOrigin(GitFixture fixture, String line) {
    Path origin = fixture.origin();
    String parent = fixture.allOriginRefs().getOrDefault(REF, "");
    String content = (parent.isEmpty() ? "" : journal(fixture) + "\n") + line + "\n";
    String blob = Git.gitWithInput(origin, content, "hash-object", "-w", "--stdin");
    String tree = Git.gitWithInput(origin, "100644 blob " + blob + "\tjournal.jsonl\n", "mktree");
    String commit = parent.isEmpty() ? Git.gitWithInput(origin, "releasekit journal (run other)\n", "commit-tree", tree)
        : Git.gitWithInput(origin, "releasekit journal (run other)\n", "commit-tree", tree, "-p", parent);
    Git.git(origin, "update-ref", REF, commit);
  }

  @Test
  void aJournalPushRefusedBecauseAnotherRunAppendedKeepsItsLinesFirstAndTheStepStaysDone() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Step appendThenCut = new Step() {
      @Override
      public String description() {
        return "cut the branch while another run appends to the journal";
      }

      @Override
      public StepResult apply(StepContext context) {
        if (context.workspace().directory().equals(fixture.workTree())) {
          appendOnOrigin(fixture, OTHER);
        }
        var origin = context.workspace().origin();
        context.workspace().createBranch(origin, "release-0-57", origin.branch("dev").orElseThrow());
        return StepResult.done("cut");
      }
    };

    Report report = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).then(appendThenCut)
        .run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    List<String> lines = journal(fixture).lines().toList();
    assertThat(lines.get(0)).isEqualTo(OTHER);
    assertThat(lines).anyMatch(l -> l.contains("\"key\":\"step:1\"") && l.contains("\"state\":\"DONE\""));
    assertThat(Git.git(fixture.origin(), "rev-list", "--count", REF)).isEqualTo("2");
  }

  @Test
  void aCloneWhoseJournalRefLagsBehindOriginsBehindADeadRunsLockStillAppendsToOriginsWholeJournal()
      throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch().run();
    String ours = Git.git(fixture.workTree(), "rev-parse", REF);
    appendOnOrigin(fixture, OTHER);
    // A run in this clone died between a journal push and its local update: the clone's ref is behind origin's and
    // locked, and the clone's own file never held the other clone's line.
    Path gitDir = fixture.workTree().resolve(".git");
    java.nio.file.Files.writeString(gitDir.resolve(REF + ".lock"), ours + "\n");
    java.nio.file.Files.deleteIfExists(gitDir.resolve("releasekit/0.57.0.jsonl"));
    List<String> before = journal(fixture).lines().toList();

    Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch().bumpVersion().run();

    List<String> after = journal(fixture).lines().toList();
    assertThat(after).as("origin's journal only grows").startsWith(before.toArray(String[]::new))
        .hasSizeGreaterThan(before.size()).contains(OTHER);
  }

  @Test
  void aStepThatFailsBeforeWritingLeavesNoJournalOnOrigin() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Step failing = new Step() {
      @Override
      public String description() {
        return "find origin changed, and stop before writing";
      }

      @Override
      public StepResult apply(StepContext context) {
        if (context.workspace().directory().equals(fixture.workTree())) {
          throw new ConflictException("origin changed; run again");
        }
        return StepResult.done("would write");
      }
    };
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).then(failing);

    org.assertj.core.api.Assertions.assertThatThrownBy(release::run).isInstanceOf(ConflictException.class);

    assertThat(fixture.allOriginRefs()).doesNotContainKey(REF);
  }

  @Test
  void eachStepThatWritesAddsOneJournalCommitAndARerunAddsNone() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Release preparation = PreparationFlowTest.preparation(fixture);

    Report first = preparation.run();
    long wrote = first.steps().stream().filter(s -> s.outcome() == Outcome.DONE).count();
    String count = Git.git(fixture.origin(), "rev-list", "--count", REF);
    preparation.run();

    assertThat(count).isEqualTo(String.valueOf(wrote));
    assertThat(Git.git(fixture.origin(), "rev-list", "--count", REF)).isEqualTo(count);
  }
}
