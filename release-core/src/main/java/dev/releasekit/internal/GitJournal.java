package dev.releasekit.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.releasekit.PushRefusedException;
import dev.releasekit.ReleaseException;
import dev.releasekit.git.internal.Identities;
import dev.releasekit.git.internal.Merges;
import dev.releasekit.git.internal.Trees;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.spi.Journal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import okio.Buffer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The journal as JSON lines in {@code <git dir>/releasekit/<version>.jsonl} and, so a fresh CI clone sees it, as a
 * commit holding {@code journal.jsonl} on origin's {@code refs/releasekit/<version>}. Each flush is a fast-forward
 * push: the journal is history, never rewritten.
 *
 * <p>A plan's journal ({@link #rehearsal}) lives in its sandbox, and records in memory only: nothing is there to
 * recover after a crash. It pushes once, at its first flush, which is where the run's first push would meet a
 * lock on origin's journal ref (the sandbox holds copies of origin's locks); the sandbox origin is the plan's
 * alone, so a later push could meet nothing that one did not, and each would cost a commit of three new objects.
 */
public final class GitJournal implements Journal {
  private static final String FILE = "journal.jsonl";

  private final JGitWorkspace workspace;
  private final Repository repo;
  private final String ref;
  private final Path file;
  private final String runId;
  private final Clock clock;
  private final List<String> lines = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private final boolean rehearsal;
  private ObjectId remoteTip;
  private boolean dirty;
  private boolean pushedOnce;

  public GitJournal(JGitWorkspace workspace, String version, String runId, Clock clock) {
    this(workspace, version, runId, clock, false);
  }

  /** The journal of a plan's sandbox {@code workspace}, which pushes only its first flush (see above). */
  public static GitJournal rehearsal(JGitWorkspace workspace, String version, String runId, Clock clock) {
    return new GitJournal(workspace, version, runId, clock, true);
  }

  private GitJournal(JGitWorkspace workspace, String version, String runId, Clock clock, boolean rehearsal) {
    this.rehearsal = rehearsal;
    this.workspace = workspace;
    this.repo = workspace.repository();
    this.ref = "refs/releasekit/" + version;
    this.file = workspace.gitDirectory().resolve("releasekit").resolve(version + ".jsonl");
    this.runId = runId;
    this.clock = clock;
    load();
  }

  private void load() {
    try {
      String remote = workspace.remoteRefs().get(ref);
      remoteTip = remote == null ? null : ObjectId.fromString(remote);
      // Origin's copy first (a fresh CI clone has only that), then anything the local file recorded that never
      // reached origin, such as a command's intent written just before the process died.
      java.util.Set<String> seen = new java.util.HashSet<>();
      // Origin's copy is the base whatever the clone's own ref says: that ref lags when a run died between its
      // push and the local update, and the fetch cannot move it while that run's lock is left in the clone.
      if (remoteTip != null) {
        if (!repo.getObjectDatabase().has(remoteTip)) {
          throw new ReleaseException("The clone lacks origin's journal commit " + remoteTip.name() + " of " + ref
              + " (the fetch could not bring it). Run git fetch origin '+" + ref + ":" + ref + "' (remove "
              + ref + ".lock in the clone's git folder first if git names it), then run again.");
        }
        readBlob(remoteTip).lines().filter(l -> !l.isBlank() && seen.add(l)).forEach(this::accept);
      }
      if (Files.exists(file)) {
        List<String> pending = Files.readString(file, StandardCharsets.UTF_8).lines()
            .filter(l -> !l.isBlank() && seen.add(l)).toList();
        pending.forEach(this::accept);
        dirty = !pending.isEmpty() && remoteTip != null;
      }
    } catch (IOException e) {
      throw new ReleaseException("Cannot read the releasekit journal: " + e.getMessage() + ". The journal is releasekit's record on origin (refs/releasekit/); check that the repository and origin are writable, then run again.", e);
    }
  }

  private String readBlob(ObjectId commit) throws IOException {
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
        TreeWalk tree = TreeWalk.forPath(reader, FILE, walk.parseCommit(commit).getTree())) {
      return tree == null ? "" : new String(reader.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
    }
  }

  private void accept(String line) {
    lines.add(line);
    entries.add(parse(line));
  }

