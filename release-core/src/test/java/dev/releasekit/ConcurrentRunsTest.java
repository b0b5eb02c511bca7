package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import dev.releasekit.internal.steps.PickCommitsStep;
import dev.releasekit.local.internal.Store;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.FastImport;
import dev.releasekit.testing.ForwardingHosting;
import dev.releasekit.testing.ForwardingWorkspace;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.RecordingContext;
import dev.releasekit.testing.ReleaseDayScenario;
import dev.releasekit.version.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of the same release at once duplicate nothing. Each test makes "the other run" act at the worst
 * moment, between a step's look and its write, through a hosting or workspace that forwards to the real one: a
 * create that meets what the other run made adopts it (ALREADY_DONE, exactly one object), what differs from what
 * the step wants blocks with a typed conflict, a re-run writes nothing, and a pick the other run pushed is not
 * applied again.
 */
class ConcurrentRunsTest {
  @TempDir
  Path temp;

  private static final Pattern TRAILER = Pattern.compile("\\(cherry picked from commit ([0-9a-f]{40})\\)");

  /** How many pull requests the local hosting holds from {@code head} into {@code base}, in any state. */
  private static long pullsFrom(GitFixture fixture, String head, String base) {
    return new Store(fixture.hosting().storeDirectory()).read(state -> state.items.stream()
        .filter(i -> "pull".equals(i.kind) && head.equals(i.head) && base.equals(i.base)).count());
  }

  private static long releasesFor(GitFixture fixture, String tag) {
    return new Store(fixture.hosting().storeDirectory()).read(state -> state.releases.stream()
        .filter(r -> tag.equals(r.tag)).count());
  }

  /** {@code git rev-list --count} of origin's branch: the git CLI as the oracle. */
  private static int commitsOn(GitFixture fixture, String branch) throws Exception {
    return Integer.parseInt(new String(FastImport.Git.run(fixture.origin(), "git", "rev-list", "--count",
        "refs/heads/" + branch), StandardCharsets.UTF_8).strip());
  }

  /** The originals named by trailers on the branch since it was cut, oldest first, duplicates kept. */
  private static List<String> pickedOriginals(GitFixture fixture, String branch) {
    List<String> originals = new ArrayList<>();
    RevCommit commit = fixture.commit(branch);
    while (commit.getParentCount() == 1) {
      Matcher m = TRAILER.matcher(commit.getFullMessage());
      while (m.find()) {
        originals.add(0, m.group(1));
      }
      commit = fixture.commit(commit.getParent(0).name());
    }
    return originals;
  }

  /** Another run of the same release: its own clone of origin, pushing as a run does. */
  private Workspace otherRun(GitFixture fixture) {
    return Workspace.cloneFrom(fixture.origin().toUri().toString(), temp.resolve("other-run"), null);
  }

  /** A listener that lets {@code otherRun} act once, when the step announces {@code progress}. */
  private static ReleaseListener at(String progress, Runnable otherRun) {
    return new ReleaseListener() {
      private boolean acted;

      @Override
      public void progress(int index, String message) {
        if (!acted && message.startsWith(progress)) {
          acted = true;
          otherRun.run();
        }
      }
    };
  }

  @Nested
  class OpeningThePullRequest {
    GitFixture fixture;

    @BeforeEach
    void cutBranch() {
      fixture = GitFixture.homeAssistant(temp);
      Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch().run();
    }

    Release openPr(Hosting hosting) {
      return Release.of("0.57").in(fixture.workTree()).hostedOn(hosting).cutBranch().openPr();
    }

    /** The other run opens the same pull request just before this one's create reaches the hosting. */
    Hosting otherRunOpensFirst() {
      return new ForwardingHosting(fixture.hosting()) {
        @Override
        public PullRequest openPullRequest(String head, String base, String title, String body) {
          delegate().openPullRequest(head, base, title, "opened by the other run");
          return super.openPullRequest(head, base, title, body);
        }
      };
    }

