package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.testing.FastImport;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.OriginState;
import dev.releasekit.testing.Printed;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases from a shallow clone, as {@code actions/checkout} makes by default ({@code git clone --depth 1}): plan
 * and run fetch the history the clone lacks from origin and end as they do on a full clone; a clone whose origin
 * cannot give that history is refused with a typed error. Nothing is printed either way.
 */
class ShallowCloneTest {
  @TempDir
  Path temp;

  /** A fresh {@code git clone --depth 1} of origin, over {@code file://} so that the depth applies. */
  private Path depthOneClone(GitFixture fixture, String name) {
    Path clone = temp.resolve("clones").resolve(name);
    FastImport.Git.git(temp, "clone", "--quiet", "--depth", "1", fixture.origin().toUri().toString(),
        clone.toString());
    assertThat(clone.resolve(".git/shallow")).as("a shallow clone").exists();
    return clone;
  }

  /**
   * Plans {@code release} on one fresh depth-1 clone, runs it on another and runs it again on a third, as three CI
   * jobs would; the plan changes nothing on origin or the hosting, the run does everything, the re-run nothing.
   */
  private void planRunAndRerunOnShallowClones(GitFixture fixture, String phase, Function<Path, Release> release) {
    String before = fixture.fingerprint();
    Path planned = depthOneClone(fixture, phase + "-plan");

    Plan plan = release.apply(planned).plan();

    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.preconditions()).extracting(Precondition::what).containsExactly("conventions", "history",
        "work tree", "lease");
    assertThat(plan.toString()).contains("ok       history: the clone at " + planned + " was shallow; its history"
        + " was fetched from origin, as git fetch --unshallow does, so it is a full clone now");
    assertThat(fixture.fingerprint()).as("a plan writes nothing").isEqualTo(before);
    assertThat(planned.resolve(".git/shallow")).as("the plan fetched the clone's history").doesNotExist();
    assertThat(FastImport.Git.git(planned, "rev-list", "--count", "origin/master"))
        .isEqualTo(OriginState.git(fixture.origin(), null, "rev-list", "--count", "master").strip());

    Report report = release.apply(depthOneClone(fixture, phase + "-run")).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    String done = fixture.fingerprint();
    Report again = release.apply(depthOneClone(fixture, phase + "-rerun")).run();
    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(again.isNoOp()).isTrue();
    assertThat(fixture.fingerprint()).as("a re-run writes nothing").isEqualTo(done);
  }

  @Test
  void preparationAndReleaseDayPlanAndRunOnDepthOneClonesEndAsOnAFullCloneAndPrintNothing() {
    Path full = temp.resolve("full");
    GitFixture reference = ReleaseDayScenario.homeAssistant(full).deferUnmerged().fixture();
    ReleaseDayScenario.releaseDay(reference).run();
    Path shallow = temp.resolve("shallow");
    GitFixture fixture = GitFixture.homeAssistant(shallow);

    String printed = Printed.during(() -> {
      planRunAndRerunOnShallowClones(fixture, "preparation",
          clone -> ReleaseDayScenario.preparation(clone, fixture.hosting()));
      ReleaseDayScenario.afterPreparation(fixture).deferUnmerged();
      planRunAndRerunOnShallowClones(fixture, "release-day",
          clone -> ReleaseDayScenario.releaseDay(clone, fixture.hosting()));
    });

    assertThat(printed).as("nothing printed, JGit's stack traces included").isEmpty();
    assertThat(OriginState.content(fixture.origin(), shallow)).isEqualTo(OriginState.content(reference.origin(),
        full));
    assertThat(fixture.contentState()).isEqualTo(reference.contentState());
    assertThat(OriginState.hosting(fixture.origin(), shallow)).isEqualTo(OriginState.hosting(reference.origin(),
        full));
  }

  @Test
  void aShallowCloneWhoseOriginIsUnreachableIsARemoteErrorThatSaysTheCloneIsShallowAndPrintsNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp.resolve("project"));
    Path clone = depthOneClone(fixture, "ci");
    Path gone = temp.resolve("moved-away.git");
    FastImport.Git.git(clone, "remote", "set-url", "origin", gone.toUri().toString());
    String before = fixture.fingerprint();
    Release release = ReleaseDayScenario.preparation(clone, fixture.hosting());

    String printed = Printed.during(() -> {
      for (Runnable attempt : new Runnable[] {release::plan, release::run}) {
        assertThatThrownBy(attempt::run).isInstanceOf(RemoteException.class)
            .hasMessageContaining("The clone at " + clone + " is shallow, and releasekit fetches the history its"
                + " steps need from origin")
            .hasMessageContaining("Cannot fetch from origin (" + gone.toUri())
            .hasMessageContaining("Check origin's URL, the network and the token's access");
      }
    });

    assertThat(printed).isEmpty();
    assertThat(fixture.fingerprint()).isEqualTo(before);
    assertThat(clone.resolve(".git/shallow")).exists();
  }
}
