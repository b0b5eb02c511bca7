package dev.releasekit.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.ConflictException;
import dev.releasekit.Secret;
import dev.releasekit.testing.FastImport;
import dev.releasekit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir
  Path temp;

  @Test
  void theFixturesOriginRefusesForcedNonFastForwardPushesAndDeletions() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Map<String, String> before = fixture.originRefs();
    try (Git git = Git.open(fixture.workTree().toFile())) {
      Iterable<PushResult> forced = git.push().setRemote("origin")
          .setRefSpecs(new RefSpec("+refs/remotes/origin/master:refs/heads/dev")).call();
      assertThat(forced.iterator().next().getRemoteUpdate("refs/heads/dev").getStatus())
          .isIn(RemoteRefUpdate.Status.REJECTED_OTHER_REASON, RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD);
      Iterable<PushResult> deleted = git.push().setRemote("origin").setRefSpecs(new RefSpec(":refs/heads/dev"))
          .call();
      assertThat(deleted.iterator().next().getRemoteUpdate("refs/heads/dev").getStatus())
          .isNotEqualTo(RemoteRefUpdate.Status.OK);
    }
    assertThat(fixture.originRefs()).isEqualTo(before);
  }

  @Test
  void tagsAreNeverMoved() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    try (Workspace ws = Workspace.open(fixture.workTree())) {
      ws.tag("0.57", "master", "0.57");
      String tag = fixture.originRefs().get("refs/tags/0.57");
      assertThatThrownBy(() -> ws.tag("0.57", "dev", "0.57 again")).isInstanceOf(ConflictException.class);
      assertThat(fixture.originRefs().get("refs/tags/0.57")).isEqualTo(tag);
    }
  }

  @Test
  void logListsTheRangeOldestFirstLikeGitLog() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    try (Workspace ws = Workspace.open(fixture.workTree())) {
      List<Commit> log = ws.log("master", "dev");
      assertThat(log).extracting(Commit::subject)
          .containsExactly("Version bump to 0.57.0.dev0", "Add fail2ban sensor (#9975)");
      assertThat(log.get(1).authorEmail()).isEqualTo("balloob@users.noreply.github.com");
    }
  }

  @Test
  void aCommitOnAStaleParentIsRefusedAndOriginKeepsTheOtherPush() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    try (Workspace ws = Workspace.open(fixture.workTree())) {
      String observed = ws.remoteBranch("dev").orElseThrow();
      String theirs = fixture.project().commit("dev", "Someone else", Map.of("theirs.txt", "x\n"));
      assertThatThrownBy(() -> ws.commit("dev", observed, "Mine", Map.of("mine.txt", "y\n".getBytes())))
          .isInstanceOf(ConflictException.class).hasMessageContaining("run again");
      assertThat(fixture.originRefs().get("refs/heads/dev")).isEqualTo(theirs);
    }
  }

  @Test
  void credentialsNeverAppearInToStringOrErrors() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Secret token = Secret.of("ghp_supersecret123");
    try (Workspace ws = Workspace.open(fixture.workTree(), token)) {
      assertThat(ws.toString()).doesNotContain("ghp_supersecret123");
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
          () -> Workspace.cloneFrom("https://127.0.0.1:1/nowhere.git", temp.resolve("c"), token));
      assertThat(thrown).isNotNull();
      assertThat(thrown.getMessage()).doesNotContain("ghp_supersecret123");
    }
  }

  /** {@code git rev-list --count} of origin's branch: the git CLI as the oracle. */
  private static int commitsOn(GitFixture fixture, String branch) throws Exception {
    return Integer.parseInt(new String(FastImport.Git.run(fixture.origin(), "git", "rev-list", "--count",
        "refs/heads/" + branch), StandardCharsets.UTF_8).strip());
  }

  @Test
  void aCherryPickWhoseResultIsTheBranchsOwnTreeIsAlreadyOnTheBranchAndNeverACommit() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.project().branch("release-0-57", "dev");
    String fix = fixture.project().commit("dev", "Fix sensor rounding (#104)",
        Map.of("homeassistant/sensor.py", "ROUND = 2\n"));
    // The same change reached the branch another way: in a bigger commit, so no trailer and another patch-id.
    fixture.project().commit("release-0-57", "Apply the sensor and zone fixes",
        Map.of("homeassistant/sensor.py", "ROUND = 2\n", "homeassistant/zone.py", "RADIUS = 100\n"));
    String tip = fixture.commit("release-0-57").name();
    int commits = commitsOn(fixture, "release-0-57");

    try (Workspace ws = Workspace.open(fixture.workTree())) {
      Origin origin = ws.origin();
      CommitId result = ws.cherryPick(origin, "release-0-57", fix);

      assertThat(result).as("the observed tip: nothing was committed").isEqualTo(CommitId.of(tip));
      assertThat(ws.cherryPick("release-0-57", fix)).isEqualTo(tip);
    }
    assertThat(fixture.commit("release-0-57").name()).isEqualTo(tip);
    assertThat(commitsOn(fixture, "release-0-57")).isEqualTo(commits);
  }
}
