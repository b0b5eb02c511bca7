package dev.releasekit.examples;

import dev.releasekit.git.Commit;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.CommitLog;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Release-note data collection over 10,000 commits between two tags, next to
 * {@code git log --pretty=format:"%s %ae" 0.56.0..0.57.0} on the same clone. It builds (with
 * {@code git fast-import}) a repository whose commit 0 is tagged {@code 0.56.0} and whose 10,000 later commits,
 * {@code Fix thing N (#N)} by a mix of plain and {@code ID+login@users.noreply.github.com} authors, end at
 * {@code 0.57.0}, and clones it. Then, alternating, it times in-process with {@link System#nanoTime()}
 * {@code Workspace.open} + {@code log("0.56.0", "0.57.0")} + {@code ReleaseNotes.builder()...build()}, and the git
 * command as a process with its output read to the end. It prints the medians and their ratio (aim: 1.5 or less).
 *
 * <pre>{@code
 * mvn -q -DskipTests install
 * mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.NotesBenchmark
 * }</pre>
 *
 * <p>The pull requests are a map built from the generated data before timing starts: no hosting is asked, so
 * the releasekit time is git reading plus collection. Each releasekit round opens the repository afresh, as each
 * git process does; {@code git --version} is timed too, to show what starting a git process costs.
 */
public final class NotesBenchmark {
  private static final int COMMITS = 10_000;
  private static final int WARMUP = 10;
  private static final int ROUNDS = 21;
  private static final String FROM = "0.56.0";
  private static final String TO = "0.57.0";

  private NotesBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : COMMITS;
    Path dir = Files.createTempDirectory("releasekit-notes-bench-");
    try {
      run(dir, commits);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void run(Path dir, int commits) throws IOException, InterruptedException {
    Path clone = Repositories.cloneOfLinear(dir, commits + 1, NotesBenchmark::commit,
        Map.of(FROM, 0, TO, commits), List.of());
    Map<Integer, PullRequest> pullRequests = pullRequests(commits);

    // Both tools must see the same commits, in opposite orders: git prints newest first.
    List<Commit> log;
    try (Workspace workspace = Workspace.open(clone)) {
      log = workspace.log(FROM, TO);
    }
    List<String> ours = new ArrayList<>(CommitLog.of(log).lines());
    Collections.reverse(ours);
    List<String> theirs = gitLogLines(clone);
    if (log.size() != commits || !ours.equals(theirs)) {
      throw new IllegalStateException("releasekit listed " + log.size() + " commits and git " + theirs.size()
          + " (expected " + commits + ")" + (log.size() == theirs.size() ? ", with different lines" : ""));
    }
    ReleaseNotes once = collect(log, pullRequests);
    if (once.entries().size() + once.dropped().size() != commits) {
      throw new IllegalStateException("the notes account for " + (once.entries().size() + once.dropped().size())
          + " of " + commits + " commits");
    }

    long[] open = new long[ROUNDS];
    long[] logOnly = new long[ROUNDS];
    long[] logAndCollect = new long[ROUNDS];
    long[] git = new long[ROUNDS];
    long[] gitVersion = new long[ROUNDS];
    long keep = 0;
    // Rounds alternate between the tools so that noise on a shared machine falls on both alike.
    for (int round = -WARMUP; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      long t1;
      long t2;
      long t3;
      try (Workspace workspace = Workspace.open(clone)) {
        t1 = System.nanoTime();
        List<Commit> listed = workspace.log(FROM, TO);
        t2 = System.nanoTime();
        ReleaseNotes notes = collect(listed, pullRequests);
        t3 = System.nanoTime();
        keep += notes.entries().size() + listed.size();
      }
      long t4 = System.nanoTime();
      keep += gitLog(clone);
      long t5 = System.nanoTime();
      keep += Repositories.run(clone, "git", "--version").length;
      long t6 = System.nanoTime();
      if (round >= 0) {
        open[round] = t1 - t0;
        logOnly[round] = t2 - t0;
        logAndCollect[round] = t3 - t0;
        git[round] = t5 - t4;
        gitVersion[round] = t6 - t5;
      }
    }
    if (keep == 0) {
      throw new IllegalStateException("nothing was read");
    }

    double gitMs = Repositories.medianMillis(git);
    System.out.printf("%,d commits in %s..%s: releasekit %,d, git %,d (equal, same lines); notes: %s%n", commits,
        FROM, TO, log.size(), theirs.size(), once);
    System.out.println("pull requests: a Map<Integer, PullRequest> of " + pullRequests.size() + " built before"
        + " timing from the generated data (no hosting involved)");
    System.out.printf("median of %d rounds after %d warm-up rounds, in ms:%n", ROUNDS, WARMUP);
    double openMs = Repositories.medianMillis(open);
    double logMs = Repositories.medianMillis(logOnly);
    double collectMs = Repositories.medianMillis(logAndCollect);
    System.out.printf("  releasekit Workspace.open                      %8.2f%n", openMs);
    System.out.printf("  releasekit open + log                          %8.2f%n", logMs);
    System.out.printf("  releasekit open + log + notes collection       %8.2f%n", collectMs);
    System.out.printf("  git log --pretty=format:\"%%s %%ae\" %s..%s  %8.2f (process start included)%n", FROM, TO,
        gitMs);
    System.out.printf("  git --version (process start alone)            %8.2f%n", Repositories.medianMillis(gitVersion));
    System.out.printf("ratio releasekit (log + collect) / git = %.2f (aim: 1.5 or less)%n",
        collectMs / gitMs);
    System.out.printf("ratio releasekit (log only) / git      = %.2f%n", logMs / gitMs);
  }

  /** Commit 0 is the release before; then "Fix thing N (#N)" by 300 authors, a third with noreply emails. */
  private static Repositories.Generated commit(int i) {
    if (i == 0) {
      return new Repositories.Generated("Bench", "bench@example.com", "Initial commit\n", "README.md", "bench\n");
    }
    int author = i % 300;
    String email = switch (author % 3) {
      case 0 -> (4000 + author) + "+dev" + author + "@users.noreply.github.com";
      case 1 -> "dev" + author + "@example.com";
      default -> "person." + author + "@company.org";
    };
    String subject = (i % 500 == 0 ? "Update translations" : "Fix thing " + i + " (#" + i + ")");
    return new Repositories.Generated("Developer " + author, email, subject + "\n\nChanged line " + i + ".\n",
        "src/file" + i % 100 + ".txt", "line " + i + "\n");
  }

  /**
   * The pull requests the hosting would return: most merged into 0.57, with a few of each kind the collection
   * drops (milestoned 0.56, reverted, and numbers that are issues, so absent).
   */
  private static Map<Integer, PullRequest> pullRequests(int commits) {
    Map<Integer, PullRequest> pullRequests = new HashMap<>();
    for (int n = 1; n <= commits; n++) {
      if (n % 250 == 0) {
        continue;
      }
      List<String> labels = n % 97 == 0 ? List.of("reverted") : n % 40 == 0 ? List.of("new-platform")
          : n % 7 == 0 ? List.of("integration: sensor") : List.of();
      Optional<String> milestone = n % 199 == 0 ? Optional.of("0.56") : n % 2 == 0 ? Optional.of("0.57")
          : Optional.empty();
      String login = n % 5 == 0 ? null : "dev" + n % 300;
      pullRequests.put(n, new PullRequest(n, "Fix thing " + n, "", "fix-" + n, "dev", PullRequest.State.MERGED,
          login, labels, milestone, Optional.empty(), Optional.empty(),
          "https://github.com/home-assistant/home-assistant/pull/" + n));
    }
    return pullRequests;
  }

  private static ReleaseNotes collect(List<Commit> log, Map<Integer, PullRequest> pullRequests) {
    return ReleaseNotes.builder().commits(log).pullRequests(pullRequests).version(Version.parse(TO))
        .milestone("0.57").build();
  }

  private static List<String> gitLogLines(Path clone) throws IOException, InterruptedException {
    String text = new String(Repositories.run(clone, "git", "log", "--pretty=format:%s %ae", FROM + ".." + TO),
        StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
  }

  /** The number of lines git printed (the format writes no newline after the last). */
  private static int gitLog(Path clone) throws IOException, InterruptedException {
    byte[] out = Repositories.run(clone, "git", "log", "--pretty=format:%s %ae", FROM + ".." + TO);
    int lines = out.length == 0 ? 0 : 1;
    for (byte b : out) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
