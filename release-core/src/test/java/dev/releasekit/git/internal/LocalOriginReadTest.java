package dev.releasekit.git.internal;

import static dev.releasekit.testing.FastImport.Git.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local origin's refs read from its folder rather than through git's protocol: git's own {@code ls-remote} and
 * {@code fetch} are the oracles for what is listed, what a fetch brings, and when there is nothing to fetch.
 */
class LocalOriginReadTest {
  @TempDir
  Path temp;

  private GitFixture fixture;
  private JGitWorkspace workspace;

  @BeforeEach
  void setUp() {
    fixture = GitFixture.homeAssistant(temp.resolve("repo"));
    // An annotated tag and a branch whose name is not ASCII, as git ls-remote lists them.
    git(fixture.workTree(), "tag", "-a", "-m", "Release 0.56", "0.56-annotated", "master");
    git(fixture.workTree(), "push", "-q", "origin", "0.56-annotated", "master:refs/heads/fonctionnalité-é");
    workspace = JGitWorkspace.open(fixture.workTree(), null);
    workspace.fetch();
  }

  @AfterEach
  void tearDown() {
    workspace.close();
  }

  /** {@code git ls-remote} of origin: name to id, annotated tags peeled as {@code name^{}}. */
  private Map<String, String> lsRemote() {
    return git(fixture.workTree(), "ls-remote", "origin").lines().map(line -> line.split("\t"))
        .filter(fields -> !fields[1].equals("HEAD") && !fields[1].endsWith("^{}"))
        .collect(Collectors.toMap(fields -> fields[1], fields -> fields[0], (a, b) -> a, TreeMap::new));
  }

  /** The clone's copies of origin's refs, as git lists them. */
  private String copies() {
    return git(fixture.workTree(), "for-each-ref", "--format=%(objectname) %(refname)", "refs/remotes",
        "refs/tags", "refs/releasekit");
  }

  @Test
  void originsRefsAreWhatGitLsRemoteLists() {
    assertThat(workspace.origin().refs()).isEqualTo(lsRemote())
        .containsKeys("refs/heads/fonctionnalité-é", "refs/tags/0.56-annotated");
    assertThat(workspace.origin().tag("0.56-annotated").orElseThrow().name())
        .isEqualTo(git(fixture.origin(), "rev-parse", "master"));
  }

  @Test
  void aCloneThatMatchesOriginFetchesNothingAndKnowsOriginsBranchesAndDefaultBranch() {
    String before = copies();

    workspace.fetch();

    assertThat(copies()).isEqualTo(before);
    // git's own fetch of the same refspecs finds nothing to change either.
    git(fixture.workTree(), "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*", "refs/tags/*:refs/tags/*",
        "+refs/releasekit/*:refs/releasekit/*");
    assertThat(copies()).isEqualTo(before);
    assertThat(workspace.fetchedBranches()).isEqualTo(lsRemote().entrySet().stream()
        .filter(e -> e.getKey().startsWith("refs/heads/"))
        .collect(Collectors.toMap(e -> e.getKey().substring("refs/heads/".length()), Map.Entry::getValue,
            (a, b) -> a, TreeMap::new)));
    assertThat(workspace.fetchedDefaultBranch()).contains(git(fixture.origin(), "symbolic-ref", "--short", "HEAD"));
  }

  @Test
  void whatOriginGainedSinceIsFetchedAsGitFetchBringsIt() {
    // Another clone pushes a new commit, a new branch and a new tag.
    Path other = temp.resolve("other");
    git(temp, "clone", "-q", fixture.origin().toString(), other.toString());
    git(other, "commit", "-q", "--allow-empty", "-m", "elsewhere");
    git(other, "tag", "0.58-elsewhere");
    git(other, "push", "-q", "origin", "HEAD:refs/heads/elsewhere", "HEAD:refs/heads/master", "0.58-elsewhere");

    workspace.fetch();

    String pushed = git(other, "rev-parse", "HEAD");
    assertThat(git(fixture.workTree(), "rev-parse", "refs/remotes/origin/elsewhere", "refs/remotes/origin/master",
        "refs/tags/0.58-elsewhere").lines()).containsExactly(pushed, pushed, pushed);
    assertThat(workspace.fetchedBranches()).containsEntry("elsewhere", pushed).containsEntry("master", pushed);
  }

  @Test
  void anOriginThatHidesRefsIsAskedThroughTheProtocolWhichHidesThem() throws IOException {
    git(fixture.origin(), "branch", "hidden", "master");
    git(fixture.origin(), "config", "uploadpack.hideRefs", "refs/heads/hidden");
    try (JGitWorkspace fresh = JGitWorkspace.open(fixture.workTree(), null)) {
      assertThat(fresh.origin().refs()).isEqualTo(lsRemote()).doesNotContainKey("refs/heads/hidden");
      fresh.fetch();
    }
    assertThat(Files.exists(fixture.workTree().resolve(".git/refs/remotes/origin/hidden"))).isFalse();
  }
}
