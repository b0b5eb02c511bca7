package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.files.PythonConstants;
import dev.releasekit.files.VersionFile;
import dev.releasekit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input gets a typed error that says what to do, and changes nothing. */
class BadInputTest {
  @TempDir
  Path temp;

  private Release preparation(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.57x", "", "1.2.3;rm -rf", " 0.57", "v0.57"})
  void malformedVersionIsRefusedWithTheAcceptedForms(String version) {
    assertThatThrownBy(() -> Release.of(version))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("\"" + version + "\"")
        .hasMessageContaining("0.57.0.dev0");
  }

  @Test
  void branchPatternThatMakesAnInvalidRefNameIsRefusedBeforeAnythingHappens() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();
    Release release = preparation(fixture)
        .conventions(Conventions.homeAssistant().withReleaseBranchPattern("release {major}..{minor}"));

    assertThatThrownBy(release::plan).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("'release 0..57'").hasMessageContaining("not a valid git ref name");
    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class);
    assertThat(release.toString()).contains("invalid");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void missingVersionFileBlocksAndChangesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();
    List<VersionFile> files = List.of(PythonConstants.at("homeassistant/missing_const.py"));
    Release release = preparation(fixture).conventions(Conventions.homeAssistant().withVersionFiles(files));

    assertThat(release.plan().step(3).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("homeassistant/missing_const.py does not exist on release-0-57");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void versionGoingBackwardsIsRefusedAndChangesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();
    Release release = Release.of("0.56.5").in(fixture.workTree()).hostedOn(fixture.hosting())
        .cutBranch("dev").bumpVersion();

    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("already says 0.57.0.dev0").hasMessageContaining("never goes backwards");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void dirtyWorkTreeUnderAStepThatRunsInItIsRefusedAndChangesNothing() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String before = fixture.fingerprint();
    Files.writeString(fixture.workTree().resolve("README.rst"), "edited\n", StandardCharsets.UTF_8);
    // Steps that only write to origin cannot pick up uncommitted changes (PreconditionsTest); a command can.
    Release release = preparation(fixture).command("script/release");

    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("uncommitted changes [README.rst]").hasMessageContaining("Commit or stash");
    Plan plan = release.plan();
    assertThat(plan.steps()).extracting(StepResult::outcome).containsExactly(Outcome.WOULD_DO, Outcome.WOULD_DO,
        Outcome.WOULD_DO, Outcome.WOULD_DO, Outcome.BLOCKED);
    assertThat(plan.step(5).description()).isEqualTo("run script/release");
    assertThat(plan.preconditions()).filteredOn(Precondition::blocks).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("uncommitted changes [README.rst]"));
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void someoneElsesPushBetweenObservingAndWritingIsRefusedByOriginThenTheStepObservesAgainAndKeepsIt() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    fixture.project().branch("release-0-57", "dev");
    // A version file whose write lets a colleague push to the branch first: origin must refuse our stale commit.
    VersionFile racing = new VersionFile() {
      private final VersionFile real = PythonConstants.at("homeassistant/const.py");

      @Override
      public String path() {
        return real.path();
      }

      @Override
      public String readValue(byte[] content) {
        return real.readValue(content);
      }

      @Override
      public byte[] writeValue(byte[] content, String value) {
        if (!fixture.originRefs().containsKey("refs/heads/colleague-pushed")) {
          fixture.project().commit("release-0-57", "Colleague's fix", Map.of("fix.txt", "fixed\n"));
          fixture.project().branch("colleague-pushed", "release-0-57");
        }
        return real.writeValue(content, value);
      }
    };
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .conventions(Conventions.homeAssistant().withVersionFiles(List.of(racing)))
        .withoutRehearsal().cutBranch().bumpVersion();
    List<String> progress = new java.util.ArrayList<>();

    Report report = release.listener(new dev.releasekit.ReleaseListener() {
      @Override
      public void progress(int index, String message) {
        progress.add(message);
      }
    }).run();

    String colleagues = fixture.originRefs().get("refs/heads/colleague-pushed");
    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
    assertThat(progress).anyMatch(m -> m.contains("refs/heads/release-0-57") && m.contains("observing again"));
    assertThat(fixture.commit("release-0-57").getParent(0).name()).isEqualTo(colleagues);
    assertThat(fixture.file("release-0-57", "fix.txt")).isEqualTo("fixed\n");
  }

  @Test
  void missingRepositoryFolderIsAPreconditionThatNamesIt() {
    Path nowhere = temp.resolve("nowhere");
    assertThatThrownBy(() -> Release.of("0.57").in(nowhere).cutBranch().plan())
        .isInstanceOf(PreconditionException.class).hasMessageContaining(nowhere.toString());
  }

  @Test
  void unknownSourceBranchBlocksWithTheBranchName() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Plan plan = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch("develop").plan();
    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(1).detail()).contains("'develop'");
  }
}
