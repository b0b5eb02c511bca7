package dev.releasekit.git.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;

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
 * <p>{@link RevWalk} serves as the object pool and parser only; its own generators are not used.
 */
public final class GitOrderWalk {
  private static final int SLOP = 5;

  private final RevWalk walk;
  private final RevFlag seen;
  private final RevFlag uninteresting;
  private final RevFlag queued;
  private final TreeMap<Integer, ArrayDeque<RevCommit>> queue = new TreeMap<>();
  private int interestingQueued;

  private GitOrderWalk(RevWalk walk) {
    this.walk = walk;
    this.seen = walk.newFlag("git-seen");
    this.uninteresting = walk.newFlag("git-uninteresting");
    this.queued = walk.newFlag("git-queued");
  }

  /**
   * The commits of {@code from..to} ({@code from} may be null: all of {@code to}'s history), newest first in git's
   * order. Their headers are parsed; bodies are as the walk retains them.
   */
  public static List<RevCommit> list(RevWalk walk, RevCommit from, RevCommit to) throws IOException {
    GitOrderWalk order = new GitOrderWalk(walk);
    try {
      return order.run(from, to);
    } finally {
      walk.disposeFlag(order.seen);
      walk.disposeFlag(order.uninteresting);
      walk.disposeFlag(order.queued);
    }
  }

  private List<RevCommit> run(RevCommit from, RevCommit to) throws IOException {
    // prepare_revision_walk: the pending objects in command-line order (A, then B), stably sorted by date.
    if (from != null) {
      walk.parseHeaders(from);
      markUninteresting(from);
      markParentsUninteresting(from);
      from.add(seen);
      enqueue(from);
    }
    walk.parseHeaders(to);
    if (!to.has(seen)) {
      to.add(seen);
      enqueue(to);
    }
    List<RevCommit> listed = new ArrayList<>();
    int slop = SLOP;
    long date = Long.MAX_VALUE;
    while (!queue.isEmpty()) {
      RevCommit commit = pop();
      processParents(commit);
      if (commit.has(uninteresting)) {
        markParentsUninteresting(commit);
        slop = stillInteresting(date, slop);
        if (slop > 0) {
          continue;
        }
        break;
      }
      date = commit.getCommitTime();
      listed.add(commit);
    }
    queue.clear();
    List<RevCommit> shown = new ArrayList<>(listed.size());
    for (RevCommit commit : listed) {
      if (!commit.has(uninteresting)) {
        shown.add(commit);
      }
    }
    return shown;
  }

  private int stillInteresting(long date, int slop) {
    if (queue.isEmpty()) {
      return 0;
    }
    if (date <= queue.lastKey()) {
      return SLOP;
    }
    if (interestingQueued > 0) {
      return SLOP;
    }
    return slop - 1;
  }

  private void processParents(RevCommit commit) throws IOException {
    RevCommit[] parents = commit.getParents();
    if (commit.has(uninteresting)) {
      for (RevCommit parent : parents) {
        markUninteresting(parent);
        if (!parse(parent)) {
          continue;
        }
        if (parent.getParentCount() > 0) {
          markParentsUninteresting(parent);
        }
        if (parent.has(seen)) {
          continue;
        }
        parent.add(seen);
        enqueue(parent);
      }
      return;
    }
    for (RevCommit parent : parents) {
      if (!parse(parent)) {
        continue;
      }
      if (!parent.has(seen)) {
        parent.add(seen);
        enqueue(parent);
      }
    }
  }

  /** Parses a parent as git's {@code parse_commit_gently} does; a parent missing from a shallow clone is skipped. */
  private boolean parse(RevCommit commit) throws IOException {
    try {
      walk.parseHeaders(commit);
      return true;
    } catch (MissingObjectException e) {
      return false;
    }
  }

  /** git's {@code mark_parents_uninteresting}: through every parsed ancestor, with an explicit stack. */
  private void markParentsUninteresting(RevCommit commit) {
    ArrayDeque<RevCommit> pending = new ArrayDeque<>();
    for (RevCommit parent : commit.getParents()) {
      markOne(parent, pending);
    }
    while (!pending.isEmpty()) {
      markOne(pending.pop(), pending);
    }
  }

  private void markOne(RevCommit commit, ArrayDeque<RevCommit> pending) {
    if (commit.has(uninteresting)) {
      return;
    }
    markUninteresting(commit);
    // Only a parsed commit knows its parents; an unparsed one gets them marked when it is processed.
    if (commit.has(seen)) {
      for (RevCommit parent : commit.getParents()) {
        pending.push(parent);
      }
    }
  }

  private void markUninteresting(RevCommit commit) {
    if (commit.has(uninteresting)) {
      return;
    }
    commit.add(uninteresting);
    if (commit.has(queued)) {
      interestingQueued--;
    }
  }

  private void enqueue(RevCommit commit) {
    queue.computeIfAbsent(commit.getCommitTime(), t -> new ArrayDeque<>()).addLast(commit);
    commit.add(queued);
    if (!commit.has(uninteresting)) {
      interestingQueued++;
    }
  }

  private RevCommit pop() {
    var newest = queue.lastEntry();
    RevCommit commit = newest.getValue().pollFirst();
    if (newest.getValue().isEmpty()) {
      queue.remove(newest.getKey());
    }
    commit.remove(queued);
    if (!commit.has(uninteresting)) {
      interestingQueued--;
    }
    return commit;
  }
}
