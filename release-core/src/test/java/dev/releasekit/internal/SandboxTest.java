package dev.releasekit.internal;

import static dev.releasekit.testing.FastImport.Git.git;
import static dev.releasekit.testing.FastImport.Git.gitWithInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.releasekit.PushRefusedException;
import dev.releasekit.PushRefusedException.Reason;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's sandbox as git sees it, and its origin moved in process: the git CLI is the oracle for the layout
 * written by hand, and a push through JGit's own protocol, on the same sandbox, for every answer the in-process
 * push gives.
 */
class SandboxTest {
  @TempDir
  Path temp;

  private GitFixture fixture;
  private JGitWorkspace real;
  private Sandbox sandbox;
  private JGitWorkspace inProcess;
  private JGitWorkspace throughProtocol;

  @BeforeEach
  void setUp() throws IOException {
    fixture = GitFixture.homeAssistant(temp.resolve("repo"));
    // An annotated tag and a branch whose name is not ASCII: the copy must peel the one and keep the other.
    git(fixture.workTree(), "tag", "-a", "-m", "Release 0.56", "0.56-annotated", "master");
    git(fixture.workTree(), "push", "-q", "origin", "0.56-annotated", "master:refs/heads/fonctionnalité-é");
    real = JGitWorkspace.open(fixture.workTree(), null);
    real.fetch();
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    sandbox = Sandbox.of(real, real.origin().refs(), SandboxHome.in(tmp, System.getProperty("user.name")));
    inProcess = JGitWorkspace.open(sandbox.clone(), null);
    inProcess.originInProcess(sandbox.openOrigin());
    throughProtocol = JGitWorkspace.open(sandbox.clone(), null);
  }

  @AfterEach
  void tearDown() {
    throughProtocol.close();
    inProcess.close();
    sandbox.close();
    real.close();
  }

  @Test
  void gitReadsTheSandboxOriginAsACopyOfOriginsRefsWithOriginsDefaultBranch() {
    String refs = "for-each-ref --format=%(objectname) %(refname)";
    assertThat(git(sandbox.origin(), refs.split(" ", 2)[0], refs.split(" ", 2)[1]))
        .isEqualTo(git(fixture.origin(), refs.split(" ", 2)[0], refs.split(" ", 2)[1]));
    assertThat(git(sandbox.origin(), "symbolic-ref", "HEAD"))
        .isEqualTo(git(fixture.origin(), "symbolic-ref", "HEAD"));
    assertThat(git(sandbox.origin(), "rev-parse", "0.56-annotated^{commit}"))
        .isEqualTo(git(fixture.origin(), "rev-parse", "master"));
    // Every object the refs reach is read, through the borrowed databases (git fails on a missing one).
    assertThat(git(sandbox.origin(), "rev-list", "--objects", "--all"))
        .isEqualTo(git(fixture.origin(), "rev-list", "--objects", "--all"));
    assertThat(git(sandbox.clone(), "rev-list", "--objects", "--all"))
        .isEqualTo(git(fixture.origin(), "rev-list", "--objects", "--all"));
  }

  @Test
  void gitReadsTheSandboxCloneWithOriginsBranchesAsItsRemoteCopies() {
    assertThat(git(sandbox.clone(), "rev-parse", "refs/remotes/origin/fonctionnalité-é"))
        .isEqualTo(git(fixture.origin(), "rev-parse", "refs/heads/fonctionnalité-é"));
    assertThat(git(sandbox.clone(), "config", "remote.origin.url"))
        .isEqualTo(sandbox.origin().toUri().toString());
    assertThat(git(sandbox.clone(), "rev-parse", "--is-bare-repository")).isEqualTo("false");
    assertThat(git(sandbox.origin(), "rev-parse", "--is-bare-repository")).isEqualTo("true");
  }

  @Test
  void originListedInProcessIsWhatTheProtocolAdvertises() {
    assertThat(inProcess.origin().refs()).isEqualTo(throughProtocol.origin().refs())
        .containsKeys("refs/heads/fonctionnalité-é", "refs/tags/0.56-annotated");
    assertThat(inProcess.origin()).isEqualTo(throughProtocol.origin());
  }

