package dev.releasekit.examples;

import dev.releasekit.Release;
import java.nio.file.Path;

/**
 * Plans Home Assistant's preparation in an existing clone and prints the plan: what {@link ColdStartBenchmark}
 * times as a whole process, and the training run of the AppCDS archive.
 *
 * <pre>{@code
 * java -cp "$CP" dev.releasekit.examples.PlanPreparation /tmp/ha/core
 * }</pre>
 */
public final class PlanPreparation {
  private PlanPreparation() {
  }

  public static void main(String[] args) {
    GitConfiguration.install();
    Path workTree = Path.of(args.length > 0 ? args[0] : ".");
    System.out.println(Release.of("0.57").in(workTree)
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
        .plan());
  }
}
