package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.OriginState;
import dev.releasekit.testing.Printed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What plan() and run() check before any step: that there are steps, that the clone has its history, and the work
 * tree. Each refusal is a typed error that says what to do, and changes nothing on origin or the hosting.
 */
class PreconditionsTest {
  @TempDir
  Path temp;

  private static Release preparation(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
  }

  private static Precondition workTreeOf(Plan plan) {
    return plan.preconditions().stream().filter(p -> p.what().equals("work tree")).findFirst().orElseThrow();
  }

  // No steps

  @Test
  void aReleaseWithNoStepsIsRefusedByPlanAndRunNamingStepsToAdd() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();
    Release nothing = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting());
    Release onlyWiring = nothing.onReleaseBranch();

    for (Release release : List.of(nothing, onlyWiring)) {
      for (Runnable attempt : new Runnable[] {release::plan, release::run}) {
        assertThatThrownBy(attempt::run).isInstanceOf(PreconditionException.class)
            .hasMessageContaining("Release 0.57.0 has no steps")
            .hasMessageContaining("Add the steps it should take, such as")
            .hasMessageContaining(".cutBranch()").hasMessageContaining(".then(step)");
      }
    }
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  // The work tree

  @Test
  void aDirtyWorkTreeDoesNotBlockStepsThatOnlyWriteToOriginAndThePlanWarnsAboutIt() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Path readme = fixture.workTree().resolve("README.rst");
    Files.writeString(readme, "edited\n", StandardCharsets.UTF_8);
    Release release = preparation(fixture);

    Plan plan = release.plan();

    Precondition workTree = workTreeOf(plan);
    assertThat(workTree.state()).isEqualTo(Precondition.State.WARNING);
    assertThat(workTree.holds()).isFalse();
    assertThat(workTree.blocks()).isFalse();
    assertThat(workTree.message()).contains("uncommitted changes [README.rst]")
        .contains("No step reads the work tree").contains("cannot leak into the release");
    assertThat(plan.toString()).contains("warning  work tree: The work tree at " + fixture.workTree());
    assertThat(plan.toString().indexOf("warning  work tree")).isLessThan(plan.toString().indexOf("1) "));
    assertThat(plan.steps()).extracting(StepResult::description).containsExactlyElementsOf(release.steps());
    assertThat(plan.steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
    assertThat(plan.toJson()).contains("\"preconditions\"").contains("\"state\": \"WARNING\"");
    assertThat(plan.toMarkdown()).contains("- **warning** work tree: The work tree at");

    Report report = release.run();
    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(fixture.file("release-0-57", "README.rst")).doesNotContain("edited");
    assertThat(Files.readString(readme)).isEqualTo("edited\n");
  }

  @Test
  void aDirtyWorkTreeBlocksTheCommandThatRunsInItKeepsTheNumberingAndChangesNothing() throws IOException {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();
    Files.writeString(fixture.workTree().resolve("README.rst"), "edited\n", StandardCharsets.UTF_8);
    Path marker = temp.resolve("command-ran");
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .cutBranch().command("touch", marker.toString()).openPr();

    Plan plan = release.plan();

    Precondition workTree = workTreeOf(plan);
    assertThat(workTree.blocks()).isTrue();
    assertThat(workTree.message()).contains("uncommitted changes [README.rst]")
        .contains("step 2 (run touch " + marker + ") runs in it").contains("Commit or stash them and run again");
    assertThat(plan.steps()).extracting(StepResult::description).containsExactlyElementsOf(release.steps());
    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(2).detail()).contains("uncommitted changes [README.rst]").contains("Commit or stash");
    assertThat(plan.step(3).detail()).isEqualTo("not rehearsed: step 2 is blocked");
    assertThat(plan.toString()).contains("FAILS    work tree:");

    for (Release attempt : List.of(release, release.withoutRehearsal())) {
      assertThatThrownBy(attempt::run).isInstanceOf(PreconditionException.class)
          .hasMessageContaining("uncommitted changes [README.rst]")
          .hasMessageContaining("step 2 (run touch " + marker + ") runs in it")
          .hasMessageContaining("Commit or stash them and run again");
    }
    assertThat(marker).doesNotExist();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void aCleanWorkTreeIsAPreconditionThatHolds() {
    GitFixture fixture = GitFixture.homeAssistant(temp);

    Plan plan = preparation(fixture).plan();

    assertThat(workTreeOf(plan).holds()).isTrue();
    assertThat(workTreeOf(plan).message()).isEqualTo("clean");
    assertThat(plan.preconditions()).extracting(Precondition::what).containsExactly("conventions", "work tree",
        "lease");
  }

  // Shallow clones: plan and run fetch the history a shallow clone lacks (ShallowCloneTest), unless origin lacks it

  @Test
  void aShallowCloneWhoseOriginLacksTheHistoryIsRefusedPrintsNothingAndStaysAUsableShallowClone() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp.resolve("project"));
    Path mirror = temp.resolve("mirror.git");
    git(temp, "clone", "--quiet", "--bare", "--depth", "1", "--no-single-branch", fixture.origin().toUri().toString(),
        mirror.toString());
    Path shallow = temp.resolve("shallow");
    git(temp, "clone", "--quiet", "--depth", "1", mirror.toUri().toString(), shallow.toString());
    assertThat(shallow.resolve(".git/shallow")).exists();
    String before = fixture.fingerprint();
    String mirrorRefs = OriginState.git(mirror, null, "for-each-ref");
    Release release = Release.of("0.57").in(shallow).hostedOn(fixture.hosting())
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();

    String printed = Printed.during(() -> {
      for (Runnable attempt : new Runnable[] {release::plan, release::run}) {
        assertThatThrownBy(attempt::run).isInstanceOf(PreconditionException.class)
            .hasMessageContaining("The clone at " + shallow + " is shallow (cloned with --depth), and origin ("
                + mirror.toUri())
            .hasMessageContaining("could not give the rest of its history: origin lacks it")
            .hasMessageContaining("releasekit needs the history")
            .hasMessageContaining("Point origin at the complete repository")
            .hasMessageContaining("and run again");
      }
    });

    assertThat(printed).isEmpty();
    assertThat(fixture.fingerprint()).isEqualTo(before);
    assertThat(OriginState.git(mirror, null, "for-each-ref")).isEqualTo(mirrorRefs);
    // The clone still says where its history stops, so git itself reads it without complaint.
    assertThat(shallow.resolve(".git/shallow")).exists();
    git(shallow, "rev-list", "--all");
    git(shallow, "fsck", "--no-progress");

    // The advice is true: pointed at the complete repository, the same release plans.
    git(shallow, "remote", "set-url", "origin", fixture.origin().toUri().toString());
    assertThat(release.plan().steps()).extracting(StepResult::outcome).containsOnly(Outcome.WOULD_DO);
  }

  /** Runs the git CLI without the user's or the system's configuration. */
  private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