    @Test
    void aPullRequestTheOtherRunOpenedBetweenTheLookAndTheCreateIsAdoptedAsAlreadyDone() {
      Report report = openPr(otherRunOpensFirst()).run();

      PullRequest theirs = fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow();
      assertThat(theirs.body()).isEqualTo("opened by the other run");
      assertThat(report.step(2).outcome()).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(report.step(2).detail()).contains("#" + theirs.number()).contains("opened meanwhile");
      assertThat(report.step(2).changes()).isEmpty();
      assertThat(report.result(ResultKey.RELEASE_PR)).contains(theirs);
      assertThat(pullsFrom(fixture, "release-0-57", "master")).isEqualTo(1);
    }

    @Test
    void aPullRequestTheOtherRunOpenedAndSomeoneClosedBlocksWithAConflictSayingToReopenIt() {
      Hosting closedMeanwhile = new ForwardingHosting(fixture.hosting()) {
        @Override
        public PullRequest openPullRequest(String head, String base, String title, String body) {
          PullRequest theirs = delegate().openPullRequest(head, base, title, "opened by the other run");
          try {
            return super.openPullRequest(head, base, title, body);
          } finally {
            fixture.hosting().seed().close(theirs.number());
          }
        }
      };

      assertThatThrownBy(() -> openPr(closedMeanwhile).run()).isInstanceOfSatisfying(ConflictException.class, e -> {
        assertThat(e).isNotInstanceOf(AlreadyExistsException.class);
        assertThat(e.getMessage()).contains("closed without merging").contains("Reopen it");
        assertThat(e.report().orElseThrow().step(2).outcome()).isEqualTo(Outcome.BLOCKED);
      });
      assertThat(pullsFrom(fixture, "release-0-57", "master")).isEqualTo(1);
    }

    @Test
    void aRerunAfterAdoptingWritesNothing() {
      openPr(otherRunOpensFirst()).run();
      String before = fixture.fingerprint();

      Report again = openPr(fixture.hosting()).run();

      assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
      assertThat(fixture.fingerprint()).isEqualTo(before);
    }

    @Test
    void theSyncPullRequestTheOtherRunOpenedIsAdoptedAsTheSyncResult() {
      GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
      Hosting racing = new ForwardingHosting(posthog.hosting()) {
        @Override
        public PullRequest openPullRequest(String head, String base, String title, String body) {
          delegate().openPullRequest(head, base, title, "opened by the other run");
          return super.openPullRequest(head, base, title, body);
        }
      };

      Report report = Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree())
          .hostedOn(racing).clock(Clock.fixed(Instant.parse("2021-12-16T09:00:00Z"), ZoneOffset.UTC))
          .cutBranch().changelog("- Funnel correlation\n").bumpVersion().syncBranch().run();