  @Test
  void aPushInProcessMovesOriginAndTheCloneCopyAsAPushThroughTheProtocolDoes() throws IOException {
    String master = git(sandbox.origin(), "rev-parse", "refs/heads/master");
    ObjectId commit = commitOnto(master, "one");
    inProcess.push(commit, "refs/heads/master", ObjectId.fromString(master));

    // Origin names the clone's commit and reads it through the borrowed database, as git would after a push.
    assertThat(git(sandbox.origin(), "rev-parse", "refs/heads/master")).isEqualTo(commit.name());
    assertThat(git(sandbox.origin(), "cat-file", "-t", commit.name())).isEqualTo("commit");
    assertThat(git(sandbox.clone(), "rev-parse", "refs/remotes/origin/master")).isEqualTo(commit.name());

    // The protocol's push of the next commit builds on it, and a new branch is created the same way.
    ObjectId next = commitOnto(commit.name(), "two");
    throughProtocol.push(next, "refs/heads/master", commit);
    inProcess.push(next, "refs/heads/release-0-57", ObjectId.zeroId());
    assertThat(git(sandbox.origin(), "rev-parse", "refs/heads/release-0-57", "refs/heads/master"))
        .isEqualTo(next.name() + "\n" + next.name());
    assertThat(inProcess.pushCount()).isEqualTo(2);
  }

  @Test
  void aPushOfWhatOriginAlreadyHoldsChangesNothing() {
    String master = git(sandbox.origin(), "rev-parse", "refs/heads/master");
    inProcess.push(ObjectId.fromString(master), "refs/heads/master", ObjectId.fromString(master));
    assertThat(git(sandbox.origin(), "rev-parse", "refs/heads/master")).isEqualTo(master);
  }

  @Test
  void aRefThatMovedSinceItWasObservedIsRefusedAsThroughTheProtocolAndNothingMoves() throws IOException {
    String master = git(sandbox.origin(), "rev-parse", "refs/heads/master");
    ObjectId first = commitOnto(master, "first");
    ObjectId second = commitOnto(master, "second");
    inProcess.push(first, "refs/heads/master", ObjectId.fromString(master));

    List<PushRefusedException> refused = refusals(second, master);

    assertThat(refused).extracting(PushRefusedException::reason).containsOnly(Reason.NON_FAST_FORWARD);
    assertThat(refused.get(0).getMessage()).isEqualTo(refused.get(1).getMessage());
    assertThat(git(sandbox.origin(), "rev-parse", "refs/heads/master")).isEqualTo(first.name());
  }

  @Test
  void aNonFastForwardIsRefusedAsThroughTheProtocolAndNothingMoves() throws IOException {
    String master = git(sandbox.origin(), "rev-parse", "refs/heads/master");
    ObjectId sideways = commitOnto(master + "~1", "sideways");

    List<PushRefusedException> refused = refusals(sideways, master);

    assertThat(refused).extracting(PushRefusedException::reason).containsOnly(Reason.NON_FAST_FORWARD);
    assertThat(refused.get(0).getMessage()).isEqualTo(refused.get(1).getMessage());
    assertThat(git(sandbox.origin(), "rev-parse", "refs/heads/master")).isEqualTo(master);
  }

  @Test
  void aLockOnOriginsRefIsRefusedAsLockedAsThroughTheProtocolAndNothingMoves() throws IOException {
    String master = git(sandbox.origin(), "rev-parse", "refs/heads/master");
    ObjectId commit = commitOnto(master, "locked out");
    Path lock = sandbox.origin().resolve("refs/heads/master.lock");
    Files.write(lock, new byte[0]);

    List<PushRefusedException> refused = refusals(commit, master);

    assertThat(refused).extracting(PushRefusedException::reason).containsOnly(Reason.LOCKED);
    assertThat(refused.get(0).getMessage()).isEqualTo(refused.get(1).getMessage());
    assertThat(refused.get(0).lockFile()).isEqualTo(refused.get(1).lockFile());
    assertThat(lock).exists();
    assertThat(git(sandbox.origin(), "rev-parse", "refs/heads/master")).isEqualTo(master);
  }

  /** How a push of {@code newId} onto master, seen at {@code observed}, is refused: in process, then by protocol. */
  private List<PushRefusedException> refusals(ObjectId newId, String observed) {
    return Stream.of(inProcess, throughProtocol).map(workspace -> catchThrowableOfType(PushRefusedException.class,
        () -> workspace.push(newId, "refs/heads/master", ObjectId.fromString(observed)))).toList();
  }

  /** A commit in the sandbox clone on {@code parent}, not pushed: its objects are the clone's alone. */
  private ObjectId commitOnto(String parent, String content) {
    Path work = sandbox.clone();
    String tree = gitIn(work, "100644 blob " + hash(work, content) + "\tnotes.txt\n", "mktree");
    return ObjectId.fromString(git(work, "commit-tree", tree, "-p", git(work, "rev-parse", parent), "-m",
        content));
  }

  private static String hash(Path work, String content) {
    return gitIn(work, content, "hash-object", "-w", "--stdin");
  }

  private static String gitIn(Path dir, String stdin, String... args) {
    return gitWithInput(dir, stdin, args);
  }
}
