package dev.releasekit.examples;

import dev.releasekit.git.Workspace;
import dev.releasekit.notes.CommitLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PostHog's {@code git log --pretty=format:"%s %ae" old..head > log.txt} against releasekit's
 * {@code CommitLog.of(workspace.gitLog(old, head)).text()}, side by side in one run, on two generated histories
 * of 100,000 commits each (made with {@code git fast-import}, then cloned):
 * <ul>
 *   <li><b>linear</b>: one commit per second, one author per commit from a pool of 300;
 *   <li><b>traits</b>: what makes git's order differ from a sort by time: committer times shared by three commits
 *       in a row, a side branch every 25 commits that is an hour newer than the line it merges into (so merge
 *       parents are out of date order), every 50th commit two hours older than its parent (clock skew), subjects
 *       with trailing spaces and two-line first paragraphs, and non-ASCII names and emails.
 * </ul>
 * Before timing it checks that both print the same bytes. Then, alternating rounds, it times in-process with
 * {@link System#nanoTime()} {@code Workspace.open} + {@code gitLog} + {@code text()}, and the git command as a
 * process whose output is read to the end (so its start-up is included, as it is for whoever runs it). It prints
 * the medians and their ratio (aim: 1.0 or less).
 *
 * <pre>{@code
 * mvn -q -DskipTests install
 * mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.CommitLogBenchmark [-Dexec.args=100000]
 * }</pre>
 */
public final class CommitLogBenchmark {
  private static final int COMMITS = 100_000;
  private static final int WARMUP = 5;
  private static final int ROUNDS = 11;
  private static final String FROM = "start";
  private static final String TO = "master";
  private static final long EPOCH = 1_500_000_000L;

  private CommitLogBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : COMMITS;
    Path dir = Files.createTempDirectory("releasekit-log-bench-");
    try {
      Path linear = Repositories.cloneOfLinear(dir.resolve("linear"), commits, CommitLogBenchmark::linear,
          Map.of(FROM, 0), List.of());
      Path traits = Repositories.cloneOfGraph(dir.resolve("traits"), commits, CommitLogBenchmark::traits,
          Map.of(FROM, 0), List.of());
      System.out.printf("git log --pretty=format:\"%%s %%ae\" %s..%s, median of %d rounds after %d warm-up rounds,"
          + " in ms (process start included for git; Workspace.open included for releasekit)%n", FROM, TO, ROUNDS,
          WARMUP);
      measure("linear", linear);
      measure("traits", traits);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void measure(String name, Path clone) throws IOException, InterruptedException {
    byte[] theirs = Repositories.run(clone, "git", "log", "--pretty=format:%s %ae", FROM + ".." + TO);
    byte[] ours = releasekit(clone);
    if (!Arrays.equals(ours, theirs)) {
      throw new IllegalStateException(name + ": releasekit's log differs from git's (" + ours.length + " and "
          + theirs.length + " bytes)");
    }
    int lines = countLines(theirs);
    long[] kit = new long[ROUNDS];
    long[] cli = new long[ROUNDS];
    long keep = 0;
    // Rounds alternate between the tools so that noise on a shared machine falls on both alike.
    for (int round = -WARMUP; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      keep += releasekit(clone).length;
      long t1 = System.nanoTime();
      keep += Repositories.run(clone, "git", "log", "--pretty=format:%s %ae", FROM + ".." + TO).length;
      long t2 = System.nanoTime();
      if (round >= 0) {
        kit[round] = t1 - t0;
        cli[round] = t2 - t1;
      }
    }
    if (keep == 0) {
      throw new IllegalStateException("nothing was read");
    }
    double ms = Repositories.medianMillis(kit);
    double gitMs = Repositories.medianMillis(cli);
    System.out.printf("  %-7s %,d lines, %,d bytes, identical: releasekit %8.2f  git %8.2f  ratio %.2f (aim: 1.0"
        + " or less)%n", name, lines, theirs.length, ms, gitMs, ms / gitMs);
  }

  private static byte[] releasekit(Path clone) {
    try (Workspace workspace = Workspace.open(clone)) {
      return CommitLog.of(workspace.gitLog(FROM, TO)).text().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static Repositories.Generated linear(int i) {
    int author = i % 300;
    String email = author % 3 == 0 ? (4000 + author) + "+dev" + author + "@users.noreply.github.com"
        : "dev" + author + "@example.com";
    return new Repositories.Generated("Developer " + author, email, "Fix thing " + i + " (#" + i + ")\n\nBody "
        + i + ".\n", "src/file" + i % 100 + ".txt", "line " + i + "\n");
  }

  /** Blocks of 25: a line of 19 commits, a side branch of 5 forked at the 6th, and the merge of both. */
  private static Repositories.Node traits(int i) {
    int block = i / 25 * 25;
    int position = i % 25;
    int[] parents;
    if (i == 0) {
      parents = new int[0];
    } else if (position == 0) {
      parents = new int[] {i - 1};
    } else if (position == 19) {
      parents = new int[] {block + 5};
    } else if (position == 24) {
      parents = new int[] {block + 18, block + 23};
    } else {
      parents = new int[] {i - 1};
    }
    long time = EPOCH + i / 3 * 60L;
    if (position >= 19 && position <= 23) {
      time += 3_600;
    } else if (i % 50 == 7) {
      time -= 7_200;
    }
    int author = i % 7;
    String name = switch (author) {
      case 0 -> "Zoë Çelik";
      case 1 -> "Jürgen Groß";
      case 2 -> "山田太郎";
      default -> "Developer " + author;
    };
    String email = switch (author) {
      case 0 -> "zoë@exämple.org";
      case 1 -> (4000 + author) + "+jürgen@users.noreply.github.com";
      default -> "dev" + author + "@example.com";
    };
    String subject = switch (i % 4) {
      case 0 -> "Fix thing " + i + " (#" + i + ")   ";
      case 1 -> "Fix thing " + i + "\nacross two lines (#" + i + ")\t";
      case 2 -> position == 24 ? "Merge pull request #" + i + " from owner/branch-" + i : "Naïve café fix " + i;
      default -> "Fix thing " + i + " (#" + i + ")";
    };
    return new Repositories.Node(new Repositories.Generated(name, email, subject + "\n\nBody " + i + ".\n",
        "src/file" + i % 100 + ".txt", "line " + i + "\n"), parents, time);
  }

  private static int countLines(byte[] out) {
    int lines = out.length == 0 ? 0 : 1;
    for (byte b : out) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
