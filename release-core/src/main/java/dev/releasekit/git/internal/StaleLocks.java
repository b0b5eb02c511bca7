package dev.releasekit.git.internal;

import dev.releasekit.PushRefusedException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Lock files that a dead releasekit process left in a local origin. With a local origin JGit's receive-pack runs
 * inside the releasing process, so a kill during a push leaves {@code refs/heads/dev.lock} behind and every later
 * push of that ref is refused. Such a lock may be removed only when no live process can own it:
 * <ul>
 *   <li>this process holds the release's lease on that origin, taken at a moment recorded here with
 *       {@link #trust(Path, Instant)} after observing that no live run held it; every releasekit writer of the
 *       release's refs holds the lease, so a lock older than that moment was made by a run that is gone;</li>
 *   <li>and the lock is still there, unchanged, after a pause longer than any live writer keeps a ref locked
 *       (milliseconds), which rules out a person's push that happened to be under way.</li>
 * </ul>
 * Any other lock is of unknown origin: it is named in a typed error with what to check, and never touched.
 */
public final class StaleLocks {
  /** Longer than a live git or JGit process holds a ref lock, short enough not to slow a re-run. */
  static final Duration SETTLE = Duration.ofMillis(300);

  // Per origin, the moment before which a lock is known to come from a run that no longer holds the lease.
  private static final ConcurrentMap<Path, Instant> TRUSTED = new ConcurrentHashMap<>();
  private static final ConcurrentMap<Path, Path> ALIASES = new ConcurrentHashMap<>();

  private StaleLocks() {
  }

  /** Locks in {@code originGitDir} older than {@code observed} were made by a releasekit run that is gone. */
  public static void trust(Path originGitDir, Instant observed) {
    TRUSTED.put(originGitDir.toAbsolutePath().normalize(), observed);
  }

  /** A plan's sandbox origin stands for {@code real}: its locks are named by their place in the real origin. */
  public static void alias(Path sandboxGitDir, Path real) {
    ALIASES.put(sandboxGitDir.toAbsolutePath().normalize(), real.toAbsolutePath().normalize());
  }

  /** This process no longer holds the lease on {@code originGitDir}. */
  public static void distrust(Path originGitDir) {
    TRUSTED.remove(originGitDir.toAbsolutePath().normalize());
    ALIASES.remove(originGitDir.toAbsolutePath().normalize());
  }

  /** The git directory of a local origin ({@code /srv/core.git}, {@code file:///srv/core}), or empty. */
  public static Optional<Path> localGitDir(String url, Path relativeTo) {
    Path path;
    try {
      if (url.startsWith("file:")) {
        path = Path.of(URI.create(url));
      } else if (url.contains("://") || url.matches("^[^/]+:.*")) {
        return Optional.empty();
      } else {
        path = relativeTo.resolve(url);
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    path = path.toAbsolutePath().normalize();
    Path dotGit = path.resolve(".git");
    if (Files.isDirectory(dotGit)) {
      return Optional.of(dotGit);
    }
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }

  /** The lock file of {@code ref} in {@code gitDir}, when it exists. */
  public static Optional<Path> lockOf(Path gitDir, String ref) {
    Path lock = gitDir.resolve(ref + ".lock");
    return Files.exists(lock) ? Optional.of(lock) : Optional.empty();
  }

  /**
   * Removes {@code ref}'s lock in {@code gitDir} when it is provably stale, and says whether it did. A lock of
   * unknown origin throws a {@link PushRefusedException} that names the file; a lock already gone counts as removed.
   */
  public static boolean recover(Path gitDir, String ref, String originMessage, Pause pause) {
    Optional<Path> found = lockOf(gitDir, ref);
    if (found.isEmpty()) {
      // A live writer's lock, gone already: the push may simply be made again.
      return true;
    }
    Path lock = found.get();
    Path dir = gitDir.toAbsolutePath().normalize();
    Path shown = ALIASES.containsKey(dir) ? ALIASES.get(dir).resolve(dir.relativize(lock.toAbsolutePath()
        .normalize()).toString()) : lock;
    Instant trusted = TRUSTED.get(gitDir.toAbsolutePath().normalize());
    Optional<BasicFileAttributes> before = attributes(lock);
    if (before.isEmpty()) {
      return true;
    }
    Instant made = before.get().lastModifiedTime().toInstant();
    if (trusted != null && made.isBefore(trusted)) {
      pause.pause(SETTLE);
      Optional<BasicFileAttributes> after = attributes(lock);
      if (after.isEmpty()) {
        return true;
      }
      if (same(after.get(), before.get())) {
        try {
          Files.deleteIfExists(lock);
          return true;
        } catch (IOException e) {
          throw unknown(ref, originMessage, shown, made, "it cannot be removed (" + e.getMessage() + ")");
        }
      }
    }
    throw unknown(ref, originMessage, shown, made, trusted == null
        ? "this run does not hold the release's lease on origin, so it cannot prove the lock's owner is gone"
        : "it was made at " + made + ", after this run took the release's lease, so no releasekit run of this"
            + " release left it");
  }

  /**
   * Moves {@code ref} of {@code repo}, an origin on this machine, from {@code from} to {@code to} as a
   * compare-and-swap, as a hosting's merge button does. A ref moved meanwhile is a {@code NON_FAST_FORWARD} refusal
   * (observe again); a lock a dead run left is recovered once as a push's is, and any other is named.
   */
  public static void moveRef(Repository repo, String ref, ObjectId from, ObjectId to, Pause pause, String what)
      throws IOException {
    RefUpdate.Result result = casRef(repo, ref, from, to);
    if (result == RefUpdate.Result.LOCK_FAILURE) {
      Ref now = repo.exactRef(ref);
      if (now == null || !from.equals(now.getObjectId())) {
        throw new PushRefusedException(PushRefusedException.Reason.NON_FAST_FORWARD, ref, result.name(), null,
            what + ": " + ref + " moved on origin meanwhile (someone pushed in between). Nothing was changed; run"
                + " again to build on the new tip.");
      }
      if (recover(repo.getDirectory().toPath(), ref, "failed to lock " + ref, pause)) {
        result = casRef(repo, ref, from, to);
      }
    }
    if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
      Path gitDir = repo.getDirectory().toPath();
      throw new PushRefusedException(PushRefusedException.Reason.OTHER, ref, result.name(),
          lockOf(gitDir, ref).orElse(null), what + " could not update " + ref + " on origin (" + result + ")."
              + " Nothing was changed. Check that no git process is writing to " + gitDir + ", then run again.");
    }
  }

  private static RefUpdate.Result casRef(Repository repo, String ref, ObjectId from, ObjectId to)
      throws IOException {
    RefUpdate update = repo.updateRef(ref);
    update.setExpectedOldObjectId(from);
    update.setNewObjectId(to);
    try (RevWalk walk = new RevWalk(repo)) {
      return update.update(walk);
    }
  }

  private static PushRefusedException unknown(String ref, String originMessage, Path lock, Instant made,
      String why) {
    return new PushRefusedException(PushRefusedException.Reason.LOCKED, ref, originMessage, lock,
        "Origin's " + ref + " is locked by " + lock + " (made " + made + "), and releasekit will not remove it: "
            + why + ". Check that no git process is writing to that repository (ps -ef | grep git), then delete "
            + lock + " and run again. Nothing was changed.");
  }

  /**
   * Copies the ref locks of the origin in {@code from} into the sandbox origin {@code to}, with their times, so a
   * plan meets them where the run would and answers as the run would.
   */
  public static void copyLocks(Path from, Path to) {
    Path refs = from.resolve("refs");
    if (!Files.isDirectory(refs)) {
      return;
    }
    try (var files = Files.walk(refs)) {
      for (Path lock : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".lock"))::iterator) {
        Path target = to.resolve(from.relativize(lock).toString());
        Files.createDirectories(target.getParent());
        Files.copy(lock, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // A lock that vanished while copying was not stale; the plan then simply does not meet it.
    }
  }

  /**
   * Removes what a dead releasekit run's receive-pack left in {@code gitDir}'s pack folder: the {@code .keep} that
   * pins a received pack until its refs are updated (JGit writes it with the message {@code jgit receive-pack}) and
   * that file's {@code .keep.lock}. Neither blocks a push, but a left {@code .keep} keeps {@code git gc} from ever
   * dropping the objects of a push that never landed. Only files older than the moment this run took the lease and
   * unchanged after the settle pause go, by the same proof as a ref lock; a git CLI's keep file is never touched.
   */
  public static void tidyReceives(Path gitDir, Pause pause) {
    Instant trusted = TRUSTED.get(gitDir.toAbsolutePath().normalize());
    Path packs = gitDir.resolve("objects").resolve("pack");
    if (trusted == null || !Files.isDirectory(packs)) {
      return;
    }
    java.util.List<Path> ours = new java.util.ArrayList<>();
    try (var files = Files.list(packs)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".keep.lock") || name.endsWith(".keep") && jgitKeep(file)) {
          ours.add(file);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return;
    }
    removeSettled(ours, trusted, pause);
  }

  /**
   * Removes the locks of {@code refs} in {@code gitDir} made before {@code before} and unchanged after the settle
   * pause, the proof a ref lock on origin gets, and says whether it removed any. A live writer's lock is left alone.
   */
  public static boolean tidyLocks(Path gitDir, java.util.Collection<String> refs, Instant before, Pause pause) {
    return !removeSettled(refs.stream().flatMap(ref -> lockOf(gitDir, ref).stream()).toList(), before, pause)
        .isEmpty();
  }

  /**
   * Of {@code files}, removes those made before {@code before} that are unchanged after one settle pause, and
   * returns them. A file that cannot be removed is left for the next run.
   */
  private static java.util.List<Path> removeSettled(java.util.Collection<Path> files, Instant before,
      Pause pause) {
    java.util.Map<Path, BasicFileAttributes> left = new java.util.TreeMap<>();
    for (Path file : files) {
      attributes(file).filter(a -> a.lastModifiedTime().toInstant().isBefore(before))
          .ifPresent(a -> left.put(file, a));
    }
    if (left.isEmpty()) {
      return java.util.List.of();
    }
    pause.pause(SETTLE);
    java.util.List<Path> removed = new java.util.ArrayList<>();
    left.forEach((file, was) -> {
      if (unchanged(file, was)) {
        try {
          Files.deleteIfExists(file);
          removed.add(file);
        } catch (IOException e) {
          // Left for the next run: nothing waits on it meanwhile.
        }
      }
    });
    return removed;
  }

  private static boolean unchanged(Path file, BasicFileAttributes before) {
    return attributes(file).filter(after -> same(after, before)).isPresent();
  }

  /** The same file, not written since: a live writer would have replaced or touched it. */
  private static boolean same(BasicFileAttributes after, BasicFileAttributes before) {
    return Objects.equals(after.fileKey(), before.fileKey())
        && after.lastModifiedTime().equals(before.lastModifiedTime());
  }

  private static boolean jgitKeep(Path keep) {
    try {
      return Files.size(keep) < 4096 && Files.readString(keep).startsWith("jgit receive-pack");
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static Optional<BasicFileAttributes> attributes(Path file) {
    try {
      return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** How the settle pause is taken: the release's sleeper, so a test's fake time never waits. */
  @FunctionalInterface
  public interface Pause {
    /** A real pause of the thread, for callers without a release's sleeper. */
    Pause THREAD = duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };

    void pause(Duration duration);
  }
}
