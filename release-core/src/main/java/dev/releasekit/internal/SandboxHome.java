package dev.releasekit.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where plans keep their sandboxes: one folder per user, {@code <java.io.tmpdir>/releasekit-<user>/}, readable by
 * that user alone, holding one folder per sandbox named after the process that owns it
 * ({@code plan-<pid>-<start>-<random>}).
 *
 * <p>A JVM killed during a plan cannot clean up after itself, so each new sandbox first removes its siblings whose
 * owner is gone, and a shutdown hook removes what a JVM that exits normally still holds. Removal is best effort: a
 * leftover costs disk space, a failed plan costs a release manager's afternoon.
 */
final class SandboxHome {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  private static final Pattern SANDBOX = Pattern.compile("plan-(\\d+)-(\\d+|unknown)-[0-9a-z]+");

  /**
   * How far apart two readings of one process's start may be. Linux derives the start from the boot time, which the
   * kernel recomputes from the wall clock and can drift by a second; mistaking a live owner for a dead one would
   * delete a running plan's sandbox, while the opposite mistake only keeps a leftover a little longer.
   */
  private static final Duration SAME_START = Duration.ofSeconds(2);

  private final Path tmp;
  private final String user;
  private final Path path;

  private SandboxHome(Path tmp, String user) {
    this.tmp = tmp.toAbsolutePath();
    this.user = user;
    this.path = this.tmp.resolve("releasekit-" + safeFileName(user));
  }

  /** The folder of the user running this JVM, read from the system properties on each call. */
  static SandboxHome forCurrentUser() {
    return in(Path.of(System.getProperty("java.io.tmpdir")), System.getProperty("user.name", ""));
  }

  static SandboxHome in(Path tmp, String user) {
    return new SandboxHome(tmp, user);
  }

  Path path() {
    return path;
  }

