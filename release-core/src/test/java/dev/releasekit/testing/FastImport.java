package dev.releasekit.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a commit graph into a bare repository with {@code git fast-import}, exactly as given: parents in order,
 * author and committer lines as given (any timestamps, equal or going backwards), raw message bytes, an optional
 * {@code encoding} header. The git CLI then serves as the oracle for what releasekit reads back.
 *
 * <pre>{@code
 * FastImport history = new FastImport();
 * int root = history.commit(List.of(), 1_500_000_000L, "Ann", "ann@example.com", "Start\n");
 * int tip = history.commit(List.of(root), 1_500_000_000L, "Bob", "bob@example.com", "Fix  \n");
 * history.branch("main", tip);
 * Path repo = history.writeTo(temp.resolve("repo.git"));
 * String sha = history.id(tip);
 * }</pre>
 */
public final class FastImport {
  private record Node(List<Integer> parents, String author, long committerTime, byte[] message, String encoding) {
  }

  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Integer> branches = new LinkedHashMap<>();
  private final Map<Integer, String> ids = new HashMap<>();

  /** Adds a commit and returns its mark; authored and committed at {@code time}. */
  public int commit(List<Integer> parents, long time, String authorName, String authorEmail, String message) {
    return commit(parents, time, time, authorName + " <" + authorEmail + ">", message.getBytes(StandardCharsets.UTF_8),
        null);
  }

  /** Adds a commit with its author line ({@code Name <email>}), raw message bytes and an optional encoding. */
  public int commit(List<Integer> parents, long authorTime, long committerTime, String author, byte[] message,
      String encoding) {
    for (int parent : parents) {
      if (parent < 1 || parent > nodes.size()) {
        throw new IllegalArgumentException("unknown parent mark " + parent);
      }
    }
    nodes.add(new Node(List.copyOf(parents), author + " " + authorTime + " +0000", committerTime, message.clone(),
        encoding));
    return nodes.size();
  }

  public void branch(String name, int mark) {
    branches.put(name, mark);
  }

  public int size() {
    return nodes.size();
  }

  /** Runs {@code git fast-import} into a new bare repository at {@code dir}. */
  public Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      Git.run(dir, "git", "init", "-q", "--bare", dir.toString());
      Path marks = dir.resolve("fast-import.marks");
      Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--export-marks=" + marks)
          .directory(dir.toFile()).redirectErrorStream(true).start();
      try (OutputStream in = importer.getOutputStream()) {
        for (int i = 0; i < nodes.size(); i++) {
          Node node = nodes.get(i);
          StringBuilder head = new StringBuilder();
          if (node.parents().isEmpty()) {
            head.append("reset refs/heads/fast-import\n");
          }
          head.append("commit refs/heads/fast-import\nmark :").append(i + 1).append('\n')
              .append("author ").append(node.author()).append('\n')
              .append("committer Committer <committer@example.com> ").append(node.committerTime())
              .append(" +0000\n");
          if (node.encoding() != null) {
            head.append("encoding ").append(node.encoding()).append('\n');
          }
          head.append("data ").append(node.message().length).append('\n');
          in.write(head.toString().getBytes(StandardCharsets.UTF_8));
          in.write(node.message());
          StringBuilder tail = new StringBuilder("\n");
          for (int p = 0; p < node.parents().size(); p++) {
            tail.append(p == 0 ? "from :" : "merge :").append(node.parents().get(p)).append('\n');
          }
          tail.append('\n');
          in.write(tail.toString().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder refs = new StringBuilder();
        for (Map.Entry<String, Integer> branch : branches.entrySet()) {
          refs.append("reset refs/heads/").append(branch.getKey()).append("\nfrom :").append(branch.getValue())
              .append("\n\n");
        }
        in.write(refs.toString().getBytes(StandardCharsets.UTF_8));
      }
      byte[] output = importer.getInputStream().readAllBytes();
      if (importer.waitFor() != 0) {
        throw new IllegalStateException("git fast-import failed: " + new String(output, StandardCharsets.UTF_8));
      }
      for (String line : Files.readAllLines(marks)) {
        String[] parts = line.split(" ");
        ids.put(Integer.parseInt(parts[0].substring(1)), parts[1]);
      }
      Files.delete(marks);
      Git.run(dir, "git", "update-ref", "-d", "refs/heads/fast-import");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The commit id of a mark, once written. */
  public String id(int mark) {
    String id = ids.get(mark);
    if (id == null) {
      throw new IllegalStateException("mark " + mark + " is not written yet");
    }
    return id;
  }

  /** The git CLI, run with the test environment (surefire isolates the user's configuration). */
  public static final class Git {
    private Git() {
    }

    /** Runs a command and returns its standard output as bytes; fails on a non-zero exit. */
    public static byte[] run(Path dir, String... command) throws IOException, InterruptedException {
      return run(dir, new byte[0], command);
    }

    /** Runs a command with {@code stdin} as its input and returns its standard output as bytes. */
    public static byte[] run(Path dir, byte[] stdin, String... command) throws IOException, InterruptedException {
      // Errors go to the test's own output, so a failure shows git's message next to the exception.
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      }
      byte[] output = process.getInputStream().readAllBytes();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
            + process.exitValue());
      }
      return output;
    }

    /** {@code git args...} in {@code dir}, as a person would type it; returns its output, stripped. */
    public static String git(Path dir, String... args) {
      return gitWithInput(dir, "", args);
    }

    /** {@code git args...} in {@code dir} with {@code stdin}; returns its output, stripped. */
    public static String gitWithInput(Path dir, String stdin, String... args) {
      String[] command = new String[args.length + 5];
      command[0] = "git";
      command[1] = "-c";
      command[2] = "user.name=Someone Else";
      command[3] = "-c";
      command[4] = "user.email=someone@example.com";
      System.arraycopy(args, 0, command, 5, args.length);
      try {
        return new String(run(dir, stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8), command),
            java.nio.charset.StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
