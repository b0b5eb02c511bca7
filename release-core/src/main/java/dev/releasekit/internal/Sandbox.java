package dev.releasekit.internal;

import dev.releasekit.ReleaseException;
import dev.releasekit.git.internal.JGitWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

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
      Path cloneGit = clone.resolve(Constants.DOT_GIT);
      // Both repositories are laid out here, as git's repository layout documents it, rather than by git init:
      // JGit's init probes the file system for every new repository (an executable bit, which makes it start a
      // shell to read the umask), and for a sandbox what the real clone says about it is already known.
      boolean fileMode = realRepo.getConfig().getBoolean("core", null, "filemode", true);
      // Origin's HEAD names the real origin's default branch, as far as the real clone was told it.
      Config originConfig = layout(origin, Constants.R_HEADS + real.fetchedDefaultBranch().orElse(Constants.MASTER),
          fileMode, true);
      originConfig.setBoolean("receive", null, "denyNonFastForwards", true);
      originConfig.setBoolean("receive", null, "denyDeletes", true);
      // A background gc would race the sandbox's deletion; the sandbox lives for seconds.
      originConfig.setBoolean("receive", null, "autogc", false);
      originConfig.setInt("gc", null, "auto", 0);
      Config cloneConfig = layout(cloneGit, Constants.R_HEADS + "releasekit-sandbox", fileMode, false);
      cloneConfig.setString("remote", "origin", "url", origin.toUri().toString());
      cloneConfig.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
      cloneConfig.setInt("gc", null, "auto", 0);
      // Steps that keep an untracked file in the work tree (the commit log) read the real one in a rehearsal.
      if (!realRepo.isBare()) {
        cloneConfig.setString("releasekit", null, "worktree", realRepo.getWorkTree().getAbsolutePath());
      }
      for (String key : new String[] {"name", "email"}) {
        String value = realRepo.getConfig().getString("user", null, key);
        if (value != null) {
          cloneConfig.setString("user", null, key, value);
        }
      }
      write(origin.resolve(Constants.CONFIG), originConfig.toText());
      write(cloneGit.resolve(Constants.CONFIG), cloneConfig.toText());
      borrowObjects(cloneGit, objects);
      // Origin also sees what the rehearsal commits in the clone, so a push need not send it: the clone's
      // workspace moves origin's refs in process (JGitWorkspace.originInProcess).
      borrowObjects(origin, objects, cloneGit.resolve("objects").toAbsolutePath());
      copyRefs(origin, originRefs, name -> name);
      copyRefs(cloneGit, originRefs, name -> name.startsWith(Constants.R_HEADS)
          ? Constants.R_REMOTES + "origin/" + name.substring(Constants.R_HEADS.length()) : name);
      return new Sandbox(dir, origin, clone);
    } catch (IOException | RuntimeException e) {
      SandboxHome.remove(dir);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ReleaseException("Cannot create the plan's sandbox: " + e.getMessage() + ". The plan needs a writable temporary folder (java.io.tmpdir); check its space and permissions, then plan again.", e);
    }
  }

  /**
   * Lays out an empty repository at {@code gitDir}: {@code HEAD} naming {@code head}, the object and ref folders,
   * and returns its configuration to complete and write.
   */
  private static Config layout(Path gitDir, String head, boolean fileMode, boolean bare) throws IOException {
    Files.createDirectories(gitDir);
    // Parents first, one call each: createDirectories would probe every missing parent before making it.
    for (String folder : new String[] {"objects", "objects/info", "objects/pack", "refs", "refs/heads",
        "refs/tags"}) {
      Files.createDirectory(gitDir.resolve(folder));
    }
    write(gitDir.resolve(Constants.HEAD), "ref: " + head + "\n");
    Config config = new Config();
    config.setInt("core", null, "repositoryformatversion", 0);
    config.setBoolean("core", null, "filemode", fileMode);
    config.setBoolean("core", null, "bare", bare);
    if (!bare) {
      config.setBoolean("core", null, "logallrefupdates", true);
    }
    return config;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void borrowObjects(Path gitDir, Path... objects) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Path folder : objects) {
      lines.append(folder).append('\n');
    }
    write(gitDir.resolve("objects/info/alternates"), lines.toString());
  }

  private static Repository open(Path gitDir) throws IOException {
    return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
  }

  /**
   * Writes {@code refs}, renamed, as the repository's {@code packed-refs}, one file in git's format. It claims no
   * trait (not even "sorted": git orders names by their bytes, Java by UTF-16), so readers sort it themselves.
   * Every object the refs name is already in the borrowed database (the real clone fetched them).
   */
  private static void copyRefs(Path gitDir, Map<String, String> refs, UnaryOperator<String> rename)
      throws IOException {
    Map<String, ObjectId> packed = new TreeMap<>();
    for (Map.Entry<String, String> ref : refs.entrySet()) {
      String name = ref.getKey();
      if (name.equals(Constants.HEAD) || name.endsWith("^{}") || !name.startsWith("refs/")) {
        continue;
      }
      String renamed = rename.apply(name);
      if (!Repository.isValidRefName(renamed)) {
        throw new IOException("cannot copy " + name + ": not a valid ref name");
      }
      packed.put(renamed, ObjectId.fromString(ref.getValue()));
    }
    StringBuilder text = new StringBuilder();
    packed.forEach((name, id) -> text.append(id.name()).append(' ').append(name).append('\n'));
    write(gitDir.resolve(Constants.PACKED_REFS), text.toString());
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
