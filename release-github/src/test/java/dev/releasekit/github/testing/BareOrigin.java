package dev.releasekit.github.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A bare origin for the stub's git side, filled through a work clone: branches with commits by named authors.
 * It is a small stand-in for release-core's {@code GitFixture}, enough for the stub's merges, refs and logs.
 *
 * <pre>{@code
 * BareOrigin origin = BareOrigin.create(tempDir);
 * origin.commit("master", "README.md", "hello", "Initial commit", "Paulus", "paulus@example.com");
 * origin.branch("dev", "master");
 * }</pre>
 */
public final class BareOrigin implements AutoCloseable {
  private final Path bare;
  private final Git work;
  private Instant when = Instant.parse("2026-11-01T10:00:00Z");

  private BareOrigin(Path bare, Git work) {
    this.bare = bare;
    this.work = work;
  }

  public static BareOrigin create(Path directory) {
    try {
      Path bare = directory.resolve("origin.git");
      Git.init().setBare(true).setInitialBranch("master").setDirectory(bare.toFile()).call().close();
      Git work = Git.init().setInitialBranch("master").setDirectory(directory.resolve("work").toFile()).call();
      work.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(bare.toUri().toURL())).call();
      return new BareOrigin(bare, work);
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw new IllegalStateException("could not create the bare origin", e);
    }
  }

  public Path path() {
    return bare;
  }

  /** Commits {@code path = content} on {@code branch} (created from the current commit when new) and pushes it. */
  public String commit(String branch, String path, String content, String message, String name, String email) {
    try {
      checkout(branch);
      Path file = work.getRepository().getWorkTree().toPath().resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      work.add().addFilepattern(path).call();
      when = when.plusSeconds(60);
      PersonIdent author = new PersonIdent(name, email, when, ZoneOffset.UTC);
      RevCommit commit = work.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false)
          .call();
      push(branch);
      return commit.name();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException("could not commit", e);
    }
  }

  /** Creates {@code branch} at {@code from} on origin. */
  public void branch(String branch, String from) {
    try {
      work.fetch().setRemote("origin").call();
      ObjectId start = work.getRepository().resolve("refs/remotes/origin/" + from);
      work.branchCreate().setName(branch).setStartPoint(start.name()).setForce(true).call();
      push(branch);
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException("could not branch", e);
    }
  }

  private void checkout(String branch) throws GitAPIException, IOException {
    Repository repository = work.getRepository();
    if (repository.resolve("HEAD") == null) {
      return;
    }
    work.fetch().setRemote("origin").call();
    ObjectId remote = repository.resolve("refs/remotes/origin/" + branch);
    if (remote != null) {
      work.checkout().setName(branch).setCreateBranch(repository.exactRef("refs/heads/" + branch) == null)
          .setStartPoint(remote.name()).call();
      work.reset().setRef(remote.name()).setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).call();
    } else {
      work.checkout().setName(branch).setCreateBranch(repository.exactRef("refs/heads/" + branch) == null).call();
    }
  }

  private void push(String branch) throws GitAPIException {
    work.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
        .call();
  }

  /** The commit a branch points at on origin. */
  public Optional<String> tip(String branch) {
    try (Repository repository = Git.open(bare.toFile()).getRepository()) {
      Ref ref = repository.exactRef("refs/heads/" + branch);
      return Optional.ofNullable(ref).map(r -> r.getObjectId().name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parents of a commit on origin. */
  public List<String> parents(String sha) {
    try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
      return java.util.Arrays.stream(commit.getParents()).map(RevCommit::name).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The full message of a commit on origin. */
  public String message(String sha) {
    try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(ObjectId.fromString(sha)).getFullMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    work.close();
  }
}
