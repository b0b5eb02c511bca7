package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.FastImport;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.Leases;
import dev.releasekit.testing.ReleaseDayScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Origin's refusals, each its own outcome with origin's words: a lock (recovered when a dead run left it, named
 * when its owner is unknown), a hook's rejection, and a non-fast-forward, which the step answers by observing
 * again. The plan meets a lock where the run would and answers as the run would.
 */
class PushRefusalTest {
  @TempDir
  Path temp;

  private static Path lock(GitFixture fixture, String ref, Instant made) throws IOException {
    Path lock = fixture.origin().resolve(ref + ".lock");
    Files.createDirectories(lock.getParent());
    Files.write(lock, new byte[0]);
    Files.setLastModifiedTime(lock, FileTime.from(made));
    return lock;
  }

  private static Release cut(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch();
  }

  @Test
  void aLockThatADeadRunLeftOnOriginIsRemovedAndTheRunConverges() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Path lock = lock(fixture, "refs/heads/release-0-57", Instant.now().minusSeconds(60));

    Report report = cut(fixture).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(lock).doesNotExist();
    assertThat(fixture.originRefs()).containsKey("refs/heads/release-0-57");
    assertThat(cut(fixture).plan().isNoOp()).isTrue();
  }

  private static Path packFile(GitFixture fixture, String name, String content, Instant made) throws IOException {
    Path file = fixture.origin().resolve("objects/pack/" + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(made));
    return file;
  }

  @Test
  void whatADeadRunsReceiveLeftInOriginsPackFolderIsRemovedButAGitCliKeepAndAFreshOneStay() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Instant dead = Instant.now().minusSeconds(60);
    Path keepLock = packFile(fixture, "pack-1111111111111111111111111111111111111111.keep.lock", "", dead);
    Path keep = packFile(fixture, "pack-2222222222222222222222222222222222222222.keep", "jgit receive-pack", dead);
    Path cli = packFile(fixture, "pack-3333333333333333333333333333333333333333.keep",
        "receive-pack 4242 on build-7\n", dead);
    Path fresh = packFile(fixture, "pack-4444444444444444444444444444444444444444.keep", "jgit receive-pack",
        Instant.now().plusSeconds(60));

    assertThat(cut(fixture).plan().step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(keepLock).as("a plan removes nothing on origin").exists();
    Report report = cut(fixture).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(keepLock).doesNotExist();
    assertThat(keep).doesNotExist();
    assertThat(cli).as("a git CLI push's keep file is not releasekit's to judge").exists();
    assertThat(fresh).as("made after the lease was taken, so maybe a live push's").exists();
  }

  @Test
  void thePlanMeetsADeadRunsLockAsTheRunWouldAndLeavesItToTheRun() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Path lock = lock(fixture, "refs/heads/release-0-57", Instant.now().minusSeconds(60));
    String before = fixture.fingerprint();

    Plan plan = cut(fixture).plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(lock).as("a plan removes nothing on origin").exists();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void aLockThatAppearsWhileTheRunHoldsTheLeaseIsATypedErrorThatNamesTheFileAndIsLeftAlone() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Path lockFile = fixture.origin().resolve("refs/heads/release-0-57.lock");
    Step lockThenCut = new Step() {
      @Override
      public String description() {
        return "lock the branch, then cut it";
      }

      @Override
      public StepResult apply(StepContext context) {
        try {
          Files.write(lockFile, new byte[0]);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        var origin = context.workspace().origin();
        context.workspace().createBranch(origin, "release-0-57", origin.branch("dev").orElseThrow());
        return StepResult.done("cut");
      }
    };
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).withoutRehearsal()
        .then(lockThenCut);
    Map<String, String> before = fixture.originRefs();

    PushRefusedException refused = catchThrowableOfType(PushRefusedException.class, release::run);

    assertThat(refused.reason()).isEqualTo(PushRefusedException.Reason.LOCKED);
    assertThat(refused.ref()).isEqualTo("refs/heads/release-0-57");
    assertThat(refused.lockFile()).contains(lockFile);
    assertThat(refused.getMessage()).contains(lockFile.toString()).contains("Check that no git process")
        .contains("after this run took the release's lease");
    assertThat(lockFile).exists();
    assertThat(fixture.originRefs()).isEqualTo(before);
  }

  private static Release mergePr(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch().mergePr();
  }

  @Test
  void aLockThatADeadRunLeftOnMainIsRemovedWhenTheLocalHostingMergesThePullRequest() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    ReleaseDayScenario.preparation(fixture).run();
    Path lock = lock(fixture, "refs/heads/master", Instant.now().minusSeconds(60));

    Report report = mergePr(fixture).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(lock).doesNotExist();
    assertThat(fixture.isAncestor("release-0-57", "master")).isTrue();
    assertThat(mergePr(fixture).plan().isNoOp()).isTrue();
  }

  @Test
  void aLockOnMainMadeAfterTheRunTookTheLeaseFailsTheLocalMergeNamingTheFileAndChangesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    ReleaseDayScenario.preparation(fixture).run();
    Path lockFile = fixture.origin().resolve("refs/heads/master.lock");
    Step lockMain = new Step() {
      @Override
      public String description() {
        return "lock main";
      }

      @Override
      public StepResult apply(StepContext context) {
        try {
          Files.write(lockFile, new byte[0]);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        return StepResult.done("locked");
      }
    };
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).withoutRehearsal()
        .then(lockMain).onReleaseBranch().mergePr();
    Map<String, String> before = fixture.originRefs();

    PushRefusedException refused = catchThrowableOfType(PushRefusedException.class, release::run);

    assertThat(refused.reason()).isEqualTo(PushRefusedException.Reason.LOCKED);
    assertThat(refused.ref()).isEqualTo("refs/heads/master");
    assertThat(refused.getMessage()).contains(lockFile.toString()).contains("Check that no git process");
    assertThat(lockFile).exists();
    assertThat(fixture.originRefs()).isEqualTo(before);
    assertThat(fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow().isMerged()).isFalse();
  }

  @Test
  void aLockWhileAnotherLiveRunHoldsTheLeaseIsBlockedInThePlanWithTheFileNamed() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Leases.forge(fixture, "0.57.0", "other-run", "ci-runner-7", 4242, Instant.now().plusSeconds(3600), false);
    Path lock = lock(fixture, "refs/heads/release-0-57", Instant.now().minusSeconds(60));

    Plan plan = cut(fixture).plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(1).detail()).contains(lock.toString()).contains("does not hold the release's lease");
    assertThat(lock).exists();
  }

  @Test
  void aPreReceiveHookThatDeclinesIsItsOwnOutcomeWithTheHooksWords() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Path hook = fixture.origin().resolve("hooks/pre-receive");
    Files.createDirectories(hook.getParent());
    Files.writeString(hook, "#!/bin/sh\necho 'policy: releases are frozen today' >&2\nexit 1\n");
    hook.toFile().setExecutable(true);
    // JGit's in-process receive-pack runs no hooks; git's own receive-pack, as a server would, does.
    FastImport.Git.git(fixture.workTree(), "config", "remote.origin.receivepack", "/usr/bin/git-receive-pack");
    Map<String, String> before = fixture.originRefs();

    PushRefusedException refused = catchThrowableOfType(PushRefusedException.class,
        cut(fixture).withoutRehearsal()::run);

    assertThat(refused.reason()).isEqualTo(PushRefusedException.Reason.HOOK);
    assertThat(refused.originMessage()).contains("pre-receive hook declined")
        .contains("policy: releases are frozen today");
    assertThat(refused.getMessage()).contains("policy: releases are frozen today");
    assertThat(fixture.originRefs()).isEqualTo(before);
  }

  @Test
  void aNonFastForwardIsItsOwnOutcomeWithTheRefWhenOneObservationIsAllThereIs() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    try (var ws = dev.releasekit.git.Workspace.open(fixture.workTree())) {
      var observed = ws.origin();
      String theirs = fixture.project().commit("dev", "Someone else", Map.of("theirs.txt", "x\n"));

      PushRefusedException refused = catchThrowableOfType(PushRefusedException.class,
          () -> ws.commit(observed, "dev", "Mine", Map.of("mine.txt", "y\n".getBytes())));

      assertThat(refused.reason()).isEqualTo(PushRefusedException.Reason.NON_FAST_FORWARD);
      assertThat(refused.ref()).isEqualTo("refs/heads/dev");
      assertThat(fixture.originRefs().get("refs/heads/dev")).isEqualTo(theirs);
    }
  }
}
