package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.spi.Hosting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Home Assistant's bugfix release 0.56.2: milestone 0.56.2 holding one merged pull request on dev (#120, a zwave
 * fix), and the release that cuts release-0-56-2 from master, picks it, bumps the patch version, opens the pull
 * request, merges it and publishes the release. One release with every kind of write: a branch, a pick, a label, a
 * pull request, a merge and a tag with its release.
 */
public final class BugfixScenario {
  private BugfixScenario() {
  }

  /** Milestone 0.56.2 with one merged pull request on dev, #120, to pick. */
  public static GitFixture withZwaveFix(GitFixture fixture) {
    fixture.hosting().seed().milestone("0.56.2");
    String fix = fixture.project().commitAs("dev", "Fix zwave crash (#120)", Map.of("homeassistant/zwave.py",
        "CRASH = False\n"), "Zwave Dev", "zwavedev@example.com");
    fixture.hosting().seed().pull("Fix zwave crash").number(120).by("zwavedev").from("fix-zwave").into("dev")
        .milestone("0.56.2").mergedAs(fix, Instant.parse("2017-10-26T10:00:00Z"));
    fixture.project().fetchClone();
    return fixture;
  }

  public static Release bugfix(GitFixture fixture) {
    return bugfix(fixture.workTree(), fixture.hosting());
  }

  /** The bugfix release in the clone {@code workTree}, for a child process that knows only the folders. */
  public static Release bugfix(Path workTree, Hosting hosting) {
    return Release.of("0.56.2").in(workTree).hostedOn(hosting)
        .cutBranch("master")
        .cherryPickMilestone("0.56.2")
        .bumpVersion()
        .openPr()
        .mergePr()
        .publishRelease();
  }
}
