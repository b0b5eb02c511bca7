package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.local.LocalProject;
import dev.releasekit.spi.PullRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Home Assistant on release day: preparation done (release-0-57 cut, bumped, its pull request open), then a
 * milestone 0.57 holding, after the cut, three plain merged pull requests (#101, #102, #104 merged at t3, t1, t0),
 * one merged with a merge commit (#105 at t2), one whose change is already on the release branch (#104, applied by
 * hand without a trailer), an unmerged pull request (#106) and a plain issue (#107). Merge order: 104, 102, 105, 101.
 */
public final class ReleaseDayScenario {
  public static final Instant T0 = Instant.parse("2017-10-25T10:00:00Z");

  private final GitFixture fixture;
  private final int mergeCommitPr;
  private final int unmergedPr;
  private final int issue;

  private ReleaseDayScenario(GitFixture fixture, int mergeCommitPr, int unmergedPr, int issue) {
    this.fixture = fixture;
    this.mergeCommitPr = mergeCommitPr;
    this.unmergedPr = unmergedPr;
    this.issue = issue;
  }

  public static Release preparation(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
  }

  public static ReleaseDayScenario homeAssistant(Path temp) {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    preparation(fixture).run();
    LocalProject project = fixture.project();
    LocalHosting hosting = fixture.hosting();

    String c104 = project.commitAs("dev", "Fix sensor rounding (#104)", Map.of("homeassistant/sensor.py",
        "ROUND = 2\n"), "Sensor Dev", "111+sensordev@users.noreply.github.com");
    hosting.addMergedPullRequest(104, "Fix sensor rounding", "sensordev", "fix-sensor", "dev", c104,
        T0, List.of(), "0.57");
    project.commit("release-0-57", "Apply sensor rounding fix", Map.of("homeassistant/sensor.py", "ROUND = 2\n"));

    String c102 = project.commitAs("dev", "Fix switch toggling (#102)", Map.of("homeassistant/switch.py",
        "TOGGLE = True\n"), "Switch Dev", "switchdev@example.com");
    hosting.addMergedPullRequest(102, "Fix switch toggling", "switchdev", "fix-switch", "dev", c102,
        T0.plusSeconds(3600), List.of(), "0.57");

    project.branch("fix-climate", "dev");
    project.commitAs("fix-climate", "Fix climate presets", Map.of("homeassistant/climate.py", "PRESETS = []\n"),
        "Climate Dev", "climatedev@example.com");
    PullRequest climate = hosting.actingAs("climatedev").openPullRequest("fix-climate", "dev", "Fix climate presets",
        "");
    hosting.setMilestone(climate.number(), "0.57");
    hosting.withClock(Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC)).mergePullRequest(climate.number());

    String c101 = project.commitAs("dev", "Fix light flicker again (#101)", Map.of("homeassistant/light.py",
        "FLICKER = False\n"), "Light Dev", "lightdev@example.com");
    hosting.addMergedPullRequest(101, "Fix light flicker again", "lightdev", "fix-light", "dev", c101,
        T0.plusSeconds(10800), List.of(), "0.57");

    project.branch("wip-fan", "dev");
    project.commit("wip-fan", "Fan work in progress", Map.of("homeassistant/fan.py", "SPEED = 1\n"));
    PullRequest unmerged = hosting.openPullRequest("wip-fan", "dev", "Fan speeds", "", "fandev");
    hosting.setMilestone(unmerged.number(), "0.57");

    int issue = hosting.createIssue("Lights flicker on 0.56", "user1", List.of(), "0.57").number();
    project.fetchClone();
    return new ReleaseDayScenario(fixture, climate.number(), unmerged.number(), issue);
  }

  /** Home Assistant's release day, as one release on the branch cut during preparation. */
  public static Release releaseDay(GitFixture fixture) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).onReleaseBranch()
        .cherryPickMilestone("0.57").releaseNotes().mergePr().publishRelease().closeMilestone()
        .startNextDevelopment();
  }

  public GitFixture fixture() {
    return fixture;
  }

  public int mergeCommitPr() {
    return mergeCommitPr;
  }

  public int unmergedPr() {
    return unmergedPr;
  }

  public int issue() {
    return issue;
  }

  /** Moves the unfinished pull request to the next milestone, as a release manager does before release day. */
  public ReleaseDayScenario deferUnmerged() {
    fixture.hosting().createMilestone("0.58");
    fixture.hosting().setMilestone(unmergedPr, "0.58");
    return this;
  }

  /** The merge commit of a merged pull request. */
  public String mergeCommitOf(int number) {
    return fixture.hosting().pullRequest(number).mergeCommitSha().orElseThrow();
  }
}
