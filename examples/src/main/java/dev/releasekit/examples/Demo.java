package dev.releasekit.examples;

import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.ReleaseListener;
import dev.releasekit.Report;
import dev.releasekit.local.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main job on the embedded default: builds a sandbox shaped like Home Assistant's core repository (master and
 * dev, {@code homeassistant/const.py} at 0.57.0.dev0, a bare origin that refuses force pushes, LocalHosting), then
 * prints the preparation flow's plan, runs it, prints the report, and runs it again to show it converges.
 *
 * <pre>{@code
 * mvn -q -DskipTests install && mvn -q -f examples exec:java
 * }</pre>
 */
public final class Demo {
  private Demo() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("releasekit-demo-");
    LocalProject project = LocalProject.homeAssistant(dir);
    System.out.println("Sandbox: " + project.workTree() + " (origin " + project.origin() + ")\n");

    Release release = Release.of("0.57")
        .in(project.workTree())
        .mergeForward("master", "dev")
        .cutBranch()
        .bumpVersion()
        .openPr();
    System.out.println(release + "\n");

    Plan plan = release.plan();
    System.out.println(plan);

    Report report = release.listener(ReleaseListener.console()).run();
    System.out.println(report);

    Report again = release.run();
    System.out.println("Run again: " + (again.isNoOp() ? "every step ALREADY_DONE, nothing written" : again));
    System.out.println("Open pull request: " + project.hosting().findPullRequest("release-0-57", "master")
        .orElseThrow());
  }
}