  /**
   * Creates an empty folder for a new sandbox, owned by this process and held until {@link #remove(Path)} or the
   * JVM's exit, after removing the sandboxes of processes that are gone.
   */
  Path newSandbox() {
    ensureOwnerOnly();
    removeLeftovers();
    Owner me = Owner.current();
    while (true) {
      Path dir = path.resolve(me.directoryName(Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)));
      // Held before it exists: an exit between the two would otherwise leave it to the next plan.
      Held.SANDBOXES.add(dir);
      try {
        Files.createDirectory(dir);
        return dir;
      } catch (FileAlreadyExistsException e) {
        Held.SANDBOXES.remove(dir);
      } catch (IOException e) {
        Held.SANDBOXES.remove(dir);
        throw cannotCreate(e);
      }
    }
  }

  /** Deletes a sandbox this JVM holds; one that cannot be deleted stays held, so that the exit tries again. */
  static void remove(Path sandbox) {
    if (delete(sandbox)) {
      Held.SANDBOXES.remove(sandbox);
    }
  }

  /** The sandboxes this JVM holds, for tests. */
  static Set<Path> held() {
    return Set.copyOf(Held.SANDBOXES);
  }

  private void ensureOwnerOnly() {
    boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
    boolean created;
    try {
      if (posix) {
        Files.createDirectory(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createDirectory(path);
      }
      created = true;
    } catch (FileAlreadyExistsException e) {
      created = false;
    } catch (IOException e) {
      throw cannotCreate(e);
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        throw refused("is a symbolic link", "check where it points and who made it");
      }
      if (!attributes.isDirectory()) {
        throw refused("is not a folder", "check what it is and who made it");
      }
      // A folder made by this call is this user's; an older one may have been planted by someone else, who could
      // then read the rehearsal or swap a sandbox under it. In a sticky /tmp they cannot replace it once checked.
      if (!created && Files.getFileAttributeView(path, FileOwnerAttributeView.class,
          LinkOption.NOFOLLOW_LINKS) != null) {
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = currentUser();
        if (!owner.equals(me)) {
          throw refused("belongs to " + owner.getName() + ", not to " + me.getName(), "check who created it");
        }
      }
      // The umask may have narrowed the mode at creation, and an older folder may be wider: it is ours, so set it.
      if (posix && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(path, OWNER_ONLY);
      }
    } catch (IOException e) {
      throw cannotCreate(e);
    }
  }

  /**
   * Who this JVM runs as, as the file system names it: the owner of a file it has just created. {@code user.name}
   * can be overridden on the command line, and the file system has the last word on who owns the folder anyway.
   */
  private UserPrincipal currentUser() throws IOException {
    Path probe = Files.createTempFile(tmp, "releasekit-owner-", ".probe");
    try {
      return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  private PreconditionException refused(String what, String check) {
    return new PreconditionException("The plan's sandbox folder " + path + " " + what + ". A plan rehearses only in a"
        + " folder that belongs to the user running it (" + user + "), with access for that user alone. " + check
        + ", then remove it or point java.io.tmpdir at another folder, and plan again.");
  }

  private ReleaseException cannotCreate(IOException e) {
    return new ReleaseException("Cannot create the plan's sandbox in " + path + ": " + e + ". The plan needs a"
        + " writable temporary folder (java.io.tmpdir); check its space and permissions, then plan again.", e);
  }

  private void removeLeftovers() {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        // A folder whose name is not an owner record is not ours to judge; every sandbox has one from its creation.
        Optional<Owner> owner = Owner.of(entry.getFileName().toString());
        if (owner.isPresent() && !Held.SANDBOXES.contains(entry) && owner.get().isGone()) {
          delete(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Leftovers are only disk space; the plan goes on and the next one tries again.
    }
  }

  /** Deletes {@code dir} without following links out of it; true when nothing of it is left. */
  private static boolean delete(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          try {
            Files.deleteIfExists(file);
          } catch (AccessDeniedException e) {
            // JGit marks objects read-only, which Windows takes to mean undeletable.
            if (Files.getFileStore(file).supportsFileAttributeView("dos")) {
              Files.setAttribute(file, "dos:readonly", false, LinkOption.NOFOLLOW_LINKS);
              Files.deleteIfExists(file);
            } else {
              throw e;
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          // Another process removing the same leftover got there first.
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
          Files.deleteIfExists(directory);
          return FileVisitResult.CONTINUE;
        }
      });
      return true;
    } catch (IOException | RuntimeException e) {
      return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
    }
  }

  private static String safeFileName(String user) {
    String safe = user.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty()) {
      return "unknown";
    }
    return safe.length() > 64 ? safe.substring(0, 64) : safe;
  }

  /**
   * The process a sandbox belongs to. The start instant tells a live owner from a new process that was given the
   * dead owner's pid; where the platform cannot say when a process started, a live pid counts as the owner.
   */
  record Owner(long pid, Optional<Instant> start) {
    static Owner current() {
      ProcessHandle me = ProcessHandle.current();
      return new Owner(me.pid(), me.info().startInstant());
    }

    static Optional<Owner> of(String directoryName) {
      Matcher m = SANDBOX.matcher(directoryName);
      if (!m.matches()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Owner(Long.parseLong(m.group(1)), m.group(2).equals("unknown") ? Optional.empty()
            : Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(2))))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** The record is the name, so a sandbox is never without one, not even while it is being created. */
    String directoryName(String unique) {
      return "plan-" + pid + "-" + start.map(s -> Long.toString(s.toEpochMilli())).orElse("unknown") + "-" + unique;
    }

    boolean isGone() {
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return true;
      }
      Optional<Instant> actual = process.get().info().startInstant();
      return start.isPresent() && actual.isPresent()
          && Duration.between(start.get(), actual.get()).abs().compareTo(SAME_START) > 0;
    }
  }

  /** Loaded on the first sandbox, so that a JVM that never plans registers no hook. */
  private static final class Held {
    static final Set<Path> SANDBOXES = ConcurrentHashMap.newKeySet();

    static {
      try {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SANDBOXES.forEach(SandboxHome::delete),
            "releasekit-sandbox-cleanup"));
      } catch (IllegalStateException e) {
        // A plan started while the JVM exits: its sandbox is left to the next plan's clean-up.
      }
    }
  }
}
