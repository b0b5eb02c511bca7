package dev.releasekit.github;

import dev.releasekit.Release;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.local.LocalProject;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * release-core's {@code ReleaseDayScenario} on GitHub: Home Assistant with preparation done through the stub,
 * then a milestone 0.57 holding three plain merged pull requests (#104, #102, #101, merged at t0, t1, t3), one
 * merged through the stub with a real merge commit on dev (climate, at t2), one whose change is already on the
 * release branch (#104), an unfinished pull request moved to 0.58, and a plain issue.
 */
final class GitHubReleaseDayScenario {
  static final Instant T0 = Instant.parse("2017-10-25T10:00:00Z");

  final GitFixture fixture;
  final GitHubStub stub;
  final GitHub github;
  final int climate;

  private GitHubReleaseDayScenario(GitFixture fixture, GitHubStub stub, int climate) {
    this.fixture = fixture;
    this.stub = stub;
    this.github = stub.client().build();
    this.climate = climate;
  }

  static Release preparation(GitFixture fixture, GitHub github) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(github)
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
  }

  static Release releaseDay(GitFixture fixture, GitHub github) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(github).onReleaseBranch()
        .cherryPickMilestone("0.57").releaseNotes().mergePr().publishRelease().closeMilestone()
        .startNextDevelopment();
  }

  static GitHubReleaseDayScenario homeAssistant(Path temp) {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    GitHubStub stub = GitHubStub.start("home-assistant/core", new FakeTime(T0.plusSeconds(7200)))
        .withOrigin(fixture.origin());
    GitHub github = stub.client().build();
    preparation(fixture, github).run();
    LocalProject project = fixture.project();
    stub.label("cherry-picked", "new-platform", "breaking-change");
    stub.milestone("0.57");

    String c104 = project.commitAs("dev", "Fix sensor rounding (#104)", Map.of("homeassistant/sensor.py",
        "ROUND = 2\n"), "Sensor Dev", "111+sensordev@users.noreply.github.com");
    stub.pull("Fix sensor rounding").number(104).author("sensordev").head("fix-sensor").base("dev")
        .milestone("0.57").mergedAs(c104, T0).create();
    project.commit("release-0-57", "Apply sensor rounding fix", Map.of("homeassistant/sensor.py", "ROUND = 2\n"));

    String c102 = project.commitAs("dev", "Fix switch toggling (#102)", Map.of("homeassistant/switch.py",
        "TOGGLE = True\n"), "Switch Dev", "switchdev@example.com");
    stub.pull("Fix switch toggling").number(102).author("switchdev").head("fix-switch").base("dev")
        .milestone("0.57").mergedAs(c102, T0.plusSeconds(3600)).create();

    project.branch("fix-climate", "dev");
    project.commitAs("fix-climate", "Fix climate presets", Map.of("homeassistant/climate.py", "PRESETS = []\n"),
        "Climate Dev", "climatedev@example.com");
    PullRequest climate = github.openPullRequest("fix-climate", "dev", "Fix climate presets", "");
    stub.setAuthor(climate.number(), "climatedev");
    stub.setMilestone(climate.number(), "0.57");
    github.mergePullRequest(climate.number());

    String c101 = project.commitAs("dev", "Fix light flicker again (#101)", Map.of("homeassistant/light.py",
        "FLICKER = False\n"), "Light Dev", "lightdev@example.com");
    stub.pull("Fix light flicker again").number(101).author("lightdev").head("fix-light").base("dev")
        .milestone("0.57").mergedAs(c101, T0.plusSeconds(10800)).create();

    project.branch("wip-fan", "dev");
    project.commit("wip-fan", "Fan work in progress", Map.of("homeassistant/fan.py", "SPEED = 1\n"));
    PullRequest unmerged = github.openPullRequest("wip-fan", "dev", "Fan speeds", "");
    stub.setMilestone(unmerged.number(), "0.58");

    stub.issue("Lights flicker on 0.56").author("user1").milestone("0.57").create();
    project.fetchClone();
    return new GitHubReleaseDayScenario(fixture, stub, climate.number());
  }
}
