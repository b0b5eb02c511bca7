package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.github.internal.CommitSummary;
import dev.releasekit.github.internal.Comparison;
import dev.releasekit.github.internal.Contributor;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.local.LocalProject;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stub with a real bare origin: merges are merge commits there, and refs and logs come from git. */
@ExtendWith(TokenLeakGuard.class)
class GitHubGitTest {
  @TempDir
  Path temp;
  Origin origin;
  GitHubStub stub;
  GitHub github;

  /** Core's git fixture, seen as the few probes these tests use. */
  private record Origin(LocalProject project, GitFixture fixture) {
    /** Commits {@code path = content} on origin's {@code branch}, from master when new; the first makes master. */
    String commit(String branch, String path, String content, String message, String name, String email) {
      Map<String, String> refs = fixture.originRefs();
      if (!refs.containsKey("refs/heads/" + branch) && refs.containsKey("refs/heads/master")) {
        project.branch(branch, "master");
      }
      return project.commitAs(branch, message, Map.of(path, content), name, email);
    }

    void branch(String branch, String from) {
      project.branch(branch, from);
    }

    Optional<String> tip(String branch) {
      return Optional.ofNullable(fixture.originRefs().get("refs/heads/" + branch));
    }

    List<String> parents(String sha) {
      return Arrays.stream(fixture.commit(sha).getParents()).map(RevCommit::name).toList();
    }

    String message(String sha) {
      return fixture.commit(sha).getFullMessage();
    }
  }

  @BeforeEach
  void setUp() {
    LocalProject project = LocalProject.empty(temp, "core", "master");
    origin = new Origin(project, GitFixture.of(project));
    origin.commit("master", "homeassistant/const.py", "PATCH_VERSION = '0.dev0'\n", "Initial", "Paulus",
        "paulus@example.com");
    origin.branch("dev", "master");
    stub = GitHubStub.start("home-assistant/core").withOrigin(project.origin());
    github = stub.client().build();
  }

  @AfterEach
  void tearDown() {
    try {
      assertThat(stub.validationErrors()).isEmpty();
    } finally {
      stub.close();
    }
  }

  @Test
  void mergingAPullRequestMakesARealMergeCommitOnTheBaseBranch() {
    String masterBefore = origin.tip("master").orElseThrow();
    String head = origin.commit("release-0-57", "homeassistant/const.py", "PATCH_VERSION = '0'\n", "Bump 0.57.0",
        "Paulus", "paulus@example.com");
    PullRequest pull = github.openPullRequest("release-0-57", "master", "0.57", "notes");

    PullRequest merged = github.mergePullRequest(pull.number());

    String sha = merged.mergeCommitSha().orElseThrow();
    assertThat(origin.tip("master")).contains(sha);
    assertThat(origin.parents(sha)).containsExactly(masterBefore, head);
    assertThat(origin.message(sha)).startsWith("Merge pull request #" + pull.number() + " from home-assistant/"
        + "release-0-57");
    assertThat(github.resources().git().ref("heads/master")).contains(sha);
  }

  @Test
  void mergingAgainAfterTheMergeWritesNothingToGit() {
    origin.commit("release-0-57", "a.txt", "a", "A", "Paulus", "paulus@example.com");
    PullRequest pull = github.openPullRequest("release-0-57", "master", "0.57", "");
    String sha = github.mergePullRequest(pull.number()).mergeCommitSha().orElseThrow();

    PullRequest again = github.mergePullRequest(pull.number());

    assertThat(again.mergeCommitSha()).contains(sha);
    assertThat(origin.tip("master")).contains(sha);
  }

  @Test
  void aPullRequestThatConflictsIsNotMergedAndMasterStays() {
    origin.commit("release-0-57", "homeassistant/const.py", "PATCH_VERSION = '0'\n", "Bump", "Paulus",
        "paulus@example.com");
    PullRequest pull = github.openPullRequest("release-0-57", "master", "0.57", "");
    String master = origin.commit("master", "homeassistant/const.py", "PATCH_VERSION = '9'\n", "Hotfix", "Paulus",
        "paulus@example.com");

    Throwable e = TokenLeakGuard.thrown(() -> github.mergePullRequest(pull.number()));

    assertThat(e).isInstanceOf(ConflictException.class).hasMessageContaining("#" + pull.number());
    assertThat(origin.tip("master")).contains(master);
  }

  @Test
  void aPullRequestFromABranchThatDoesNotExistIsRefused() {
    Throwable e = TokenLeakGuard.thrown(() -> github.openPullRequest("release-0-99", "master", "0.99", ""));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("head");
    assertThat(stub.pulls()).isEmpty();
  }

  @Test
  void aBranchThatWasAlreadyMergedCannotBeProposedAgain() {
    origin.commit("release-0-57", "a.txt", "a", "A", "Paulus", "paulus@example.com");
    PullRequest pull = github.openPullRequest("release-0-57", "master", "0.57", "");
    github.mergePullRequest(pull.number());

    Throwable e = TokenLeakGuard.thrown(() -> github.openPullRequest("release-0-57", "master", "0.57", ""));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("No commits between");
    assertThat(github.findPullRequest("release-0-57", "master")).map(PullRequest::isMerged).contains(true);
  }

  @Test
  void gitRefOfAMissingBranchIsEmpty() {
    assertThat(github.resources().git().ref("heads/release-0-99")).isEmpty();
    assertThat(github.resources().git().ref("refs/heads/dev")).isEqualTo(origin.tip("dev"));
  }

  @Test
  void compareListsTheCommitsOfHeadOldestFirst() {
    origin.commit("dev", "a.txt", "a", "Add fail2ban sensor (#9975)", "Kevin", "kevin@example.com");
    origin.commit("dev", "b.txt", "b", "Fix timers (#9980)", "Paulus", "paulus@example.com");
    stub.user("fronzbot", "Kevin Fronczak", "kevin@example.com");

    Comparison comparison = github.resources().git().compare("master", "dev");

    assertThat(comparison.status()).isEqualTo("ahead");
    assertThat(comparison.aheadBy()).isEqualTo(2);
    assertThat(comparison.commits()).extracting(CommitSummary::subject)
        .containsExactly("Add fail2ban sensor (#9975)", "Fix timers (#9980)");
    assertThat(comparison.commits().get(0).login()).contains("fronzbot");
    assertThat(comparison.commits().get(1).login()).isEmpty();
  }

  @Test
  void contributorsIncludeAnonymousOnesAndCommitsByAuthorFindsThem() {
    origin.commit("master", "a.txt", "a", "One", "Kevin", "kevin@example.com");
    origin.commit("master", "b.txt", "b", "Two", "Kevin", "kevin@example.com");
    stub.user("fronzbot", "Kevin Fronczak", "kevin@example.com");

    assertThat(github.resources().contributors().all()).extracting(Contributor::toString)
        .containsExactly("fronzbot (2 commits)", "Paulus (1 commits)");
    assertThat(github.resources().contributors().all().get(1).email()).contains("paulus@example.com");
    assertThat(github.resources().contributors().commitsBy("paulus@example.com")).extracting(CommitSummary::subject)
        .containsExactly("Initial");
    assertThat(stub.requests(r -> r.path().endsWith("/contributors")).get(0).query()).contains("anon=1");
  }
}
