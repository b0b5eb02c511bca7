package dev.releasekit.git.internal;

import dev.releasekit.ConflictException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Merges and cherry-picks computed in memory, without a work tree, so they work the same in a clone, in a bare
 * origin (a hosting merging a pull request) and in a plan's sandbox.
 */
public final class Merges {
  private Merges() {
  }

  /** Creates a merge commit with parents {@code ours, theirs}; throws a conflict naming the files. */
  public static ObjectId mergeCommit(Repository repo, AnyObjectId ours, AnyObjectId theirs, String message,
      PersonIdent ident) throws IOException {
    ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
    if (!merger.merge(ours, theirs)) {
      throw new ConflictException("Merging " + theirs.name() + " into " + ours.name() + " conflicts in "
          + conflicts(merger) + ". Merge by hand, push, and run again.", null, theirs.name(), conflicts(merger));
    }
    return commit(repo, merger.getResultTreeId(), List.of(ours, theirs), message, ident, ident);
  }

  /**
   * Applies {@code pick} on top of {@code onto} as {@code git cherry-pick -x} would, with {@code -m 1} for a merge
   * commit. Returns the new commit, or throws a conflict with the files that did not apply. When the result's tree
   * is {@code onto}'s (the change is on the branch already, say picked by another run), no commit is made and
   * {@code onto} itself is returned: a pick is never an empty commit.
   */
  public static ObjectId cherryPick(Repository repo, AnyObjectId onto, AnyObjectId pick, String message,
      PersonIdent committer) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit picked = walk.parseCommit(pick);
      if (picked.getParentCount() == 0) {
        throw new ConflictException("Commit " + pick.name() + " has no parent and cannot be cherry-picked.");
      }
      ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
      merger.setBase(picked.getParent(0));
      if (!merger.merge(onto, picked)) {
        List<String> files = conflicts(merger);
        throw new ConflictException("Cherry-picking " + pick.name() + " conflicts in " + files + ".", null,
            pick.name(), files);
      }
      if (merger.getResultTreeId().equals(walk.parseCommit(onto).getTree())) {
        return onto.toObjectId();
      }
      return commit(repo, merger.getResultTreeId(), List.of(onto), message, picked.getAuthorIdent(), committer);
    }
  }

  public static ObjectId commit(Repository repo, AnyObjectId tree, List<? extends AnyObjectId> parents,
      String message, PersonIdent author, PersonIdent committer) throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      commit.setParentIds(new ArrayList<>(parents));
      commit.setAuthor(author);
      commit.setCommitter(committer);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  private static List<String> conflicts(ResolveMerger merger) {
    List<String> files = new ArrayList<>(merger.getUnmergedPaths());
    if (merger.getFailingPaths() != null) {
      files.addAll(merger.getFailingPaths().keySet());
    }
    return files.stream().distinct().sorted().toList();
  }
}
