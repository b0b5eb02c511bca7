package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostHog's sync pull request merged into master, the step that tells users an update is available: fresh, a re-run
 * that writes nothing, a closed pull request that blocks, and a sync branch never opened.
 */
class MergeSyncPrTest {
  @TempDir
  Path temp;
  GitFixture fixture;

  @BeforeEach
  void synced() {
    fixture = GitFixture.postHog(temp);
  }

  private Release mergeSyncPr() {
    return BugfixAndPostHogFlowTest.postHog(fixture).mergeSyncPr();
  }

  @Test
  void theSyncPullRequestIsMergedIntoMasterWithATwoParentCommit() {
    String masterBefore = fixture.commit("master").name();

    Report report = mergeSyncPr().run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(report.steps().get(report.steps().size() - 1).description())
        .isEqualTo("merge pull request 1.31.0-sync -> master with a merge commit");
    assertThat(fixture.commit("master").getParentCount()).isEqualTo(2);
    assertThat(fixture.commit("master").getParent(0).name()).isEqualTo(masterBefore);
    assertThat(fixture.commit("master").getParent(1).name()).isEqualTo(fixture.commit("1.31.0-sync").name());
    assertThat(fixture.file("master", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
    assertThat(report.result(ResultKey.SYNC_PR)).get().extracting(PullRequest::state)
        .isEqualTo(PullRequest.State.MERGED);
    assertThat(report.result(ResultKey.RELEASE_PR)).as("the sync pull request is not the release's").isEmpty();
  }

  @Test
  void aRerunWritesNothing() {
    mergeSyncPr().run();
    String before = fixture.fingerprint();

    Report again = mergeSyncPr().run();

    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(again.result(ResultKey.SYNC_PR)).isPresent();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void aSyncPullRequestClosedWithoutMergingBlocksWithNothingChanged() {
    BugfixAndPostHogFlowTest.postHog(fixture).run();
    fixture.hosting().seed().close(fixture.hosting().findPullRequest("1.31.0-sync", "master").orElseThrow()
        .number());
    String before = fixture.fingerprint();

    assertThat(mergeSyncPr().plan().isBlocked()).isTrue();
    assertThatThrownBy(() -> mergeSyncPr().run()).isInstanceOf(ConflictException.class)
        .hasMessageContaining("closed without merging");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void withoutASyncPullRequestTheErrorNamesTheVerbThatOpensIt() {
    String before = fixture.fingerprint();
    Release alone = Release.of("1.31.0").conventions(Conventions.postHog()).in(fixture.workTree())
        .hostedOn(fixture.hosting()).mergeSyncPr();

    assertThatThrownBy(alone::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("no pull request from 1.31.0-sync to master").hasMessageContaining("syncBranch()");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }
}
