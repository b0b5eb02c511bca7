package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GitHubOperationsTest extends StubTestSupport {

  @Test
  void openPullRequestCreatesOneAndFindPullRequestSeesIt() {
    PullRequest opened = github.openPullRequest("release-0-57", "master", "0.57", "notes");

    assertThat(opened.number()).isPositive();
    assertThat(opened.state()).isEqualTo(PullRequest.State.OPEN);
    assertThat(github.findPullRequest("release-0-57", "master")).contains(opened);
    assertThat(stub.count("GET", ".*/pulls")).isEqualTo(1);
    assertThat(stub.requests().get(1).query()).contains("head=home-assistant%3Arelease-0-57")
        .contains("per_page=100");
  }

  @Test
  void findPullRequestIsEmptyWhenThereIsNone() {
    assertThat(github.findPullRequest("release-0-57", "master")).isEmpty();
    assertThat(stub.writes()).isEmpty();
  }

  @Test
  void openingASecondPullRequestForTheSameBranchesIsRefused() {
    github.openPullRequest("release-0-57", "master", "0.57", "notes");

    Throwable e = TokenLeakGuard.thrown(() -> github.openPullRequest("release-0-57", "master", "0.57", "notes"));

    assertThat(e).isInstanceOfSatisfying(AlreadyExistsException.class, a -> {
      assertThat(a.kind()).isEqualTo(Change.Kind.PULL_REQUEST);
      assertThat(a.target()).isEqualTo("release-0-57 -> master");
    }).hasMessageContaining("A pull request already exists for home-assistant:release-0-57.");
    assertThat(stub.creations()).containsEntry("pull", 1);
  }

  @Test
  void updatePullRequestChangesTitleAndBody() {
    int number = stub.pull("0.57").head("release-0-57").base("master").create();

    PullRequest updated = github.updatePullRequest(number, "0.57.0", "new notes");

    assertThat(updated.title()).isEqualTo("0.57.0");
    assertThat(stub.item(number).orElseThrow().body).isEqualTo("new notes");
  }

  @Test
  void pullRequestsReadsSixtyPullRequestsInOneQueryAndLeavesIssuesOut() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      numbers.add(stub.pull("Fix " + i).author("dev" + i).labels("bugfix").mergedAs("sha" + i).create());
    }
    int issue = stub.issue("A bug report").create();
    numbers.add(issue);
    numbers.add(9999);

    Map<Integer, PullRequest> pulls = github.pullRequests(numbers);

    assertThat(pulls).hasSize(60).doesNotContainKeys(issue, 9999);
    PullRequest first = pulls.get(numbers.get(0));
    assertThat(first.isMerged()).isTrue();
    assertThat(first.mergeCommitSha()).contains("sha0");
    assertThat(first.author()).isEqualTo("dev0");
    assertThat(first.labels()).containsExactly("bugfix");
    assertThat(first.mergedAt()).isPresent();
    assertThat(stub.requests()).hasSize(1);
    assertThat(github.requestCount().graphQl()).isEqualTo(1);
  }

  @Test
  void pullRequestsSplitsIntoQueriesOfAHundred() {
    List<Integer> numbers = IntStream.range(0, 150).mapToObj(i -> stub.pull("Change " + i).create())
        .collect(Collectors.toList());

    assertThat(github.pullRequests(numbers)).hasSize(150);
    assertThat(stub.count("POST", "/graphql")).isEqualTo(2);
  }

  @Test
  void pullRequestOfAnUnknownNumberNamesThePullRequest() {
    Throwable e = TokenLeakGuard.thrown(() -> github.pullRequest(4242));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("#4242")
        .hasMessageContaining("home-assistant/core");
  }

  @Test
  void mergeUsesAMergeCommitAndReturnsTheMergedPullRequest() {
    int number = stub.pull("0.57").head("release-0-57").base("master").create();

    PullRequest merged = github.mergePullRequest(number);

    assertThat(merged.isMerged()).isTrue();
    assertThat(merged.mergeCommitSha()).contains(stub.item(number).orElseThrow().mergeSha);
    assertThat(stub.requests(r -> r.method().equals("PUT")).get(0).body()).contains("\"merge_method\":\"merge\"");
  }

  @Test
  void mergingAnAlreadyMergedPullRequestReturnsItAsMerged() {
    int number = stub.pull("0.57").head("release-0-57").base("master").mergedAs("abc123").create();

    PullRequest merged = github.mergePullRequest(number);

    assertThat(merged.isMerged()).isTrue();
    assertThat(merged.mergeCommitSha()).contains("abc123");
  }

  @Test
  void mergingAClosedPullRequestIsAConflict() {
    int number = stub.pull("0.57").head("release-0-57").base("master").closed().create();

    Throwable e = TokenLeakGuard.thrown(() -> github.mergePullRequest(number));

    assertThat(e).isInstanceOf(ConflictException.class).hasMessageContaining("#" + number)
        .hasMessageContaining("not mergeable");
  }

  @Test
  void addLabelsAddsExistingLabelsAndReadsTheLabelListOnce() {
    stub.label("cherry-picked");
    int a = stub.pull("A").create();
    int b = stub.pull("B").create();

    github.addLabels(a, List.of("cherry-picked"));
    github.addLabels(b, List.of("cherry-picked"));

    assertThat(stub.item(a).orElseThrow().labels).containsExactly("cherry-picked");
    assertThat(stub.item(b).orElseThrow().labels).containsExactly("cherry-picked");
    assertThat(stub.count("GET", ".*/labels")).isEqualTo(1);
    assertThat(stub.count("POST", ".*/labels")).isEqualTo(2);
  }

  @Test
  void addingALabelThatDoesNotExistThrowsAndCreatesNothing() {
    stub.label("bump patch", "bump minor");
    int number = stub.pull("Chart bump").create();

    Throwable e = TokenLeakGuard.thrown(() -> github.addLabels(number, List.of("bump-minor")));

    assertThat(e).isInstanceOf(PreconditionException.class).hasMessageContaining("'bump-minor'")
        .hasMessageContaining("Did you mean 'bump minor'?")
        .hasMessageContaining("releasekit never creates labels");
    assertThat(stub.writes()).isEmpty();
    assertThat(stub.silentlyCreatedLabels()).isEmpty();
  }

  @Test
  void creatingALabelIsTheExplicitWayAndIsIdempotentThroughLabelsCreate() {
    int number = stub.pull("A").create();

    assertThat(Labels.create(github, "cherry-picked")).isEqualTo(Outcome.DONE);
    assertThat(Labels.create(github, "cherry-picked")).isEqualTo(Outcome.ALREADY_DONE);
    github.addLabels(number, List.of("cherry-picked"));

    assertThat(stub.labelNames()).contains("cherry-picked");
    assertThat(stub.creations()).containsEntry("label", 1);
    assertThat(github.resources().labels().onIssue(number)).containsExactly("cherry-picked");
    assertThat(stub.silentlyCreatedLabels()).isEmpty();
  }

  @Test
  void creatingALabelWhoseNameIsTakenInAnyCaseIsRefusedAsGitHubAnswers422() {
    stub.label("cherry-picked");

    for (String name : List.of("cherry-picked", "Cherry-Picked")) {
      Throwable e = TokenLeakGuard.thrown(() -> github.createLabel(name));

      assertThat(e).isInstanceOfSatisfying(AlreadyExistsException.class, a -> {
        assertThat(a.kind()).isEqualTo(Change.Kind.LABEL);
        assertThat(a.target()).isEqualTo(name);
      }).hasMessageContaining("name already_exists");
    }
    assertThat(stub.labelNames()).containsExactly("cherry-picked");
    assertThat(stub.count("POST", ".*/labels")).as("a refusal is not retried").isEqualTo(2);
  }

  @Test
  void milestoneIsFoundByExactTitleOpenOrClosed() {
    stub.milestone("0.57");
    stub.milestone("0.57.1");

    assertThat(github.milestone("0.57")).map(Milestone::title).contains("0.57");
    assertThat(github.milestone("0.5")).isEmpty();
    assertThat(github.openMilestones()).extracting(Milestone::title).containsExactly("0.57", "0.57.1");
    assertThat(stub.requests().get(0).query()).contains("state=all");
  }

  @Test
  void milestoneItemsFollowsLinkPaginationAcrossThreePages() {
    stub.milestone("0.57");
    for (int i = 0; i < 250; i++) {
      if (i % 5 == 0) {
        stub.issue("Issue " + i).milestone("0.57").closed().create();
      } else {
        stub.pull("PR " + i).milestone("0.57").mergedAs("s" + i).create();
      }
    }
    stub.pull("Not in the milestone").create();
    Milestone milestone = github.milestone("0.57").orElseThrow();

    List<Issue> items = github.milestoneItems(milestone);

    assertThat(items).hasSize(250);
    assertThat(items.stream().filter(Issue::isPullRequest)).hasSize(200);
    assertThat(stub.count("GET", ".*/issues")).isEqualTo(3);
    assertThat(stub.requests(r -> r.path().endsWith("/issues")).get(0).query()).contains("state=all")
        .contains("per_page=100");
  }

  @Test
  void closeMilestoneClosesIt() {
    stub.milestone("0.57");
    Milestone milestone = github.milestone("0.57").orElseThrow();

    Milestone closed = github.closeMilestone(milestone);

    assertThat(closed.state()).isEqualTo(Milestone.State.CLOSED);
    assertThat(stub.milestoneNamed("0.57").orElseThrow().state).isEqualTo("closed");
  }

  @Test
  void draftReleaseIsFoundByTagAndPublished() {
    HostedRelease draft = github.createDraftRelease("0.57", "0.57", "notes");

    assertThat(draft.isDraft()).isTrue();
    assertThat(github.releaseByTag("0.57")).contains(draft);
    HostedRelease updated = github.updateReleaseBody(draft.id(), "better notes");
    assertThat(updated.body()).isEqualTo("better notes");
    HostedRelease published = github.publishRelease(draft.id());
    assertThat(published.isDraft()).isFalse();
    assertThat(github.releaseByTag("0.57")).map(HostedRelease::status).contains(HostedRelease.Status.PUBLISHED);
    assertThat(stub.requests(r -> r.method().equals("PATCH")).get(1).body()).isEqualTo("{\"draft\":false}");
  }

  @Test
  void creatingASecondReleaseForATagIsRefused() {
    github.createDraftRelease("0.57", "0.57", "notes");

    Throwable e = TokenLeakGuard.thrown(() -> github.createDraftRelease("0.57", "0.57", "notes"));

    assertThat(e).isInstanceOfSatisfying(AlreadyExistsException.class, a -> {
      assertThat(a.kind()).isEqualTo(Change.Kind.RELEASE);
      assertThat(a.target()).isEqualTo("0.57");
    }).hasMessageContaining("tag_name already_exists");
    assertThat(stub.creations()).containsEntry("release", 1);
  }

  @Test
  void releaseByTagIsEmptyWhenThereIsNone() {
    assertThat(github.releaseByTag("0.99")).isEmpty();
  }

  @Test
  void aRepeatedReadSendsTheEtagAndCountsTheNotModifiedAnswer() {
    stub.label("bugfix");

    assertThat(github.labels()).containsExactly("bugfix");
    assertThat(github.labels()).containsExactly("bugfix");

    RequestCount count = github.requestCount();
    assertThat(count.total()).isEqualTo(2);
    assertThat(count.notModified()).isEqualTo(1);
    assertThat(count.of("GET")).isEqualTo(2);
    assertThat(stub.requests().get(1).status()).isEqualTo(304);
  }

  @Test
  void aChangedResourceIsReadAgainDespiteTheEtag() {
    stub.label("bugfix");
    github.labels();
    stub.label("cherry-picked");

    assertThat(github.labels()).containsExactly("bugfix", "cherry-picked");
    assertThat(github.requestCount().notModified()).isZero();
  }

  @Test
  void searchIssuesFindsByLabelAndKind() {
    stub.pull("Picked").labels("cherry-picked").create();
    stub.pull("Not picked").create();
    stub.issue("Picked issue").labels("cherry-picked").create();

    List<Issue> found = github.resources().milestones().search("repo:home-assistant/core is:pr label:cherry-picked");

    assertThat(found).extracting(Issue::title).containsExactly("Picked");
  }

  @Test
  void userIsReadWithItsNameAndAnUnknownUserIsEmpty() {
    stub.user("fronzbot", "Kevin Fronczak", "kevin@example.com");

    assertThat(github.user("fronzbot")).hasValueSatisfying(u -> {
      assertThat(u.name()).contains("Kevin Fronczak");
      assertThat(u.url()).isEqualTo("https://github.example/fronzbot");
    });
    assertThat(github.user("nobody-here")).isEmpty();
  }

  @Test
  void emptyBatchesSendNothing() {
    assertThat(github.pullRequests(List.of())).isEmpty();
    github.addLabels(1, List.of());

    assertThat(stub.requests()).isEmpty();
    assertThat(github.requestCount().total()).isZero();
  }
}
