package dev.releasekit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.PreconditionException;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalHostingTest {
  @TempDir
  Path temp;

  @Test
  void concurrentWritersFromSeparateInstancesNeverLoseOrDuplicateAnUpdate() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<PullRequest>> opened = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String branch = "topic-" + i;
        fixture.project().branch(branch, "dev");
        // A fresh instance per thread, as separate processes would have: only the file lock serialises them.
        opened.add(pool.submit(() -> LocalHosting.forOrigin(fixture.origin())
            .openPullRequest(branch, "dev", "Topic " + branch, "")));
      }
      List<Integer> numbers = new ArrayList<>();
      for (Future<PullRequest> f : opened) {
        numbers.add(f.get().number());
      }
      assertThat(numbers).doesNotHaveDuplicates().hasSize(40);
      assertThat(fixture.hosting().pullRequests(IntStream.rangeClosed(1, 100).boxed().toList())).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readsNeverCreateOrTouchTheStore() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = GitFixture.hashOf(fixture.hosting().storeDirectory());
    fixture.hosting().openMilestones();
    fixture.hosting().findPullRequest("a", "b");
    fixture.hosting().releaseByTag("0.57");
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(before);
  }

  /** A pull request "Topic" from a branch with one commit of its own into master. */
  private static PullRequest openTopicIntoMaster(GitFixture fixture) {
    fixture.project().branch("topic", "dev");
    fixture.project().commit("topic", "Topic work", Map.of("topic.txt", "x\n"));
    return fixture.hosting().openPullRequest("topic", "master", "Topic", "");
  }

  @Test
  void mergingAPullRequestMakesATwoParentCommitOnTheBaseBranch() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    PullRequest pr = openTopicIntoMaster(fixture);
    PullRequest merged = fixture.hosting().mergePullRequest(pr.number());
    assertThat(merged.isMerged()).isTrue();
    assertThat(fixture.commit("master").getParentCount()).isEqualTo(2);
    assertThat(merged.mergeCommitSha()).contains(fixture.commit("master").name());
    assertThat(fixture.hosting().mergePullRequest(pr.number())).isEqualTo(merged);
  }

  /** A two-parent commit on origin's master, made with the git CLI as a process that died would have left it. */
  private static String mergeOnOriginByHand(GitFixture fixture, String message) {
    Path origin = fixture.origin();
    String tree = git(origin, "", "rev-parse", "topic^{tree}");
    String merge = git(origin, message, "commit-tree", tree, "-p", "master", "-p", "topic");
    git(origin, "", "update-ref", "refs/heads/master", merge);
    return merge;
  }

  private static String git(Path origin, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--git-dir=" + origin));
    all.addAll(List.of(args));
    return dev.releasekit.testing.FastImport.Git.gitWithInput(origin, stdin, all.toArray(String[]::new)).strip();
  }

  @Test
  void aMergeWhoseProcessDiedBeforeRecordingItReadsAsMergedAndIsRecordedWithoutMergingAgain() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    PullRequest pr = openTopicIntoMaster(fixture);
    String merge = mergeOnOriginByHand(fixture, "Merge pull request #" + pr.number() + " from topic\n\nTopic\n");
    String store = GitFixture.hashOf(fixture.hosting().storeDirectory());

    PullRequest read = fixture.hosting().pullRequest(pr.number());

    assertThat(read.isMerged()).isTrue();
    assertThat(read.mergeCommitSha()).contains(merge);
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).as("a read writes nothing").isEqualTo(store);
    PullRequest merged = fixture.hosting().mergePullRequest(pr.number());
    assertThat(merged.mergeCommitSha()).contains(merge);
    assertThat(fixture.commit("master").name()).as("not merged again").isEqualTo(merge);
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).as("now recorded").isNotEqualTo(store);
  }

  @Test
  void aMergeMadeByAPersonWithAnotherMessageLeavesThePullRequestOpen() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    PullRequest pr = openTopicIntoMaster(fixture);
    mergeOnOriginByHand(fixture, "Merge branch 'topic'\n");

    assertThat(fixture.hosting().pullRequest(pr.number()).isMerged()).isFalse();
  }

  @Test
  void addingALabelThatDoesNotExistIsRefusedAndNothingIsCreated() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    int issue = fixture.hosting().seed().issue("Bug").by("someone").create().number();
    assertThatThrownBy(() -> fixture.hosting().addLabels(issue, List.of("bump-minor")))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("'bump-minor' does not exist");
    assertThat(fixture.hosting().labels()).containsExactly("cherry-picked");
  }

  @Test
  void unknownPullRequestNumberIsAPreconditionNamingIt() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    assertThatThrownBy(() -> fixture.hosting().pullRequest(404)).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("#404");
  }

  // LocalHosting behaves like GitHub: what GitHub refuses with 422, it refuses with the same AlreadyExistsException.

  @Test
  void aSecondOpenPullRequestForTheSameHeadAndBaseIsRefusedAsGitHubRefusesIt() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.project().branch("release-0-57", "dev");
    PullRequest first = fixture.hosting().openPullRequest("release-0-57", "master", "0.57", "notes");
    String before = GitFixture.hashOf(fixture.hosting().storeDirectory());

    assertThatThrownBy(() -> fixture.hosting().openPullRequest("release-0-57", "master", "0.57 again", ""))
        .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
          assertThat(e.kind()).isEqualTo(Change.Kind.PULL_REQUEST);
          assertThat(e.target()).isEqualTo("release-0-57 -> master");
          assertThat(e.getMessage()).contains("A pull request already exists for release-0-57")
              .contains("#" + first.number());
        });
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(before);
    assertThat(fixture.hosting().findPullRequest("release-0-57", "master")).contains(first);
  }

  @Test
  void aClosedPullRequestOrAnotherBaseLeavesRoomForANewOneAsOnGitHub() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.project().branch("release-0-57", "dev");
    PullRequest closed = fixture.hosting().openPullRequest("release-0-57", "master", "0.57", "");
    fixture.hosting().seed().close(closed.number());
    PullRequest other = fixture.hosting().openPullRequest("release-0-57", "dev", "Into dev", "");

    PullRequest reopened = fixture.hosting().openPullRequest("release-0-57", "master", "0.57", "");

    assertThat(reopened.number()).isNotIn(closed.number(), other.number());
    assertThat(fixture.hosting().findPullRequest("release-0-57", "master")).contains(reopened);
  }

  @Test
  void aSecondReleaseForATagIsRefusedAsGitHubRefusesIt() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    HostedRelease first = fixture.hosting().createDraftRelease("0.57", "0.57", "notes");
    fixture.hosting().publishRelease(first.id());
    String before = GitFixture.hashOf(fixture.hosting().storeDirectory());

    assertThatThrownBy(() -> fixture.hosting().createDraftRelease("0.57", "0.57", "other notes"))
        .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
          assertThat(e.kind()).isEqualTo(Change.Kind.RELEASE);
          assertThat(e.target()).isEqualTo("0.57");
        });
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(before);
  }

  @Test
  void aLabelNameTakenInAnyCaseIsRefusedAsGitHubRefusesIt() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = GitFixture.hashOf(fixture.hosting().storeDirectory());

    for (String name : List.of("cherry-picked", "Cherry-Picked")) {
      assertThatThrownBy(() -> fixture.hosting().createLabel(name))
          .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
            assertThat(e.kind()).isEqualTo(Change.Kind.LABEL);
            assertThat(e.target()).isEqualTo(name);
          });
    }
    assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(before);
    assertThat(fixture.hosting().labels()).containsExactly("cherry-picked");
  }

  @Test
  void theOrganisationsPublicRepositoriesContributorsAndCommitEmailsReadAsSeeded() {
    LocalHosting hosting = GitFixture.homeAssistantWebsite(temp).hosting();
    hosting.seed().user("janedoe", "Jane Doe");
    hosting.seed().email("janedoe", "jane@example.org");
    hosting.seed().repository("home-assistant/core").contributor("balloob", 500)
        .anonymous("Jane Doe", "JANE@example.org", 3).anonymous("Old Laptop", "root@localhost", 2).create();
    hosting.seed().repository("home-assistant/secret").privately().contributor("secretdev", 1).create();
    hosting.seed().repository("esphome/esphome").contributor("otto", 9).create();

    assertThat(hosting.publicRepositories("home-assistant")).containsExactly("home-assistant/core");
    assertThat(hosting.contributors("home-assistant/core")).containsExactly(
        dev.releasekit.spi.Contribution.byLogin("balloob", 500),
        dev.releasekit.spi.Contribution.anonymous("Jane Doe", "JANE@example.org", 3),
        dev.releasekit.spi.Contribution.anonymous("Old Laptop", "root@localhost", 2));
    assertThat(hosting.loginOfEmail("home-assistant/core", "jane@example.org")).contains("janedoe");
    assertThat(hosting.loginOfEmail("home-assistant/core", "root@localhost")).isEmpty();
    assertThat(hosting.loginOfEmail("esphome/esphome", "jane@example.org")).as("no commit there").isEmpty();
    assertThatThrownBy(() -> hosting.contributors("home-assistant/gone")).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("No repository home-assistant/gone");
  }
}
