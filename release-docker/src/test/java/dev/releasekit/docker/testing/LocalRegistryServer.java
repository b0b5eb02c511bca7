package dev.releasekit.docker.testing;

import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 with a port the system picks, storing in a
 * folder, optionally behind htpasswd basic auth. Used by the tests' registry fixture and by the retag benchmark in
 * {@code examples}, which depends on this test-jar. The chosen port is read from the registry's log
 * ("listening on ...").
 */
public final class LocalRegistryServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern ACCESS = Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) ");

  private final Process process;
  private final List<String> log = new ArrayList<>();
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile String host;

  private LocalRegistryServer(Process process) {
    this.process = process;
  }

  /** Starts a registry storing in {@code directory}; with {@code htpasswd}, every request needs basic auth. */
  public static LocalRegistryServer start(Path directory, Optional<Path> htpasswd) {
    Path binary = binary();
    try {
      Files.createDirectories(directory.resolve("storage"));
      StringBuilder config = new StringBuilder()
          .append("version: 0.1\n")
          .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
          .append("storage:\n  filesystem:\n    rootdirectory: ").append(directory.resolve("storage")).append('\n')
          .append("  delete:\n    enabled: false\n")
          .append("http:\n  addr: 127.0.0.1:0\n  secret: releasekit-local-registry\n");
      if (htpasswd.isPresent()) {
        config.append("auth:\n  htpasswd:\n    realm: releasekit\n    path: ").append(htpasswd.get()).append('\n');
      }
      Path file = directory.resolve("config.yml");
      Files.writeString(file, config.toString());
      Process process = new ProcessBuilder(binary.toString(), "serve", file.toString())
          .redirectErrorStream(true).start();
      LocalRegistryServer server = new LocalRegistryServer(process);
      server.follow();
      if (!server.listening.await(30, TimeUnit.SECONDS) || server.host == null) {
        process.destroy();
        throw new ReleaseException("docker-registry did not report its port within 30s. Its log:\n"
            + String.join("\n", server.log()));
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReleaseException("Interrupted while starting docker-registry.", e);
    }
  }

  private static Path binary() {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "docker-registry"))) {
        return Path.of(dir, "docker-registry");
      }
    }
    throw new PreconditionException("docker-registry is not installed. Install Debian's package:"
        + " apt-get install -y docker-registry");
  }

  private void follow() {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (log) {
            log.add(line);
            log.notifyAll();
          }
          Matcher matcher = LISTENING.matcher(line);
          if (host == null && matcher.find()) {
            host = "127.0.0.1:" + matcher.group(1);
            listening.countDown();
          }
        }
      } catch (IOException ignored) {
        // the process ended
      } finally {
        listening.countDown();
      }
    }, "docker-registry-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    return host;
  }

  /** Everything the registry logged so far. */
  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** The requests the access log recorded so far, as {@code "GET /v2/... 200"}. */
  public List<String> requests() {
    List<String> requests = new ArrayList<>();
    for (String line : log()) {
      Matcher matcher = ACCESS.matcher(line);
      if (matcher.find() && !line.contains("level=")) {
        requests.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3));
      }
    }
    return requests;
  }

  /**
   * Waits until the access log holds at least {@code count} requests: it is written just after each answer, so a
   * client can be a moment ahead of it.
   */
  public List<String> awaitRequests(int count, long timeoutMillis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (log) {
      while (requests().size() < count) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          break;
        }
        try {
          log.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return requests();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
