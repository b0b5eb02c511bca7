package dev.releasekit.internal;

import dev.releasekit.ReleaseException;
import dev.releasekit.git.internal.JGitWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * The throwaway world a plan runs in: a bare "origin" holding a copy of the real origin's refs, and a clone whose
 * origin is that copy. Both borrow the real repository's object database through {@code objects/info/alternates},
 * so creating them copies no objects: the cost grows with the number of refs, not with history. Origin borrows the
 * clone's too, so what the rehearsal commits there is origin's without being sent. New objects the rehearsal
 * writes land in the sandbox's own folders and are deleted with it.
 *
 * <p>Sandboxes live in the user's {@link SandboxHome}, which also removes those a killed JVM left behind.
 */
public final class Sandbox implements AutoCloseable {
  private final Path directory;
  private final Path origin;
  private final Path clone;

  private Sandbox(Path directory, Path origin, Path clone) {
    this.directory = directory;
    this.origin = origin;
    this.clone = clone;
  }

  /**
   * Builds a sandbox for {@code real}, whose origin currently holds {@code originRefs} (from ls-remote; every
   * object they name must already be in {@code real}'s database, which a fetch guarantees).
   */
  public static Sandbox of(JGitWorkspace real, Map<String, String> originRefs) {
    return of(real, originRefs, SandboxHome.forCurrentUser());
  }

  static Sandbox of(JGitWorkspace real, Map<String, String> originRefs, SandboxHome home) {
    Repository realRepo = real.repository();
    Path objects = realRepo.getDirectory().toPath().resolve("objects").toAbsolutePath();
    Path dir = home.newSandbox();
    try {
      Path origin = dir.resolve("origin.git");
      Path clone = dir.resolve("work");
      Git.init().setBare(true).setDirectory(origin.toFile()).call().close();
      borrowObjects(origin, objects);
      try (Repository repo = open(origin)) {
        StoredConfig config = repo.getConfig();
        config.setBoolean("receive", null, "denyNonFastForwards", true);
        config.setBoolean("receive", null, "denyDeletes", true);
        // A background gc would race the sandbox's deletion; the sandbox lives for seconds.
        config.setBoolean("receive", null, "autogc", false);
        config.setInt("gc", null, "auto", 0);
        config.save();
        copyRefs(repo, originRefs, name -> name);
      }
      Git.init().setDirectory(clone.toFile()).setInitialBranch("releasekit-sandbox").call().close();
      borrowObjects(clone.resolve(".git"), objects);
      // Origin also sees what the rehearsal commits in the clone, so a push need not send it: the clone's
      // workspace moves origin's refs in process (JGitWorkspace.originInProcess).
      borrowObjects(origin, objects, clone.resolve(".git/objects").toAbsolutePath());
      try (Repository repo = open(clone.resolve(".git"))) {
        StoredConfig config = repo.getConfig();
        config.setString("remote", "origin", "url", origin.toUri().toString());
        config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        config.setInt("gc", null, "auto", 0);
        // Steps that keep an untracked file in the work tree (the commit log) read the real one in a rehearsal.
        if (!realRepo.isBare()) {
          config.setString("releasekit", null, "worktree", realRepo.getWorkTree().getAbsolutePath());
        }
        for (String key : new String[] {"name", "email"}) {
          String value = realRepo.getConfig().getString("user", null, key);
          if (value != null) {
            config.setString("user", null, key, value);
          }
        }
        config.save();
        copyRefs(repo, originRefs, name -> name.startsWith(Constants.R_HEADS)
            ? Constants.R_REMOTES + "origin/" + name.substring(Constants.R_HEADS.length()) : name);
      }
      return new Sandbox(dir, origin, clone);
    } catch (IOException | GitAPIException e) {
      SandboxHome.remove(dir);
      throw new ReleaseException("Cannot create the plan's sandbox: " + e.getMessage() + ". The plan needs a writable temporary folder (java.io.tmpdir); check its space and permissions, then plan again.", e);
    } catch (RuntimeException e) {
      SandboxHome.remove(dir);
      throw e;
    }
  }

  private static void borrowObjects(Path gitDir, Path... objects) throws IOException {
    Path alternates = gitDir.resolve("objects/info/alternates");
    Files.createDirectories(alternates.getParent());
    StringBuilder lines = new StringBuilder();
    for (Path folder : objects) {
      lines.append(folder).append('\n');
    }
    Files.writeString(alternates, lines, StandardCharsets.UTF_8);
  }

  private static Repository open(Path gitDir) throws IOException {
    return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
  }

  private static void copyRefs(Repository repo, Map<String, String> refs,
      java.util.function.UnaryOperator<String> rename) throws IOException {
    BatchRefUpdate batch = repo.getRefDatabase().newBatchUpdate();
    batch.setAllowNonFastForwards(true);
    for (Map.Entry<String, String> ref : refs.entrySet()) {
      String name = ref.getKey();
      if (name.equals(Constants.HEAD) || name.endsWith("^{}") || !name.startsWith("refs/")) {
        continue;
      }
      batch.addCommand(new ReceiveCommand(ObjectId.zeroId(), ObjectId.fromString(ref.getValue()), rename.apply(name)));
    }
    try (RevWalk walk = new RevWalk(repo)) {
      batch.execute(walk, NullProgressMonitor.INSTANCE);
    }
    for (ReceiveCommand command : batch.getCommands()) {
      if (command.getResult() != ReceiveCommand.Result.OK) {
        throw new IOException("cannot copy " + command.getRefName() + ": " + command.getResult());
      }
    }
  }

  /** The rehearsal's clone, whose origin is {@link #origin()}. */
  public Path clone() {
    return clone;
  }

  /** The throwaway bare origin. */
  public Path origin() {
    return origin;
  }

  public Repository openOrigin() {
    try {
      return open(origin);
    } catch (IOException e) {
      throw new ReleaseException("Cannot open the sandbox origin: " + e.getMessage() + ". The plan needs a writable temporary folder (java.io.tmpdir); check its space and permissions, then plan again.", e);
    }
  }

  /** Deletes the sandbox; one that cannot be deleted now is tried again when the JVM exits. */
  @Override
  public void close() {
    SandboxHome.remove(directory);
  }
}
