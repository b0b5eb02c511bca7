package dev.releasekit.testing;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okio.Buffer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What an origin and its LocalHosting hold, for comparing a run that was killed and run again with an
 * uninterrupted one, and the invariants a crash must never break: no lock left behind, tags that never move, and a
 * journal ({@code refs/releasekit/*}, read with the git CLI as the oracle) that only grows.
 */
public final class OriginState {
  private static final Pattern SHA = Pattern.compile("\\b[0-9a-f]{40}\\b");
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");
  /** LocalHosting's store lock: a file-lock target that is always there, not a lock left by a dead process. */
  private static final String LEASES = "refs/releasekit-lease/";
  private static final String STORE_LOCK = "releasekit-hosting/.lock";

  private OriginState() {
  }

  /** {@code text} with commit ids, instants and the sandbox's folder replaced by placeholders. */
  public static String mask(String text, Path sandbox) {
    String out = text.replace(sandbox.toAbsolutePath().toUri().toString(), "<sandbox>/")
        .replace(sandbox.toAbsolutePath().toString(), "<sandbox>");
    out = SHA.matcher(out).replaceAll("<sha>");
    return INSTANT.matcher(out).replaceAll("<time>");
  }

  /**
   * Origin's branches and tags by content: for each ref (the journal's and the lease's excepted: each run adds to
   * them by design, so a killed run's are its own; {@link #leaseProblems} and {@link #journalProblems} judge them), what its tip is and every commit
   * it reaches as tree, parent count and message (ids and times masked), sorted; an annotated tag by its message.
   */
  public static String content(Path origin, Path sandbox) {
    try (Repository repo = open(origin)) {
      StringBuilder out = new StringBuilder();
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        String name = ref.getName();
        if (name.startsWith("refs/releasekit/") || name.startsWith(LEASES) || name.equals(Constants.HEAD)) {
          continue;
        }
        try (RevWalk walk = new RevWalk(repo)) {
          RevObject object = walk.parseAny(ref.getObjectId());
          String tag = "";
          while (object instanceof RevTag annotated) {
            tag += " tag(" + annotated.getTagName() + ": " + mask(annotated.getFullMessage(), sandbox).strip() + ")";
            object = walk.parseAny(annotated.getObject());
          }
          RevCommit tip = walk.parseCommit(object);
          walk.markStart(tip);
          List<String> commits = new ArrayList<>();
          for (RevCommit commit : walk) {
            commits.add(describe(commit, sandbox));
          }
          commits.sort(null);
          out.append(name).append(tag).append(" commits=").append(commits.size()).append(" tip=")
              .append(describe(tip, sandbox)).append('\n');
          commits.forEach(c -> out.append("    ").append(c).append('\n'));
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(RevCommit commit, Path sandbox) {
    return commit.getTree().name().substring(0, 12) + " p" + commit.getParentCount() + " "
        + mask(commit.getFullMessage(), sandbox).strip().replace("\n", "\\n");
  }

  /**
   * LocalHosting's whole store (pull requests, issues, labels, milestones, releases) and the posts of the
   * repository's {@link FileAnnouncer} channel, ids and times masked.
   */
  public static String hosting(Path origin, Path sandbox) {
    Path store = origin.resolve("releasekit-hosting").resolve("hosting.json");
    Path posts = FileAnnouncer.channelOf(origin);
    try {
      return (Files.exists(store) ? mask(Files.readString(store, StandardCharsets.UTF_8), sandbox) : "(no store)")
          + "\nposts:\n" + (Files.exists(posts) ? Files.readAllLines(posts, StandardCharsets.UTF_8).stream()
              .map(l -> "  " + l.substring(l.indexOf('\t') + 1) + "\n").reduce("", String::concat) : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each lease on origin that no run released or let expire: after a flow ends, none may still be held. */
  public static List<String> leaseProblems(Path origin) {
    List<String> problems = new ArrayList<>();
    for (String ref : git(origin, null, "for-each-ref", "--format=%(refname)", LEASES).lines().toList()) {
      String message = git(origin, null, "log", "-1", "--format=%B", ref);
      if (!message.contains("state: released")) {
        problems.add(ref + " is still held after the flow ended: " + message.lines().findFirst().orElse(""));
      }
    }
    return problems;
  }

  /** Origin's tags and the objects they name. */
  public static Map<String, String> tags(Path origin) {
    try (Repository repo = open(origin)) {
      Map<String, String> tags = new TreeMap<>();
      for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        tags.put(ref.getName(), ref.getObjectId().name());
      }
      return tags;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code *.lock} in origin's folder (LocalHosting's store lock excepted), and any pack {@code .keep}. */
  public static List<String> lockFiles(Path origin) {
    try (Stream<Path> files = Files.walk(origin)) {
      // A receive's .keep pins its pack until the refs are updated; left by a dead run, it is a lock too.
      return files.filter(p -> p.getFileName().toString().endsWith(".lock")
              || p.getFileName().toString().endsWith(".keep") && p.getParent().endsWith("objects/pack"))
          .map(p -> origin.relativize(p).toString()).filter(p -> !p.equals(STORE_LOCK)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What is wrong with origin's journals, read with the git CLI: each {@code refs/releasekit/*} ref's
   * {@code journal.jsonl} must only grow (every commit's content extends one parent's as a prefix and keeps every
   * line of each parent), hold well-formed entries, never the same line twice, and every run's entries after that
   * run's {@code run:<id>} entry. Empty when all is well.
   */
  public static List<String> journalProblems(Path origin) {
    List<String> problems = new ArrayList<>();
    for (String ref : git(origin, null, "for-each-ref", "--format=%(refname)", "refs/releasekit/").lines()
        .toList()) {
      String tip = git(origin, null, "show", ref + ":journal.jsonl");
      Map<String, List<String>> parents = new LinkedHashMap<>();
      for (String line : git(origin, null, "rev-list", "--parents", ref).lines().toList()) {
        String[] ids = line.split(" ");
        parents.put(ids[0], List.of(ids).subList(1, ids.length));
      }
      Map<String, String> contents = journals(origin, parents.keySet());
      for (Map.Entry<String, List<String>> commit : parents.entrySet()) {
        String content = contents.get(commit.getKey());
        boolean prefix = commit.getValue().isEmpty();
        for (String parent : commit.getValue()) {
          String before = contents.get(parent);
          prefix |= content.startsWith(before);
          Set<String> lines = new HashSet<>(content.lines().toList());
          if (!lines.containsAll(before.lines().toList())) {
            problems.add(ref + ": journal commit " + abbrev(commit.getKey()) + " dropped lines of its parent "
                + abbrev(parent));
          }
        }
        if (!prefix) {
          problems.add(ref + ": journal commit " + abbrev(commit.getKey()) + " does not extend any parent");
        }
      }
      problems.addAll(entryProblems(ref, tip));
    }
    return problems;
  }

  private static List<String> entryProblems(String ref, String journal) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> runs = new HashSet<>();
    for (String line : journal.lines().filter(l -> !l.isBlank()).toList()) {
      if (!seen.add(line)) {
        problems.add(ref + ": the same entry twice: " + line);
      }
      Map<?, ?> entry;
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(line))) {
        entry = reader.readJsonValue() instanceof Map<?, ?> map ? map : null;
      } catch (IOException | RuntimeException e) {
        entry = null;
      }
      if (entry == null || !(entry.get("key") instanceof String key) || !(entry.get("run") instanceof String run)
          || !(entry.get("state") instanceof String)) {
        problems.add(ref + ": not a journal entry: " + line);
        continue;
      }
      if (key.startsWith("run:")) {
        runs.add(run);
      } else if (key.startsWith("step:") && !runs.contains(run)) {
        problems.add(ref + ": an entry of run " + run + " before that run's run: entry: " + line);
      }
    }
    return problems;
  }

  /** The lines of origin's journal {@code ref} (empty when there is none). */
  public static List<String> journalLines(Path origin, String ref) {
    String refs = git(origin, null, "for-each-ref", "--format=%(refname)", ref);
    return refs.isBlank() ? List.of() : git(origin, null, "show", ref + ":journal.jsonl").lines().toList();
  }

  private static Map<String, String> journals(Path origin, Set<String> commits) {
    StringBuilder request = new StringBuilder();
    commits.forEach(c -> request.append(c).append(":journal.jsonl\n"));
    byte[] out = gitBytes(origin, request.toString(), "cat-file", "--batch");
    Map<String, String> contents = new LinkedHashMap<>();
    int at = 0;
    for (String commit : commits) {
      int eol = indexOf(out, (byte) '\n', at);
      String header = new String(out, at, eol - at, StandardCharsets.UTF_8);
      at = eol + 1;
      if (header.endsWith("missing")) {
        contents.put(commit, "");
        continue;
      }
      int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
      contents.put(commit, new String(out, at, size, StandardCharsets.UTF_8));
      at += size + 1;
    }
    return contents;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("truncated git cat-file output");
  }

  private static String abbrev(String id) {
    return id.substring(0, 7);
  }

  /** Runs the git CLI on {@code origin} and returns its output; a failure is an {@link IllegalStateException}. */
  public static String git(Path origin, String input, String... arguments) {
    return new String(gitBytes(origin, input, arguments), StandardCharsets.UTF_8);
  }

  private static byte[] gitBytes(Path origin, String input, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + origin));
    command.addAll(List.of(arguments));
    try {
      Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (input != null) {
        git.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      }
      git.getOutputStream().close();
      byte[] out;
      try (InputStream in = git.getInputStream(); ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
        in.transferTo(buffer);
        out = buffer.toByteArray();
      }
      int exit = git.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Repository open(Path origin) throws IOException {
    return new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build();
  }
}
