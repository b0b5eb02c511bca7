package dev.releasekit.examples;

import dev.releasekit.Conventions;
import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the cost of a plan's sandbox grows with history: builds (with {@code git fast-import}) a repository of 10
 * commits and one of 100,000, plans a one-step release on each many times through the public API
 * ({@link Release#plan()}: fetch, ls-remote, the sandbox clone and origin, the step reading the sandbox's work
 * tree, and the clean-up), and prints the median times and their ratio. The sandbox borrows the object database
 * through alternates, so the ratio should stay near 1.
 *
 * <pre>{@code
 * mvn -q -DskipTests install && mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.SandboxBenchmark
 * }</pre>
 */
public final class SandboxBenchmark {
  private static final int ROUNDS = 30;

  private SandboxBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int big = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("releasekit-sandbox-bench-");
    Path small = repository(dir.resolve("small"), 10);
    Path large = repository(dir.resolve("large"), big);
    long smallNanos = median(small);
    long largeNanos = median(large);
    System.out.printf("plan of a one-step release (sandbox included), median of %d: %,d commits %.2f ms; %,d commits %.2f ms%n", ROUNDS, 10,
        smallNanos / 1e6, big, largeNanos / 1e6);
    System.out.printf("ratio large/small = %.2f (aim: under 2)%n", (double) largeNanos / smallNanos);
  }

  private static long median(Path repo) {
    // The generated history has no project shape to find conventions from: name them.
    Release release = Release.of("1.0.0").conventions(Conventions.semver().withMainBranch("master")).in(repo)
        .then(new ReadsTheSandbox());
    for (int i = 0; i < 5; i++) {
      plan(release);
    }
    long[] times = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      plan(release);
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[ROUNDS / 2];
  }

  private static void plan(Release release) {
    Plan plan = release.plan();
    if (!plan.isNoOp()) {
      throw new IllegalStateException("the benchmark's step should find nothing to do: " + plan);
    }
  }

  /** The one step: it reads its work tree, which in a plan is the sandbox's clone, and finds nothing to do. */
  private static final class ReadsTheSandbox implements Step {
    @Override
    public String description() {
      return "read the sandbox's work tree";
    }

    @Override
    public StepResult apply(StepContext context) {
      return StepResult.alreadyDone("clean: " + context.workspace().isClean());
    }
  }

  /** A clone of a bare origin holding {@code commits} linear commits, each changing one file, plus a branch. */
  private static Path repository(Path dir, int commits) throws IOException, InterruptedException {
    return Repositories.cloneOfLinear(dir, commits, i -> new Repositories.Generated("Bench", "bench@example.com",
        "commit " + (i + 1) + "\n", "file" + (i + 1) % 100 + ".txt", "line " + (i + 1) + "\n"), Map.of(),
        List.of("dev"));
  }
}