  private static Entry parse(String line) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(line))) {
      Object value = reader.readJsonValue();
      if (value instanceof Map<?, ?> map && map.get("key") instanceof String key) {
        Instant time;
        try {
          time = map.get("time") instanceof String text ? Instant.parse(text) : Instant.EPOCH;
        } catch (DateTimeParseException e) {
          time = Instant.EPOCH;
        }
        return new Entry(key, text(map.get("state")), text(map.get("detail")), time, text(map.get("run")));
      }
    } catch (IOException | RuntimeException e) {
      // A line this version cannot read (hand-edited, or from a later version) stands for nothing.
    }
    return new Entry("", "", line, Instant.EPOCH, "");
  }

  private static String text(Object value) {
    return value instanceof String text ? text : "";
  }

  @Override
  public synchronized Optional<Entry> latest(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).key().equals(key)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized List<Entry> entries() {
    return entries.stream().filter(e -> !e.key().isEmpty()).toList();
  }

  @Override
  public synchronized void record(String key, String state, String detail) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("time").value(clock.instant().toString());
      json.name("run").value(runId);
      json.name("key").value(key);
      json.name("state").value(state);
      json.name("detail").value(detail);
      json.endObject();
    } catch (IOException e) {
      throw new ReleaseException("Cannot write a journal entry: " + e.getMessage() + ". The journal is releasekit's record on origin (refs/releasekit/); check that the repository and origin are writable, then run again.", e);
    }
    String line = buffer.readUtf8();
    accept(line);
    dirty = true;
    if (rehearsal) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new ReleaseException("Cannot append to the journal " + file + ": " + e.getMessage() + ". The journal is releasekit's record on origin (refs/releasekit/); check that the repository and origin are writable, then run again.", e);
    }
  }

  /** Whether lines recorded in the clone have not reached origin yet (a run died before pushing them). */
  public synchronized boolean pending() {
    return dirty;
  }

  /** The stored lines, oldest first, as they are on origin. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Pushes the entries recorded since the last flush to origin, as one fast-forward commit. The journal is
   * append-only: when another run appended meanwhile (origin refuses the push), its lines are taken as they are
   * and this run's new lines go after them, and the push is made again. A journal push therefore never fails a
   * step that is done.
   */
  public synchronized void flush() {
    if (!dirty) {
      return;
    }
    if (rehearsal && pushedOnce) {
      dirty = false;
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ObjectId tree = Trees.write(repo, null, Map.of(FILE, content));
        PersonIdent me = Identities.committer(repo);
        ObjectId commit = Merges.commit(repo, tree, remoteTip == null ? List.of() : List.of(remoteTip),
            "releasekit journal (run " + runId + ")\n", me, me);
        workspace.push(commit, ref, remoteTip == null ? ObjectId.zeroId() : remoteTip);
        var update = repo.updateRef(ref);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        update.update();
        remoteTip = commit;
        dirty = false;
        pushedOnce = true;
        return;
      } catch (PushRefusedException e) {
        if (e.reason() != PushRefusedException.Reason.NON_FAST_FORWARD || attempt == 5) {
          throw e;
        }
        try {
          appendAfterOrigin();
        } catch (IOException read) {
          throw new ReleaseException("Cannot read origin's journal to append to it: " + read.getMessage()
              + ". Fetch and run again.", read);
        }
      } catch (IOException e) {
        throw new ReleaseException("Cannot push the journal to origin: " + e.getMessage() + ". The journal is releasekit's record on origin (refs/releasekit/); check that the repository and origin are writable, then run again.", e);
      }
    }
  }

  /** Origin's journal, then this run's lines that it lacks, in their order. */
  private void appendAfterOrigin() throws IOException {
    Optional<ObjectId> theirs = workspace.fetchDetached(ref);
    List<String> merged = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    if (theirs.isPresent()) {
      readBlob(theirs.get()).lines().filter(l -> !l.isBlank() && seen.add(l)).forEach(merged::add);
    }
    lines.stream().filter(seen::add).forEach(merged::add);
    lines.clear();
    entries.clear();
    merged.forEach(this::accept);
    remoteTip = theirs.orElse(null);
  }
}