      PullRequest theirs = posthog.hosting().findPullRequest("1.31.0-sync", "master").orElseThrow();
      assertThat(theirs.body()).isEqualTo("opened by the other run");
      assertThat(report.step(report.steps().size()).outcome()).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(report.result(ResultKey.SYNC_PR)).contains(theirs);
      assertThat(pullsFrom(posthog, "1.31.0-sync", "master")).isEqualTo(1);
    }
  }

  @Nested
  class PublishingTheRelease {
    GitFixture fixture;

    @BeforeEach
    void preparedRelease() {
      fixture = GitFixture.homeAssistant(temp);
      ReleaseDayScenario.preparation(fixture).run();
    }

    Release publish(Hosting hosting) {
      return Release.of("0.57").in(fixture.workTree()).hostedOn(hosting).onReleaseBranch().mergePr()
          .publishRelease();
    }

    /** The other run creates the release (titled {@code name}, published or not) just before this one's create. */
    Hosting otherRunCreatesFirst(String name, boolean publish) {
      return new ForwardingHosting(fixture.hosting()) {
        @Override
        public HostedRelease createDraftRelease(String tag, String title, String body) {
          HostedRelease theirs = delegate().createDraftRelease(tag, name, body);
          if (publish) {
            delegate().publishRelease(theirs.id());
          }
          return super.createDraftRelease(tag, title, body);
        }
      };
    }

    @Test
    void aReleaseTheOtherRunPublishedBetweenTheLookAndTheCreateIsAdoptedAsAlreadyDone() {
      Report report = publish(otherRunCreatesFirst("0.57", true)).run();

      HostedRelease theirs = fixture.hosting().releaseByTag("0.57").orElseThrow();
      assertThat(theirs.status()).isEqualTo(HostedRelease.Status.PUBLISHED);
      assertThat(report.step(3).outcome()).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(report.step(3).changes()).isEmpty();
      assertThat(report.result(ResultKey.PUBLISHED_RELEASE)).contains(theirs);
      assertThat(releasesFor(fixture, "0.57")).isEqualTo(1);
    }

    @Test
    void aDraftTheOtherRunCreatedMeanwhileIsAdoptedAndPublishedNotCreatedAgain() {
      Report report = publish(otherRunCreatesFirst("0.57", false)).run();

      assertThat(report.step(3).outcome()).isEqualTo(Outcome.DONE);
      assertThat(report.step(3).changes()).extracting(Change::summary).containsExactly("publish release 0.57");
      assertThat(fixture.hosting().releaseByTag("0.57")).map(HostedRelease::status)
          .contains(HostedRelease.Status.PUBLISHED);
      assertThat(releasesFor(fixture, "0.57")).isEqualTo(1);
    }

    @Test
    void aReleaseTheOtherRunCreatedUnderAnotherTitleBlocksWithAConflict() {
      assertThatThrownBy(() -> publish(otherRunCreatesFirst("Zero fifty-seven", false)).run())
          .isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e).isNotInstanceOf(AlreadyExistsException.class);
            assertThat(e.getMessage()).contains("titled 'Zero fifty-seven' instead of '0.57'")
                .contains("Fix or remove it by hand");
            assertThat(e.report().orElseThrow().step(3).outcome()).isEqualTo(Outcome.BLOCKED);
          });
      assertThat(fixture.hosting().releaseByTag("0.57")).map(HostedRelease::isDraft).contains(true);
      assertThat(releasesFor(fixture, "0.57")).isEqualTo(1);
    }

    @Test
    void aRerunAfterAdoptingWritesNothing() {
      publish(otherRunCreatesFirst("0.57", true)).run();
      String before = fixture.fingerprint();

      Report again = publish(fixture.hosting()).run();

      assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
      assertThat(fixture.fingerprint()).isEqualTo(before);
    }
  }

  @Nested
  class CreatingALabel {
    GitFixture fixture;

    @BeforeEach
    void sandbox() {
      fixture = GitFixture.homeAssistant(temp);
    }

    /** The other run creates {@code theirs} just before this one's create reaches the hosting. */
    Hosting otherRunCreatesFirst(String theirs) {
      return new ForwardingHosting(fixture.hosting()) {
        @Override
        public void createLabel(String name) {
          delegate().createLabel(theirs);
          super.createLabel(name);
        }
      };
    }

    @Test
    void aLabelIsCreatedOnceAndThenFound() {
      assertThat(Labels.create(fixture.hosting(), "bump minor")).isEqualTo(Outcome.DONE);
      assertThat(Labels.create(fixture.hosting(), "bump minor")).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(fixture.hosting().labels()).containsExactly("cherry-picked", "bump minor");
    }

    @Test
    void aLabelTheOtherRunCreatedBetweenTheLookAndTheCreateIsAdoptedAsAlreadyDone() {
      assertThat(Labels.create(otherRunCreatesFirst("bump minor"), "bump minor")).isEqualTo(Outcome.ALREADY_DONE);

      assertThat(fixture.hosting().labels()).containsExactly("cherry-picked", "bump minor");
    }

    @Test
    void aLabelTakenInAnotherCaseBlocksWithAConflictNamingTheExistingOne() {
      assertThatThrownBy(() -> Labels.create(otherRunCreatesFirst("Bump Minor"), "bump minor"))
          .isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e).isNotInstanceOf(AlreadyExistsException.class);
            assertThat(e.getMessage()).contains("'Bump Minor' exists").contains("Use 'Bump Minor'");
          });
      assertThat(fixture.hosting().labels()).containsExactly("cherry-picked", "Bump Minor");
      String before = GitFixture.hashOf(fixture.hosting().storeDirectory());
      assertThatThrownBy(() -> Labels.create(fixture.hosting(), "bump minor")).isInstanceOf(ConflictException.class);
      assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(before);
    }

    @Test
    void aRerunAfterAdoptingWritesNothing() {
      Labels.create(otherRunCreatesFirst("bump minor"), "bump minor");
      String before = GitFixture.hashOf(fixture.hosting().storeDirectory());

      assertThat(Labels.create(fixture.hosting(), "bump minor")).isEqualTo(Outcome.ALREADY_DONE);

      assertThat(GitFixture.hashOf(fixture.hosting().storeDirectory())).isEqualTo(before);
    }
  }

  @Nested
  class CherryPicking {
    ReleaseDayScenario scenario;
    GitFixture fixture;

    @BeforeEach
    void releaseDay() {
      scenario = ReleaseDayScenario.homeAssistant(temp);
      fixture = scenario.fixture();
    }

    Release pickMilestone(ReleaseListener listener) {
      return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).listener(listener)
          .onReleaseBranch().cherryPickMilestone("0.57");
    }

    @Test
    void aPickTheOtherRunPushedJustBeforeItIsNotAppliedAgain() throws Exception {
      int before = commitsOn(fixture, "release-0-57");
      String climate = scenario.mergeCommitOf(scenario.mergeCommitPr());
      Workspace other = otherRun(fixture);

      // Merge order 104 (on the branch), 102, 105, 101: as this run announces #105, the other run pushes it.
      Report report;
      try (other) {
        report = pickMilestone(at("picking #" + scenario.mergeCommitPr(),
            () -> other.cherryPick("release-0-57", climate))).run();
      }

      assertThat(pickedOriginals(fixture, "release-0-57")).containsExactly(scenario.mergeCommitOf(102), climate,
          scenario.mergeCommitOf(101));
      assertThat(commitsOn(fixture, "release-0-57")).isEqualTo(before + 3);
      assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
      assertThat(report.step(1).output()).contains("Previously picked:\n- Fix sensor rounding (@sensordev - #104)\n"
          + "- Fix climate presets (@climatedev - #" + scenario.mergeCommitPr() + ")\n")
          .contains("Just picked:\n- Fix switch toggling (@switchdev - #102)\n"
              + "- Fix light flicker again (@lightdev - #101)");
      assertThat(fixture.hosting().pullRequest(scenario.mergeCommitPr()).labels()).containsExactly("cherry-picked");
    }

    @Test
    void whenTheOtherRunPushedAndLabelledEveryPickTheStepIsAlreadyDoneAndWritesNothing() throws Exception {
      fixture.hosting().addLabels(104, List.of("cherry-picked"));
      List<Integer> picks = List.of(102, scenario.mergeCommitPr(), 101);
      Workspace other = otherRun(fixture);
      int before = commitsOn(fixture, "release-0-57");
      String[] afterOtherRun = new String[1];

      Report report;
      try (other) {
        report = pickMilestone(at("picking #102", () -> {
          for (int number : picks) {
            other.cherryPick("release-0-57", scenario.mergeCommitOf(number));
            fixture.hosting().addLabels(number, List.of("cherry-picked"));
          }
          afterOtherRun[0] = fixture.releaseFingerprint();
        })).run();
      }

      assertThat(report.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(report.step(1).output()).startsWith("Previously picked:\n- Fix sensor rounding")
          .doesNotContain("Just picked");
      assertThat(fixture.releaseFingerprint()).as("this run wrote nothing after the other run")
          .isEqualTo(afterOtherRun[0]);
      assertThat(commitsOn(fixture, "release-0-57")).isEqualTo(before + 3);
      assertThat(pickedOriginals(fixture, "release-0-57")).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aPickWhoseChangeIsOnTheBranchUnrecognisedIsAlreadyThereAndNeverAnEmptyCommit() throws Exception {
      // #102's change reached the branch inside a bigger commit: no trailer, another patch-id.
      fixture.project().commit("release-0-57", "Apply the switch and zone fixes", Map.of(
          "homeassistant/switch.py", "TOGGLE = True\n", "homeassistant/zone.py", "RADIUS = 100\n"));
      int before = commitsOn(fixture, "release-0-57");

      Report report = pickMilestone(ReleaseListener.silent()).run();

      assertThat(pickedOriginals(fixture, "release-0-57")).containsExactly(
          scenario.mergeCommitOf(scenario.mergeCommitPr()), scenario.mergeCommitOf(101));
      assertThat(commitsOn(fixture, "release-0-57")).isEqualTo(before + 2);
      assertThat(report.step(1).output()).contains("Previously picked:\n- Fix sensor rounding (@sensordev - #104)\n"
          + "- Fix switch toggling (@switchdev - #102)\n");
      assertThat(fixture.hosting().pullRequest(102).labels()).containsExactly("cherry-picked");

      String after = fixture.fingerprint();
      assertThat(pickMilestone(ReleaseListener.silent()).run().step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
      assertThat(fixture.fingerprint()).isEqualTo(after);
    }
  }

  @Nested
  class PickingTheSyncCommits {
    @Test
    void aCommitTheOtherRunPickedAfterThisRunsFirstPickIsNotAppliedAgain() throws Exception {
      GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
      Conventions conventions = Conventions.postHog();
      Version version = Version.parse("1.31.0");
      Release.of("1.31.0").conventions(conventions).in(posthog.workTree()).hostedOn(posthog.hosting())
          .clock(Clock.fixed(Instant.parse("2021-12-16T09:00:00Z"), ZoneOffset.UTC))
          .cutBranch().changelog("- Funnel correlation\n").bumpVersion().run();
      posthog.project().branch("1.31.0-sync", "master");
      int before = commitsOn(posthog, "1.31.0-sync");
      PickCommitsStep step = new PickCommitsStep("release-1.31.0", "1.31.0-sync", "master",
          Set.of(conventions.changelogMessage(version), conventions.bumpMessage(version)));
      List<String> wanted;
      try (Workspace ws = Workspace.open(posthog.workTree())) {
        wanted = ws.log("master", "release-1.31.0").stream().map(c -> c.id()).toList();
      }
      assertThat(wanted).hasSize(2);

      StepResult result;
      try (Workspace other = otherRun(posthog);
          Workspace racing = new ForwardingWorkspace(Workspace.open(posthog.workTree())) {
            @Override
            public CommitId cherryPick(Origin origin, String branch, String commit) {
              CommitId mine = super.cherryPick(origin, branch, commit);
              if (commit.equals(wanted.get(0))) {
                other.cherryPick(branch, wanted.get(1));   // just after this run's first pick
              }
              return mine;
            }
          }) {
        result = step.apply(new RecordingContext("1.31.0", Clock.systemUTC()).withConventions(conventions)
            .withWorkspace(racing).withHosting(posthog.hosting()));
      }

      assertThat(result.outcome()).isEqualTo(Outcome.DONE);
      assertThat(result.detail()).isEqualTo("picked [" + conventions.changelogMessage(version) + "] onto 1.31.0-sync");
      assertThat(commitsOn(posthog, "1.31.0-sync")).isEqualTo(before + 2);
      assertThat(pickedOriginals(posthog, "1.31.0-sync")).containsExactlyElementsOf(wanted);
    }
  }
}
