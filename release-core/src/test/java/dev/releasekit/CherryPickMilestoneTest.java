package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.Hosting;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hass-release's milestone_cherry_pick, done right. */
class CherryPickMilestoneTest {
  @TempDir
  Path temp;

  private static final Pattern TRAILER = Pattern.compile("\\(cherry picked from commit ([0-9a-f]{40})\\)");

  /** The original commits picked onto the branch since the cut, oldest first, read from their trailers. */
  private static List<String> pickedOriginals(GitFixture fixture, String branch) {
    List<String> originals = new ArrayList<>();
    RevCommit commit = fixture.commit(branch);
    while (commit.getParentCount() == 1) {
      Matcher m = TRAILER.matcher(commit.getFullMessage());
      if (m.find()) {
        originals.add(0, m.group(1));
      }
      commit = fixture.commit(commit.getParent(0).name());
    }
    return originals;
  }

  private static Release pick(GitFixture fixture, Hosting hosting) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(hosting).onReleaseBranch().cherryPickMilestone("0.57");
  }

  @Test
  void mixedMilestonePicksMergedPullRequestsInMergeOrderAndReportsTheRest() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    List<String> labelledWhileOnOrigin = new ArrayList<>();
    // A hosting that checks, at the moment a label is added, that the pick is already on origin's branch.
    Hosting checking = (Hosting) Proxy.newProxyInstance(Hosting.class.getClassLoader(),
        new Class<?>[] {Hosting.class}, (proxy, method, args) -> {
          if (method.getName().equals("addLabels")) {
            int number = (Integer) args[0];
            String sha = scenario.mergeCommitOf(number);
            boolean onOrigin = pickedOriginals(fixture, "release-0-57").contains(sha) || number == 104;
            labelledWhileOnOrigin.add("#" + number + (onOrigin ? " on origin" : " NOT on origin"));
            assertThat(List.copyOf((Collection<?>) args[1])).isEqualTo(List.of("cherry-picked"));
          }
          try {
            return method.invoke(fixture.hosting(), args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });

    Report report = pick(fixture, checking).run();

    assertThat(pickedOriginals(fixture, "release-0-57")).as("merge order: #102 (t1), #105 (t2), #101 (t3)")
        .containsExactly(scenario.mergeCommitOf(102), scenario.mergeCommitOf(scenario.mergeCommitPr()),
            scenario.mergeCommitOf(101));
    assertThat(fixture.file("release-0-57", "homeassistant/climate.py")).as("merge commit picked with -m 1")
        .isEqualTo("PRESETS = []\n");
    assertThat(fixture.commit("release-0-57").getParentCount()).isEqualTo(1);
    assertThat(labelledWhileOnOrigin).containsExactly("#104 on origin", "#102 on origin", "#105 on origin",
        "#101 on origin");
    String summary = report.step(1).output();
    assertThat(summary).isEqualTo("""
        Previously picked:
        - Fix sensor rounding (@sensordev - #104)

        Just picked:
        - Fix switch toggling (@switchdev - #102)
        - Fix climate presets (@climatedev - #105)
        - Fix light flicker again (@lightdev - #101)

        Not picked:
        - Fan speeds (#106, not merged: not picked)
        - Lights flicker on 0.56 (#107, an issue: nothing to pick)""");
    assertThat(fixture.hosting().pullRequest(scenario.unmergedPr()).labels()).isEmpty();
  }

  @Test
  void pullRequestAlreadyOnTheBranchIsAlreadyDoneWhateverItsLabelsSay() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    // hass-release trusts the label; here #101 is labelled but not on the branch, so it is still picked.
    fixture.hosting().addLabels(101, List.of("cherry-picked"));
    pick(fixture, fixture.hosting()).run();
    assertThat(pickedOriginals(fixture, "release-0-57")).contains(scenario.mergeCommitOf(101));

    Map<String, String> refs = fixture.allOriginRefs();
    Report again = pick(fixture, fixture.hosting()).run();
    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(again.step(1).output()).startsWith("Previously picked:\n- Fix sensor rounding");
    assertThat(fixture.allOriginRefs()).isEqualTo(refs);
  }

  @Test
  void aPullRequestMergedBeforeTheCutIsNeitherPickedNorLabelled() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    String beforeCut = fixture.commit("release-0-57~2").name();   // under the bump and the hand-applied fix
    assertThat(fixture.isAncestor(beforeCut, "dev")).isTrue();
    fixture.hosting().seed().pull("Fix zone radius").number(108).by("zonedev").from("fix-zone").into("dev").milestone("0.57").mergedAs(beforeCut, Instant.parse("2017-10-20T10:00:00Z"));

    Report report = pick(fixture, fixture.hosting()).run();

    assertThat(fixture.hosting().pullRequest(108).labels()).isEmpty();
    assertThat(pickedOriginals(fixture, "release-0-57")).doesNotContain(beforeCut);
    assertThat(report.step(1).output()).contains("Merged before the cut (on the branch, not picked, not labelled):\n"
        + "- Fix zone radius (@zonedev - #108)\n").doesNotContain("Just picked:\n- Fix zone");
    Report again = pick(fixture, fixture.hosting()).run();
    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(fixture.hosting().pullRequest(108).labels()).isEmpty();
  }

  @Test
  void aPullRequestMergedBeforeTheCutButLabelledCherryPickedIsWarnedAbout() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    fixture.hosting().seed().pull("Fix zone radius").number(108).by("zonedev").from("fix-zone").into("dev").labels("cherry-picked").milestone("0.57").mergedAs(fixture.commit("release-0-57~2").name(), Instant.parse("2017-10-20T10:00:00Z"));

    Report report = pick(fixture, fixture.hosting()).run();

    assertThat(report.step(1).warnings()).anySatisfy(w -> assertThat(w).contains("#108")
        .contains("merged before release-0-57 was cut").contains("remove the label"));
  }

  @Test
  void numberOrderOptionPicksByPullRequestNumber() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone("0.57", CherryPicks.inNumberOrder()).run();
    assertThat(pickedOriginals(fixture, "release-0-57")).containsExactly(scenario.mergeCommitOf(101),
        scenario.mergeCommitOf(102), scenario.mergeCommitOf(scenario.mergeCommitPr()));
  }

  @Test
  void conflictLeavesTheBranchCleanNamesThePullRequestAndResumesAfterAHandResolution() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    // The third pick (#105, climate) meets a hotfix made on the release branch: a conflict.
    fixture.project().commit("release-0-57", "Hotfix climate on the release branch",
        Map.of("homeassistant/climate.py", "PRESETS = ['eco']\n"));
    String url = fixture.hosting().pullRequest(scenario.mergeCommitPr()).url();
    String sha = scenario.mergeCommitOf(scenario.mergeCommitPr());

    assertThatThrownBy(() -> pick(fixture, fixture.hosting()).run())
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.pullRequest()).contains(url);
          assertThat(e.commit()).contains(sha);
          assertThat(e.files()).containsExactly("homeassistant/climate.py");
          assertThat(e.getMessage()).contains("#" + scenario.mergeCommitPr()).contains(url)
              .contains("release-0-57 is unchanged").contains("git cherry-pick -x -m 1 " + sha);
          assertThat(e.report().orElseThrow().step(1).outcome()).isEqualTo(Outcome.BLOCKED);
        });
    assertThat(pickedOriginals(fixture, "release-0-57")).as("picks before the conflict landed")
        .containsExactly(scenario.mergeCommitOf(102));
    assertThat(fixture.file("release-0-57", "homeassistant/climate.py")).isEqualTo("PRESETS = ['eco']\n");
    assertThat(fixture.project().workspace().isClean()).isTrue();
    assertThat(fixture.hosting().pullRequest(scenario.mergeCommitPr()).labels()).isEmpty();

    // A person resolves the pick by hand (git cherry-pick -x, fix, commit) and pushes it.
    fixture.project().commit("release-0-57", "Fix climate presets\n\n(cherry picked from commit " + sha + ")",
        Map.of("homeassistant/climate.py", "PRESETS = ['eco']\nEXTRA = []\n"));

    Report resumed = pick(fixture, fixture.hosting()).run();

    assertThat(resumed.step(1).output()).contains("Previously picked:\n- Fix sensor rounding (@sensordev - #104)\n"
        + "- Fix switch toggling (@switchdev - #102)\n- Fix climate presets (@climatedev - #105)")
        .contains("Just picked:\n- Fix light flicker again (@lightdev - #101)");
    List<String> originals = pickedOriginals(fixture, "release-0-57");
    assertThat(originals).containsExactly(scenario.mergeCommitOf(102), sha, scenario.mergeCommitOf(101));
    assertThat(originals).doesNotHaveDuplicates();
    assertThat(fixture.hosting().pullRequest(scenario.mergeCommitPr()).labels()).containsExactly("cherry-picked");
  }

  @Test
  void continuingPastConflictsPicksTheRestAndReportsEveryConflict() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    fixture.project().commit("release-0-57", "Hotfix climate", Map.of("homeassistant/climate.py", "X = 1\n"));
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone("0.57", CherryPicks.inMergeOrder().continuingPastConflicts());

    assertThatThrownBy(release::run).isInstanceOf(ConflictException.class)
        .hasMessageContaining("Conflicts (not picked):");
    assertThat(pickedOriginals(fixture, "release-0-57")).containsExactly(scenario.mergeCommitOf(102),
        scenario.mergeCommitOf(101));
  }

  @Test
  void planFindsTheConflictBeforeReleaseDay() {
    ReleaseDayScenario scenario = ReleaseDayScenario.homeAssistant(temp);
    GitFixture fixture = scenario.fixture();
    fixture.project().commit("release-0-57", "Hotfix climate", Map.of("homeassistant/climate.py", "X = 1\n"));
    String before = fixture.fingerprint();
    Plan plan = pick(fixture, fixture.hosting()).plan();
    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(1).detail()).contains("#" + scenario.mergeCommitPr()).contains("homeassistant/climate.py");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void unknownMilestoneListsTheOpenOnes() {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp).fixture();
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone("0.75");
    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("No milestone is titled '0.75'").hasMessageContaining("[0.57]");
  }

  @Test
  void withoutATitleTheOpenMilestoneWithTheHighestVersionIsPickedAndOddTitlesAreWarnedAbout() {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp).fixture();
    fixture.hosting().seed().milestone("0.56.3");
    fixture.hosting().seed().milestone("Someday");
    Report report = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone().run();
    assertThat(report.step(1).output()).contains("Fix light flicker again");
    assertThat(report.step(1).warnings()).containsExactly("milestone 'Someday' is not a version; ignored");
  }

  @Test
  void missingCherryPickedLabelBlocksBeforeAnyPick() {
    GitFixture fixture = ReleaseDayScenario.homeAssistant(temp).fixture();
    String before = fixture.fingerprint();
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .conventions(Conventions.homeAssistant().withCherryPickedLabel("backported")).onReleaseBranch()
        .cherryPickMilestone("0.57");
    assertThat(release.plan().step(1).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class).hasMessageContaining("'backported'");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }
}
