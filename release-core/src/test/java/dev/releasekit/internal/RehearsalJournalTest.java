package dev.releasekit.internal;

import static dev.releasekit.testing.FastImport.Git.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.releasekit.PushRefusedException;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's journal, beside the run's: the plan pushes its first flush into the sandbox, where the run's first push
 * would meet a lock, and keeps the later lines in memory; the run pushes every flush and keeps a file for crash
 * recovery.
 */
class RehearsalJournalTest {
  private static final String REF = "refs/releasekit/0.57.0";

  @TempDir
  Path temp;

  private Sandbox sandbox;
  private JGitWorkspace real;
  private JGitWorkspace clone;

  @BeforeEach
  void setUp() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp.resolve("repo"));
    real = JGitWorkspace.open(fixture.workTree(), null);
    real.fetch();
    sandbox = Sandbox.of(real, real.origin().refs(), SandboxHome.in(Files.createDirectories(temp.resolve("tmp")),
        System.getProperty("user.name")));
    clone = JGitWorkspace.open(sandbox.clone(), null);
    clone.originInProcess(sandbox.openOrigin());
  }

  @AfterEach
  void tearDown() {
    clone.close();
    sandbox.close();
    real.close();
  }

  private static void recordAndFlush(GitJournal journal, String... keys) {
    for (String key : keys) {
      journal.record(key, "DONE", "step " + key);
      journal.flush();
    }
  }

  private String originJournal() {
    return git(sandbox.origin(), "show", REF + ":journal.jsonl");
  }

  @Test
  void aPlansJournalPushesItsFirstFlushAndKeepsTheLaterLinesInMemory() {
    GitJournal journal = GitJournal.rehearsal(clone, "0.57.0", "plan", Clock.systemUTC());

    recordAndFlush(journal, "step:1", "step:2", "step:3");

    assertThat(clone.pushCount()).isEqualTo(1);
    assertThat(originJournal().lines()).hasSize(1).allMatch(line -> line.contains("\"step:1\""));
    assertThat(journal.entries()).extracting(e -> e.key()).containsExactly("step:1", "step:2", "step:3");
    assertThat(journal.latest("step:3")).isPresent();
    assertThat(journal.pending()).isFalse();
    assertThat(sandbox.clone().resolve(".git/releasekit/0.57.0.jsonl")).doesNotExist();
  }

  @Test
  void theRunsJournalPushesEveryFlushAndKeepsItsFileForRecovery() {
    GitJournal journal = new GitJournal(clone, "0.57.0", "run", Clock.systemUTC());

    recordAndFlush(journal, "step:1", "step:2", "step:3");

    assertThat(clone.pushCount()).isEqualTo(3);
    assertThat(originJournal().lines()).hasSize(3);
    assertThat(sandbox.clone().resolve(".git/releasekit/0.57.0.jsonl")).exists();
  }

  @Test
  void aPlansJournalMeetsALockOnOriginsJournalRefAtItsFirstFlushAsTheRunWould() throws IOException {
    Path lock = sandbox.origin().resolve(REF + ".lock");
    Files.createDirectories(lock.getParent());
    Files.write(lock, new byte[0]);
    GitJournal plan = GitJournal.rehearsal(clone, "0.57.0", "plan", Clock.systemUTC());
    GitJournal run = new GitJournal(clone, "0.57.0", "run", Clock.systemUTC());
    plan.record("step:1", "DONE", "cut");
    run.record("step:1", "DONE", "cut");

    PushRefusedException planned = catchThrowableOfType(PushRefusedException.class, plan::flush);
    PushRefusedException ran = catchThrowableOfType(PushRefusedException.class, run::flush);

    assertThat(planned.reason()).isEqualTo(ran.reason()).isEqualTo(PushRefusedException.Reason.LOCKED);
    assertThat(planned.getMessage()).isEqualTo(ran.getMessage());
    assertThat(lock).exists();
  }
}
