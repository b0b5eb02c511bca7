package dev.releasekit.git.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The commits {@code git log from..to} prints, in its order, found the way git's {@code revision.c} finds them
 * ({@code prepare_revision_walk}, {@code limit_list}, {@code process_parents}, {@code still_interesting}), so that
 * ties in committer time, clock skew and merges come out exactly as git prints them. Not API.
 *
 * <p>The queue is git's date-ordered list: a commit is popped newest committer date first, and a parent is queued
 * after every queued commit with the same or a newer date (git's {@code commit_list_insert_by_date}). Buckets per
 * date, first in first out, keep that order with O(log n) inserts. A commit popped while still interesting is
 * listed; commits marked uninteresting later (reachable from {@code from} after all) are left out when the list is
 * read, as git's {@code get_commit_action} does. The walk stops like git's: once every queued commit is
 * uninteresting and five more uninteresting ones were popped ({@code SLOP}), so on a history with clock skew the
 * result is git's, even where git's stop lists a commit that {@code from} can reach.
 *
 * <p>Speed: each commit is read once, as raw bytes from an {@link ObjectReader}, and only its parent lines and
 * committer date are parsed here (git's {@code parse_commit_date}: the number after the first {@code >} of a
 * {@code committer} line that directly follows the {@code author} line, else 0). JGit's {@code RevWalk} is not
 * used: it would also look up every commit's tree, doubling the objects it keeps. The raw bytes stay with the
 * commit, so {@link RawCommits} reads {@code %s} and {@code %ae} from them without a second read.
 */
public final class GitOrderWalk {
  private static final int SLOP = 5;
  private static final int SEEN = 1;
  private static final int UNINTERESTING = 2;
  private static final int QUEUED = 4;

  /** A commit of the walk: its id, and once read, its raw bytes, parents and committer date. */
  public static final class Node extends ObjectIdOwnerMap.Entry {
    private static final long serialVersionUID = 1L;
    private transient int flags;
    private transient Node[] parents;
    private transient long date;
    private transient byte[] raw;

    Node(AnyObjectId id) {
      super(id);
    }

    /** The commit object as stored: headers, a blank line, the message. */
    public byte[] raw() {
      return raw;
    }

    public int parentCount() {
      return parents.length;
    }

    public ObjectId parent(int index) {
      return parents[index];
    }

    private boolean has(int flag) {
      return (flags & flag) != 0;
    }
  }

  private final ObjectReader reader;
  private final ObjectIdOwnerMap<Node> nodes = new ObjectIdOwnerMap<>();
  private final TreeMap<Long, ArrayDeque<Node>> queue = new TreeMap<>();
  private int interestingQueued;

  private GitOrderWalk(ObjectReader reader) {
    this.reader = reader;
  }

  /**
   * The commits of {@code from..to} ({@code from} may be null: all of {@code to}'s history), newest first in git's
   * order. Both ids must name commits.
   */
  public static List<Node> list(ObjectReader reader, AnyObjectId from, AnyObjectId to) throws IOException {
    return new GitOrderWalk(reader).run(from, to);
  }

  private List<Node> run(AnyObjectId fromId, AnyObjectId toId) throws IOException {
    // prepare_revision_walk: the pending objects in command-line order (A, then B), stably sorted by date.
    if (fromId != null) {
      Node from = node(fromId);
      read(from);
      markUninteresting(from);
      markParentsUninteresting(from);
      from.flags |= SEEN;
      enqueue(from);
    }
    Node to = node(toId);
    read(to);
    if (!to.has(SEEN)) {
      to.flags |= SEEN;
      enqueue(to);
    }
    List<Node> listed = new ArrayList<>();
    int slop = SLOP;
    long date = Long.MAX_VALUE;
    while (!queue.isEmpty()) {
      Node commit = pop();
      processParents(commit);
      if (commit.has(UNINTERESTING)) {
        markParentsUninteresting(commit);
        slop = stillInteresting(date, slop);
        if (slop > 0) {
          continue;
        }
        break;
      }
      date = commit.date;
      listed.add(commit);
    }
    List<Node> shown = new ArrayList<>(listed.size());
    for (Node commit : listed) {
      if (!commit.has(UNINTERESTING)) {
        shown.add(commit);
      }
    }
    return shown;
  }

  private int stillInteresting(long date, int slop) {
    if (queue.isEmpty()) {
      return 0;
    }
    if (date <= queue.lastKey() || interestingQueued > 0) {
      return SLOP;
    }
    return slop - 1;
  }

  private void processParents(Node commit) throws IOException {
    if (commit.has(UNINTERESTING)) {
      for (Node parent : commit.parents) {
        markUninteresting(parent);
        if (!read(parent)) {
          continue;
        }
        if (parent.parents.length > 0) {
          markParentsUninteresting(parent);
        }
        if (!parent.has(SEEN)) {
          parent.flags |= SEEN;
          enqueue(parent);
        }
      }
      return;
    }
    for (Node parent : commit.parents) {
      if (read(parent) && !parent.has(SEEN)) {
        parent.flags |= SEEN;
        enqueue(parent);
      }
    }
  }

  /** git's {@code mark_parents_uninteresting}: through every commit already read, with an explicit stack. */
  private void markParentsUninteresting(Node commit) {
    ArrayDeque<Node> pending = new ArrayDeque<>();
    for (Node parent : commit.parents) {
      markOne(parent, pending);
    }
    while (!pending.isEmpty()) {
      markOne(pending.pop(), pending);
    }
  }

  private void markOne(Node commit, ArrayDeque<Node> pending) {
    if (commit.has(UNINTERESTING)) {
      return;
    }
    markUninteresting(commit);
    // Only a commit already read knows its parents; the others get theirs marked when they are processed.
    if (commit.parents != null) {
      for (Node parent : commit.parents) {
        pending.push(parent);
      }
    }
  }

  private void markUninteresting(Node commit) {
    if (!commit.has(UNINTERESTING)) {
      commit.flags |= UNINTERESTING;
      if (commit.has(QUEUED)) {
        interestingQueued--;
      }
    }
  }

  private void enqueue(Node commit) {
    queue.computeIfAbsent(commit.date, t -> new ArrayDeque<>()).addLast(commit);
    commit.flags |= QUEUED;
    if (!commit.has(UNINTERESTING)) {
      interestingQueued++;
    }
  }

  private Node pop() {
    var newest = queue.lastEntry();
    Node commit = newest.getValue().pollFirst();
    if (newest.getValue().isEmpty()) {
      queue.remove(newest.getKey());
    }
    commit.flags &= ~QUEUED;
    if (!commit.has(UNINTERESTING)) {
      interestingQueued--;
    }
    return commit;
  }

  private Node node(AnyObjectId id) {
    Node node = nodes.get(id);
    if (node == null) {
      node = new Node(id);
      nodes.add(node);
    }
    return node;
  }

  /**
   * Reads a commit once, as git's {@code parse_commit_gently}; false for one missing from the object database (a
   * shallow clone's boundary), which is then skipped as git skips it.
   */
  private boolean read(Node commit) throws IOException {
    if (commit.parents != null) {
      return true;
    }
    if (commit.raw != null) {
      return false;
    }
    byte[] raw;
    try {
      raw = reader.open(commit, Constants.OBJ_COMMIT).getCachedBytes();
    } catch (MissingObjectException e) {
      commit.raw = new byte[0];
      return false;
    }
    commit.raw = raw;
    int i = 0;
    int n = raw.length;
    // "tree <hex>\n", then one "parent <hex>\n" per parent.
    i = skipLine(raw, i);
    List<Node> parents = new ArrayList<>(2);
    while (i + 7 + Constants.OBJECT_ID_STRING_LENGTH <= n && startsWith(raw, i, "parent ")) {
      parents.add(node(ObjectId.fromString(raw, i + 7)));
      i = skipLine(raw, i);
    }
    commit.parents = parents.toArray(new Node[0]);
    commit.date = commitDate(raw, i);
    return true;
  }

  /** git's {@code parse_commit_date} from the line after the parents. */
  private static long commitDate(byte[] raw, int i) {
    int n = raw.length;
    if (i + 6 >= n || !startsWith(raw, i, "author")) {
      return 0;
    }
    i = skipLine(raw, i);
    if (i + 9 >= n || !startsWith(raw, i, "committer")) {
      return 0;
    }
    while (i < n && raw[i++] != '>') {
      // up to the first '>'
    }
    int end = i;
    while (end < n && raw[end] != '\n') {
      end++;
    }
    if (i >= n || end + 1 >= n) {
      return 0;
    }
    while (i < end && (raw[i] == ' ' || raw[i] == '\t')) {
      i++;
    }
    long date = 0;
    while (i < end && raw[i] >= '0' && raw[i] <= '9') {
      date = date * 10 + (raw[i++] - '0');
    }
    return date;
  }

  private static int skipLine(byte[] raw, int i) {
    while (i < raw.length && raw[i] != '\n') {
      i++;
    }
    return i + 1;
  }

  private static boolean startsWith(byte[] raw, int i, String prefix) {
    if (i + prefix.length() > raw.length) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (raw[i + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
