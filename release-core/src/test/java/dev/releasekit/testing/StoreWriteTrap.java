package dev.releasekit.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Catches the moment LocalHosting writes its store, with no hook in production code: LocalHosting takes its store
 * folder as a {@link Path}, and this wraps that folder in a file system that delegates every operation to the real
 * one. LocalHosting's store writes {@code hosting.json.tmp} and then renames it over {@code hosting.json}; each
 * write of the temporary file is counted ({@code STORE n <LocalHosting method>}), and at the {@code n}-th the
 * wrapper writes the first half of the bytes, reports {@code PARKED store-write n <method>} and parks until the process is killed:
 * the kill lands with the hosting's change computed (a merge already made on origin), the new state half written and
 * {@code hosting.json} as it was.
 */
public final class StoreWriteTrap {
  private static final String TEMP = "hosting.json.tmp";

  private final int parkAt;
  private final Consumer<String> events;
  private final AtomicInteger writes = new AtomicInteger();
  private final TrapProvider provider = new TrapProvider();
  private final TrapFileSystem fileSystem = new TrapFileSystem();

  public StoreWriteTrap(int parkAt, Consumer<String> events) {
    this.parkAt = parkAt;
    this.events = events;
  }

  /** {@code directory} seen through the trap: pass it to {@code LocalHosting.open}. */
  public Path wrap(Path directory) {
    return new TrapPath(directory.toAbsolutePath().normalize());
  }


  private OutputStream trapped(Path real, OutputStream out) {
    if (real.getFileName() == null || !real.getFileName().toString().equals(TEMP)) {
      return out;
    }
    int n = writes.incrementAndGet();
    String operation = StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().equals("dev.releasekit.local.LocalHosting")).map(f -> f.getMethodName())
        .reduce((first, second) -> second).orElse("?"));
    events.accept("STORE " + n + " " + operation);
    if (n != parkAt) {
      return out;
    }
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, Math.max(1, length / 2));
        out.flush();
        events.accept("PARKED store-write " + n + " " + operation);
        Park.forever();
      }
    };
  }

  private static Path real(Path path) {
    if (path instanceof TrapPath trapped) {
      return trapped.real;
    }
    throw new IllegalArgumentException("not a trapped path: " + path);
  }

  private static FileSystemProvider delegate(Path real) {
    return real.getFileSystem().provider();
  }

  private final class TrapPath implements Path {
    private final Path real;

    TrapPath(Path real) {
      this.real = real;
    }

    private Path wrapped(Path path) {
      return path == null ? null : new TrapPath(path);
    }

    private Path other(Path path) {
      return path instanceof TrapPath trapped ? trapped.real : path;
    }

    @Override
    public FileSystem getFileSystem() {
      return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
      return real.isAbsolute();
    }

    @Override
    public Path getRoot() {
      return wrapped(real.getRoot());
    }

    @Override
    public Path getFileName() {
      return wrapped(real.getFileName());
    }

    @Override
    public Path getParent() {
      return wrapped(real.getParent());
    }

    @Override
    public int getNameCount() {
      return real.getNameCount();
    }

    @Override
    public Path getName(int index) {
      return wrapped(real.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
      return wrapped(real.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
      return real.startsWith(other(other));
    }

    @Override
    public boolean endsWith(Path other) {
      return real.endsWith(other(other));
    }

    @Override
    public Path normalize() {
      return wrapped(real.normalize());
    }

    @Override
    public Path resolve(Path other) {
      return wrapped(real.resolve(other(other)));
    }

    @Override
    public Path relativize(Path other) {
      return wrapped(real.relativize(other(other)));
    }

    @Override
    public URI toUri() {
      return real.toUri();
    }

    @Override
    public Path toAbsolutePath() {
      return wrapped(real.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
      return wrapped(real.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
        throws IOException {
      return real.register(watcher, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
      return real.compareTo(other(other));
    }

    @Override
    public Iterator<Path> iterator() {
      Iterator<Path> names = real.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return names.hasNext();
        }

        @Override
        public Path next() {
          return wrapped(names.next());
        }
      };
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TrapPath trapped && trapped.real.equals(real);
    }

    @Override
    public int hashCode() {
      return real.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
      return real.toString();
    }
  }

  private final class TrapFileSystem extends FileSystem {
    private final FileSystem real = Path.of("/").getFileSystem();

    @Override
    public FileSystemProvider provider() {
      return provider;
    }

    @Override
    public void close() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public boolean isReadOnly() {
      return false;
    }

    @Override
    public String getSeparator() {
      return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
      return real.getRootDirectories();
    }

    @Override
    public Iterable<FileStore> getFileStores() {
      return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
      return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
      return new TrapPath(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
      return real.getPathMatcher(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
      return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
      return real.newWatchService();
    }
  }

  private final class TrapProvider extends FileSystemProvider {
    @Override
    public String getScheme() {
      return "releasekit-store-trap";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      return fileSystem;
    }

    @Override
    public Path getPath(URI uri) {
      return new TrapPath(Path.of(uri));
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
      Path real = real(path);
      return trapped(real, delegate(real).newOutputStream(real, options));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
        FileAttribute<?>... attrs) throws IOException {
      Path real = real(path);
      return delegate(real).newByteChannel(real, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      Path real = real(path);
      return delegate(real).newFileChannel(real, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
        throws IOException {
      Path real = real(dir);
      DirectoryStream<Path> entries = delegate(real).newDirectoryStream(real, p -> filter.accept(new TrapPath(p)));
      return new DirectoryStream<>() {
        @Override
        public Iterator<Path> iterator() {
          Iterator<Path> it = entries.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Path next() {
              return new TrapPath(it.next());
            }
          };
        }

        @Override
        public void close() throws IOException {
          entries.close();
        }
      };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
      Path real = real(dir);
      delegate(real).createDirectory(real, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
      Path real = real(path);
      delegate(real).delete(real);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
      Path real = real(source);
      delegate(real).copy(real, real(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
      Path real = real(source);
      delegate(real).move(real, real(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
      Path real = real(path);
      return delegate(real).isSameFile(real, real(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
      Path real = real(path);
      return delegate(real).isHidden(real);
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
      Path real = real(path);
      return delegate(real).getFileStore(real);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
      Path real = real(path);
      delegate(real).checkAccess(real, modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
      Path real = real(path);
      return delegate(real).getFileAttributeView(real, type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
        throws IOException {
      Path real = real(path);
      return delegate(real).readAttributes(real, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
        throws IOException {
      Path real = real(path);
      return delegate(real).readAttributes(real, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
      Path real = real(path);
      delegate(real).setAttribute(real, attribute, value, options);
    }
  }
}
