package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in step three ways: a fresh apply, a re-run that writes nothing (origin's refs, journal included, and
 * the hosting store stay byte-identical), and a conflicting state that blocks with nothing changed.
 */
class StepsTest {
  @TempDir
  Path temp;

  GitFixture fixture;

  @BeforeEach
  void sandbox() {
    fixture = GitFixture.homeAssistant(temp);
  }

  Release release(String version, UnaryOperator<Release> steps) {
    return steps.apply(Release.of(version).in(fixture.workTree()).hostedOn(fixture.hosting()));
  }

  void assertRerunWritesNothing(Release release) {
    String before = fixture.fingerprint();
    Report again = release.run();
    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  void assertBlocksAndChangesNothing(Release release, Class<? extends ReleaseException> type, String message) {
    String before = fixture.fingerprint();
    assertThat(release.plan().isBlocked()).isTrue();
    assertThatThrownBy(release::run).isInstanceOf(type).hasMessageContaining(message);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Nested
  class MergeForward {
    final UnaryOperator<Release> steps = r -> r.mergeForward("master", "dev");

    @Test
    void freshApplyMakesATwoParentMergeCommit() {
      String dev = fixture.commit("dev").name();
      release("0.57", steps).run();
      assertThat(fixture.commit("dev").getParentCount()).isEqualTo(2);
      assertThat(fixture.commit("dev").getParent(0).name()).isEqualTo(dev);
      assertThat(fixture.isAncestor("master", "dev")).isTrue();
    }

    @Test
    void rerunWritesNothing() {
      release("0.57", steps).run();
      assertRerunWritesNothing(release("0.57", steps));
    }

    @Test
    void contentConflictBlocksWithTheFilesAndChangesNothing() {
      fixture.project().commit("master", "Edit on master", Map.of("README.rst", "master's words\n"));
      fixture.project().commit("dev", "Edit on dev", Map.of("README.rst", "dev's words\n"));
      assertBlocksAndChangesNothing(release("0.57", steps), ConflictException.class, "README.rst");
    }
  }

  @Nested
  class CutBranch {
    final UnaryOperator<Release> steps = Release::cutBranch;

    @Test
    void freshApplyCreatesTheBranchAtTheSourceTip() {
      release("0.57", steps).run();
      assertThat(fixture.originRefs().get("refs/heads/release-0-57")).isEqualTo(fixture.commit("dev").name());
    }

    @Test
    void rerunWritesNothingEvenAfterTheSourceMovedOn() {
      release("0.57", steps).run();
      fixture.project().commit("dev", "Work for 0.58", Map.of("new.py", "x = 1\n"));
      assertRerunWritesNothing(release("0.57", steps));
    }

    @Test
    void branchOnAnotherCommitBlocks() {
      fixture.project().branch("release-0-57", "master");
      assertBlocksAndChangesNothing(release("0.57", steps), ConflictException.class, "never moves or deletes");
    }

    @Test
    void patchReleaseBranchIsNamedWithThePatch() {
      release("0.56.2", r -> r.cutBranch("master")).run();
      assertThat(fixture.originRefs()).containsKey("refs/heads/release-0-56-2");
    }
  }

  @Nested
  class BumpVersion {
    final UnaryOperator<Release> steps = r -> r.cutBranch().bumpVersion();

    @Test
    void freshApplyChangesOnlyThePatchVersionBytes() {
      String before = fixture.file("dev", "homeassistant/const.py");
      release("0.57", steps).run();
      assertThat(fixture.file("release-0-57", "homeassistant/const.py"))
          .isEqualTo(before.replace("'0.dev0'", "'0'"));
      assertThat(fixture.commit("release-0-57").getFullMessage()).isEqualTo("Version bump to 0.57.0");
    }

    @Test
    void rerunWritesNothing() {
      release("0.57", steps).run();
      assertRerunWritesNothing(release("0.57", steps));
    }

    @Test
    void fileAheadOfTheVersionBlocks() {
      fixture.project().branch("release-0-57", "dev");
      fixture.project().commit("release-0-57", "Someone bumped", Map.of("homeassistant/const.py",
          dev.releasekit.testing.HomeAssistantFiles.constPy(57, "1")));
      assertBlocksAndChangesNothing(release("0.57", steps), PreconditionException.class, "never goes backwards");
    }

    @Test
    void explicitVersionWritesAPatchLikeABugfixRelease() {
      release("0.56.2", r -> r.cutBranch("master").bumpVersion(dev.releasekit.version.Version.parse("0.56.2")))
          .run();
      assertThat(fixture.file("release-0-56-2", "homeassistant/const.py")).contains("PATCH_VERSION = '2'")
          .contains("MINOR_VERSION = 56");
    }

    @Test
    void postHogVersionPyIsBumpedWithItsQuotes() {
      GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
      Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree()).hostedOn(posthog.hosting())
          .cutBranch().bumpVersion().run();
      assertThat(posthog.file("release-1.31.0", "posthog/version.py")).isEqualTo("VERSION = \"1.31.0\"\n");
      assertThat(posthog.commit("release-1.31.0").getFullMessage()).isEqualTo("Bump version 1.31.0");
    }
  }

  @Nested
  class Tag {
    final UnaryOperator<Release> steps = r -> r.cutBranch().tag();

    @Test
    void freshApplyCreatesAnAnnotatedTagOnTheBranchTip() {
      GitFixture posthog = GitFixture.postHog(temp.resolve("posthog"));
      Release.of("1.31.0").conventions(Conventions.postHog()).in(posthog.workTree()).hostedOn(posthog.hosting())
          .cutBranch().tag().run();
      assertThat(posthog.originRefs().get("refs/tags/1.31.0")).isNotEqualTo(posthog.commit("release-1.31.0").name());
      assertThat(posthog.commit("1.31.0").name()).isEqualTo(posthog.commit("release-1.31.0").name());
    }

    @Test
    void rerunWritesNothing() {
      release("0.57", steps).run();
      assertRerunWritesNothing(release("0.57", steps));
    }

    @Test
    void tagElsewhereBlocks() {
      fixture.project().tag("0.57", "master", "stray");
      assertBlocksAndChangesNothing(release("0.57", steps), ConflictException.class, "never moves tags");
    }
  }

  @Nested
  class OpenPr {
    final UnaryOperator<Release> steps = r -> r.cutBranch().openPr();

    @Test
    void freshApplyOpensOnePullRequestToMaster() {
      release("0.57", steps).run();
      assertThat(fixture.hosting().findPullRequest("release-0-57", "master")).get()
          .extracting(PullRequest::title, PullRequest::state).containsExactly("0.57", PullRequest.State.OPEN);
    }

    @Test
    void rerunWritesNothing() {
      release("0.57", steps).run();
      assertRerunWritesNothing(release("0.57", steps));
    }

    @Test
    void pullRequestClosedWithoutMergingBlocks() {
      release("0.57", steps).run();
      fixture.hosting().seed().close(fixture.hosting().findPullRequest("release-0-57", "master").orElseThrow().number());
      assertBlocksAndChangesNothing(release("0.57", steps), ConflictException.class, "closed without merging");
    }
  }

  @Nested
  class StartNextDevelopment {
    final UnaryOperator<Release> steps = Release::startNextDevelopment;

    @Test
    void freshApplyMergesMasterAndPutsTheNextDevVersionOnDev() {
      release("0.57", steps).run();
      assertThat(fixture.isAncestor("master", "dev")).isTrue();
      assertThat(fixture.file("dev", "homeassistant/const.py")).contains("MINOR_VERSION = 58")
          .contains("PATCH_VERSION = '0.dev0'");
    }

    @Test
    void rerunWritesNothing() {
      release("0.57", steps).run();
      assertRerunWritesNothing(release("0.57", steps));
    }

    @Test
    void missingDevelopmentBranchBlocks() {
      Release release = release("0.57", steps)
          .conventions(Conventions.homeAssistant().withDevelopmentBranch("develop"));
      assertBlocksAndChangesNothing(release, PreconditionException.class, "'develop'");
    }
  }
}
