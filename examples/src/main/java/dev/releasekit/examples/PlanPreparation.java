package dev.releasekit.examples;

import dev.releasekit.Release;
import dev.releasekit.local.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plans Home Assistant's preparation in a clone and prints the plan: what {@link ColdStartBenchmark} times as a
 * whole process, and trains the class-data archive of the benchmark's class path rows on. Without an argument it
 * first makes a {@link LocalProject} sandbox in a temporary folder.
 *
 * <pre>{@code
 * java -cp "$CP" dev.releasekit.examples.PlanPreparation /tmp/ha/core
 * }</pre>
 */
public final class PlanPreparation {
  private PlanPreparation() {
  }

  public static void main(String[] args) throws IOException {
    GitConfiguration.install();
    Path workTree = args.length > 0 ? Path.of(args[0])
        : LocalProject.homeAssistant(Files.createTempDirectory("releasekit-training-")).workTree();
    System.out.println(Release.of("0.57").in(workTree)
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
        .plan());
  }
}
