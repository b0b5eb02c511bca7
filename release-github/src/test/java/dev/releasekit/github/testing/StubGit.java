package dev.releasekit.github.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The stub's view of the bare origin: what GitHub itself does to the repository (merge commits, refs, logs). */
final class StubGit implements AutoCloseable {
  record Commit(String sha, String message, String name, String email, Instant when) {}

  record Comparison(List<Commit> commits, int behindBy) {}

  private final Repository repository;

  StubGit(Path bare) {
    try {
      this.repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized Optional<String> resolve(String ref) {
    try {
      repository.getRefDatabase().refresh();
      Ref found = repository.exactRef(ref);
      if (found == null) {
        return Optional.empty();
      }
      Ref peeled = repository.getRefDatabase().peel(found);
      ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : found.getObjectId();
      return Optional.of(id.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<ObjectId> revision(String name) {
    try {
      repository.getRefDatabase().refresh();
      for (String candidate : List.of("refs/heads/" + name, "refs/tags/" + name, name)) {
        ObjectId id = repository.resolve(candidate + "^{commit}");
        if (id != null) {
          return Optional.of(id);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  synchronized boolean isAncestor(String ancestor, String descendant) {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
          walk.parseCommit(ObjectId.fromString(descendant)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Merges {@code head} into {@code base} with a merge commit, as GitHub's merge button does; empty on conflict. */
  synchronized Optional<String> merge(String base, String head, String message, Instant when) {
    try {
      repository.getRefDatabase().refresh();
      ObjectId baseId = repository.resolve("refs/heads/" + base);
      ObjectId headId = repository.resolve("refs/heads/" + head);
      if (baseId == null || headId == null) {
        return Optional.empty();
      }
      ThreeWayMerger merger = MergeStrategy.RECURSIVE.newMerger(repository, true);
      if (!merger.merge(baseId, headId)) {
        return Optional.empty();
      }
      ObjectId commit;
      try (ObjectInserter inserter = repository.newObjectInserter()) {
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(merger.getResultTreeId());
        builder.setParentIds(baseId, headId);
        PersonIdent github = new PersonIdent("GitHub", "noreply@github.com", when, ZoneOffset.UTC);
        builder.setAuthor(github);
        builder.setCommitter(github);
        builder.setMessage(message);
        commit = inserter.insert(builder);
        inserter.flush();
      }
      RefUpdate update = repository.updateRef("refs/heads/" + base);
      update.setExpectedOldObjectId(baseId);
      update.setNewObjectId(commit);
      update.setRefLogMessage("merge pull request", false);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
        throw new IllegalStateException("could not move " + base + ": " + result);
      }
      return Optional.of(commit.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized Optional<Comparison> compare(String base, String head) {
    Optional<ObjectId> baseId = revision(base);
    Optional<ObjectId> headId = revision(head);
    if (baseId.isEmpty() || headId.isEmpty()) {
      return Optional.empty();
    }
    List<Commit> ahead = walk(headId.get(), baseId.get());
    int behind = walk(baseId.get(), headId.get()).size();
    java.util.Collections.reverse(ahead);
    return Optional.of(new Comparison(ahead, behind));
  }

  synchronized List<Commit> log() {
    try {
      repository.getRefDatabase().refresh();
      Ref head = repository.exactRef("HEAD");
      if (head == null || head.getObjectId() == null) {
        return List.of();
      }
      return walk(head.getObjectId(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Commit> walk(ObjectId start, ObjectId exclude) {
    List<Commit> commits = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      walk.markStart(walk.parseCommit(start));
      if (exclude != null) {
        walk.markUninteresting(walk.parseCommit(exclude));
      }
      for (RevCommit commit : walk) {
        PersonIdent author = commit.getAuthorIdent();
        commits.add(new Commit(commit.name(), commit.getFullMessage(), author.getName(), author.getEmailAddress(),
            author.getWhenAsInstant()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commits;
  }

  @Override
  public void close() {
    repository.close();
  }
}
