package dev.releasekit.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.file.LockFile;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.TestProtocol;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportProtocol;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.UploadPackFactory;

/**
 * Catches the moment a push takes a ref's lock on a local origin. For a local origin JGit runs receive-pack in the
 * pushing process; this protocol, registered ahead of the built-in local transport ({@link Transport#register}
 * puts it first), serves the given origin folders through JGit's public {@link TestProtocol}, which runs the same
 * in-process {@link ReceivePack} over pipes, with a pre-receive hook that counts every ref update. At the
 * {@code n}-th it takes the real {@link LockFile} on that ref's file (the lock {@code RefDirectory} takes, so
 * {@code <ref>.lock} appears on origin), reports {@code PARKED ref-lock n <ref>} and parks the receiving thread until the
 * process is killed. The lock then stays behind, exactly as it does when a releasing process dies mid-update.
 *
 * <p>A subclass of the package-private {@code TransportLocal} in {@code org.eclipse.jgit.transport} cannot be
 * loaded: the JGit jar is signed, and a class of another signer in a signed package is a {@code SecurityException}.
 * {@code TestProtocol} gives the same receive-pack without a split package.
 */
public final class OriginPushTrap extends TransportProtocol implements AutoCloseable {
  private final Set<Path> origins;
  private final int parkAt;
  private final Consumer<String> events;
  private final AtomicInteger updates = new AtomicInteger();
  private final TestProtocol<Object> inner;

  private OriginPushTrap(Collection<Path> origins, int parkAt, Consumer<String> events) {
    this.origins = Set.copyOf(origins.stream().map(OriginPushTrap::normal).toList());
    this.parkAt = parkAt;
    this.events = events;
    UploadPackFactory<Object> upload = (request, db) -> new UploadPack(db);
    ReceivePackFactory<Object> receive = (request, db) -> {
      ReceivePack pack = new ReceivePack(db);
      pack.setPreReceiveHook((rp, commands) -> onUpdates(db, commands));
      return pack;
    };
    this.inner = new TestProtocol<>(upload, receive);
  }

  /**
   * Registers a trap for pushes to {@code origins}: it reports {@code REF n <ref>} for every ref update and parks at
   * the {@code parkAt}-th (0: never). Close it to unregister.
   */
  public static OriginPushTrap install(Collection<Path> origins, int parkAt, Consumer<String> events) {
    OriginPushTrap trap = new OriginPushTrap(origins, parkAt, events);
    Transport.register(trap);
    return trap;
  }


  private void onUpdates(Repository db, Collection<ReceiveCommand> commands) {
    for (ReceiveCommand command : commands) {
      int n = updates.incrementAndGet();
      events.accept("REF " + n + " " + command.getRefName());
      if (n == parkAt) {
        LockFile lock = new LockFile(new File(db.getDirectory(), command.getRefName()));
        try {
          if (!lock.lock()) {
            events.accept("LOCK-BUSY " + n + " " + command.getRefName());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        events.accept("PARKED ref-lock " + n + " " + command.getRefName());
        Park.forever();
      }
    }
  }

  private static Path normal(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private Path originOf(URIish uri) {
    if (uri == null || uri.getPath() == null || (uri.getScheme() != null && !"file".equals(uri.getScheme()))
        || uri.getHost() != null) {
      return null;
    }
    Path path = normal(Path.of(uri.getPath()));
    return origins.contains(path) ? path : null;
  }

  @Override
  public String getName() {
    return "releasekit chaos origin";
  }

  @Override
  public Set<String> getSchemes() {
    return Set.of("file");
  }

  @Override
  public boolean canHandle(URIish uri, Repository local, String remoteName) {
    return originOf(uri) != null;
  }

  @Override
  public Transport open(URIish uri, Repository local, String remoteName)
      throws NotSupportedException, TransportException {
    Path origin = originOf(uri);
    try {
      // A fresh repository per connection, as the local transport opens one per push.
      Repository remote = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build();
      URIish handle = inner.register(null, remote);
      return inner.open(handle, local, remoteName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Transport.unregister(this);
  }

}
