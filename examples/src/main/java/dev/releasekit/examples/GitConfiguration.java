package dev.releasekit.examples;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * How the runnable jar has JGit read git's configuration: the files git reads, found without starting git. Left to
 * itself, JGit finds the system-wide file by running {@code git --version} and
 * {@code git config --system --show-origin --list -z}: two processes before the first repository opens. Call
 * {@link #install()} first thing in {@code main}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   GitConfiguration.install();
 *   ...
 * }
 * }</pre>
 *
 * <p>What is read, and why:
 * <ul>
 *   <li>the repository's own {@code .git/config}, always;</li>
 *   <li>the user's ({@code ~/.gitconfig}, {@code $XDG_CONFIG_HOME/git/config}), as JGit reads it: releasekit
 *       commits as the user's {@code user.name} and {@code user.email}, and {@code url.<base>.insteadOf} or
 *       {@code http.proxy} may decide whether a push reaches origin at all;</li>
 *   <li>the system-wide file, where git is built to read it: {@code $GIT_CONFIG_SYSTEM} when set; otherwise, for
 *       the {@code git} found on {@code PATH} in {@code <prefix>/bin}, {@code /etc/gitconfig} when the prefix is
 *       {@code /usr} and {@code <prefix>/etc/gitconfig} otherwise (git's own default); none when there is no git,
 *       as JGit does, or when {@code GIT_CONFIG_NOSYSTEM} is set, as git does. A git built with another
 *       {@code sysconfdir} is told with {@code GIT_CONFIG_SYSTEM}. On Windows JGit's own search is kept.</li>
 * </ul>
 *
 * <p>Why here and not in release-core: JGit's {@link SystemReader} is one per JVM. A library that replaced it
 * would change how its host application's own JGit reads configuration, so the library leaves it alone; the jar
 * owns its JVM and installs this reader at start. Tests isolate configuration their own way (the build points
 * {@code HOME} and {@code XDG_CONFIG_HOME} at the build folder and sets {@code GIT_CONFIG_NOSYSTEM}).
 */
public final class GitConfiguration {
  private GitConfiguration() {
  }

  /** Installs this reader over JGit's current one, once; a second call changes nothing. */
  public static synchronized void install() {
    SystemReader current = SystemReader.getInstance();
    if (!(current instanceof Reader)) {
      SystemReader.setInstance(new Reader(current));
    }
  }

  /** JGit's reader, but for where the system-wide file is; everything else is the reader it replaces. */
  // JGit keeps getCurrentTime and getTimezone abstract while deprecating them; the delegate answers them.
  @SuppressWarnings("deprecation")
  private static final class Reader extends SystemReader {
    private final SystemReader delegate;

    private Reader(SystemReader delegate) {
      this.delegate = delegate;
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      if (isWindows()) {
        return delegate.openSystemConfig(parent, fs);
      }
      Optional<File> file = systemConfigFile();
      if (file.isPresent()) {
        return new FileBasedConfig(parent, file.get(), fs);
      }
      return new FileBasedConfig(parent, null, fs) {
        @Override
        public void load() {
          // No system-wide file: nothing to read.
        }

        @Override
        public boolean isOutdated() {
          return false;
        }
      };
    }

    private Optional<File> systemConfigFile() {
      if (!isBlank(getenv("GIT_CONFIG_NOSYSTEM"))) {
        return Optional.empty();
      }
      String explicit = getenv("GIT_CONFIG_SYSTEM");
      if (!isBlank(explicit)) {
        return Optional.of(new File(explicit));
      }
      String path = getenv("PATH");
      if (isBlank(path)) {
        return Optional.empty();
      }
      for (String directory : path.split(File.pathSeparator)) {
        if (directory.isEmpty()) {
          continue;
        }
        Path bin = Path.of(directory).toAbsolutePath().normalize();
        if (Files.isExecutable(bin.resolve("git")) && bin.getParent() != null) {
          Path prefix = bin.getParent();
          return Optional.of(prefix.equals(Path.of("/usr")) ? new File("/etc/gitconfig")
              : prefix.resolve("etc").resolve("gitconfig").toFile());
        }
      }
      return Optional.empty();
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return delegate.openUserConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return delegate.openJGitConfig(parent, fs);
    }

    @Override
    public String getHostname() {
      return delegate.getHostname();
    }

    @Override
    public String getenv(String variable) {
      return delegate.getenv(variable);
    }

    @Override
    public String getProperty(String key) {
      return delegate.getProperty(key);
    }

    @Override
    public long getCurrentTime() {
      return delegate.getCurrentTime();
    }

    @Override
    public int getTimezone(long when) {
      return delegate.getTimezone(when);
    }

    @Override
    public java.time.Instant now() {
      return delegate.now();
    }

    @Override
    public org.eclipse.jgit.util.time.MonotonicClock getClock() {
      return delegate.getClock();
    }

    @Override
    public java.time.ZoneOffset getTimeZoneAt(java.time.Instant when) {
      return delegate.getTimeZoneAt(when);
    }

    @Override
    public java.util.TimeZone getTimeZone() {
      return delegate.getTimeZone();
    }

    @Override
    public java.time.ZoneId getTimeZoneId() {
      return delegate.getTimeZoneId();
    }
  }
}
