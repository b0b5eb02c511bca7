package dev.releasekit.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Builds large repositories for the benchmarks with {@code git fast-import}: a bare origin with a linear
 * {@code master}, plus a clone of it (with tags), which is what a release runs in.
 *
 * <pre>{@code
 * Path clone = Repositories.cloneOfLinear(dir, 10_000,
 *     i -> new Repositories.Generated("Dev", "dev@example.com", "commit " + i + "\n", "file.txt", i + "\n"),
 *     Map.of("1.0.0", 0), List.of("dev"));
 * }</pre>
 */
final class Repositories {
  private Repositories() {
  }

  /** One generated commit: its author, its whole message, and the one file it writes. */
  record Generated(String authorName, String authorEmail, String message, String path, String content) {
  }

  /**
   * One commit of a generated graph: what it says, the indexes of its parents (earlier commits; none for a root)
   * and its committer time in seconds, which may equal or precede a parent's.
   */
  record Node(Generated commit, int[] parents, long committerTime) {
  }

  /**
   * A clone of a bare origin holding {@code commits} linear commits on {@code master}, commit {@code i} (from 0)
   * being {@code commit.apply(i)}; {@code annotatedTags} maps a tag name to the index of the commit it tags, and
   * every name in {@code branches} is a branch at the tip.
   */
  static Path cloneOfLinear(Path dir, int commits, IntFunction<Generated> commit, Map<String, Integer> annotatedTags,
      List<String> branches) throws IOException, InterruptedException {
    return cloneOfGraph(dir, commits, i -> new Node(commit.apply(i), i == 0 ? new int[0] : new int[] {i - 1},
        1_500_000_000L + i), annotatedTags, branches);
  }

  /**
   * Like {@link #cloneOfLinear}, for any graph: {@code master} ends at the last commit, and commit {@code i} is
   * {@code node.apply(i)}, whose parents must come before it.
   */
  static Path cloneOfGraph(Path dir, int commits, IntFunction<Node> node, Map<String, Integer> annotatedTags,
      List<String> branches) throws IOException, InterruptedException {
    Path origin = dir.resolve("origin.git");
    run(dir, "git", "init", "-q", "--bare", "-b", "master", origin.toString());
    Process importer = new ProcessBuilder("git", "fast-import", "--quiet").directory(origin.toFile())
        .redirectErrorStream(true).start();
    try (OutputStream in = importer.getOutputStream()) {
      StringBuilder batch = new StringBuilder();
      for (int i = 0; i < commits; i++) {
        Node n = node.apply(i);
        Generated c = n.commit();
        if (n.parents().length == 0) {
          batch.append("reset refs/heads/master\n");
        }
        batch.append("commit refs/heads/master\nmark :").append(i + 1).append('\n')
            .append("author ").append(c.authorName()).append(" <").append(c.authorEmail()).append("> ")
            .append(n.committerTime()).append(" +0000\n")
            .append("committer Bench <bench@example.com> ").append(n.committerTime()).append(" +0000\n");
        data(batch, c.message());
        for (int p = 0; p < n.parents().length; p++) {
          batch.append(p == 0 ? "from :" : "merge :").append(n.parents()[p] + 1).append('\n');
        }
        batch.append("M 644 inline ").append(c.path()).append('\n');
        data(batch, c.content());
        batch.append('\n');
        if (batch.length() > 1 << 20) {
          in.write(batch.toString().getBytes(StandardCharsets.UTF_8));
          batch.setLength(0);
        }
      }
      batch.append("reset refs/heads/master\nfrom :").append(commits).append("\n\n");
      for (Map.Entry<String, Integer> tag : annotatedTags.entrySet()) {
        batch.append("tag ").append(tag.getKey()).append("\nfrom :").append(tag.getValue() + 1).append('\n')
            .append("tagger Bench <bench@example.com> ").append(1_500_000_000L + tag.getValue()).append(" +0000\n");
        data(batch, "Release " + tag.getKey() + "\n");
      }
      for (String branch : branches) {
        batch.append("reset refs/heads/").append(branch).append("\nfrom refs/heads/master\n\n");
      }
      in.write(batch.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] output = importer.getInputStream().readAllBytes();
    if (importer.waitFor() != 0) {
      throw new IOException("git fast-import failed: " + new String(output, StandardCharsets.UTF_8));
    }
    Path clone = dir.resolve("work");
    run(dir, "git", "clone", "-q", origin.toString(), clone.toString());
    return clone;
  }

  /** fast-import's {@code data} counts bytes, not characters. */
  private static void data(StringBuilder batch, String text) {
    batch.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text)
        .append('\n');
  }

  /** Runs a command in {@code dir} and returns its output (standard error included); fails on a non-zero exit. */
  static byte[] run(Path dir, String... command) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
    return output;
  }

  /** The median of timings in nanoseconds, in milliseconds. */
  static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
