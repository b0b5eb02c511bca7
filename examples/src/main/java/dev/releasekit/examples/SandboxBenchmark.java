package dev.releasekit.examples;

import dev.releasekit.git.Workspace;
import dev.releasekit.internal.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the cost of a plan's sandbox grows with history: builds (with {@code git fast-import}) a repository of 10
 * commits and one of 100,000, creates the sandbox on each many times, and prints the median times and their
 * ratio. The sandbox borrows the object database through alternates, so the ratio should stay near 1.
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
    System.out.printf("sandbox creation, median of %d: %,d commits %.2f ms; %,d commits %.2f ms%n", ROUNDS, 10,
        smallNanos / 1e6, big, largeNanos / 1e6);
    System.out.printf("ratio large/small = %.2f (aim: under 2)%n", (double) largeNanos / smallNanos);
  }

  private static long median(Path repo) {
    try (dev.releasekit.git.internal.JGitWorkspace workspace = dev.releasekit.git.internal.JGitWorkspace.open(repo, null)) {
      workspace.fetch();
      Map<String, String> refs = workspace.remoteRefs();
      for (int i = 0; i < 5; i++) {
        Sandbox.of(workspace, refs).close();
      }
      long[] times = new long[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        long start = System.nanoTime();
        Sandbox sandbox = Sandbox.of(workspace, refs);
        times[i] = System.nanoTime() - start;
        sandbox.close();
      }
      Arrays.sort(times);
      return times[ROUNDS / 2];
    }
  }

  /** A clone of a bare origin holding {@code commits} linear commits, each changing one file, plus a branch. */
  private static Path repository(Path dir, int commits) throws IOException, InterruptedException {
    return Repositories.cloneOfLinear(dir, commits, i -> new Repositories.Generated("Bench", "bench@example.com",
        "commit " + (i + 1) + "\n", "file" + (i + 1) % 100 + ".txt", "line " + (i + 1) + "\n"), Map.of(),
        List.of("dev"));
  }
}
