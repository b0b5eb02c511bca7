package dev.releasekit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar ({@code target/releasekit.jar}, built by the package phase) in a child process, with the
 * test's isolated home and no GitHub variables; it captures what the child prints.
 *
 * <pre>{@code
 * Tool.Result plan = Jar.run("plan", "ha-preparation", "--version", "0.57", "--core", core.toString());
 * }</pre>
 */
final class Jar {
  /** A safety net against a child that hangs; not a timing assertion. */
  private static final long WATCHDOG_MINUTES = 5;

  private Jar() {
  }

  static Path path() {
    Path jar = Path.of(System.getProperty("releasekit.jar", "target/releasekit.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: these tests run after the package phase (mvn verify).");
    }
    return jar;
  }

  static Tool.Result run(String... args) {
    return run(Map.of(), args);
  }

  /** The jar run with {@code environment} added to the test's own, less its GitHub and Slack variables. */
  static Tool.Result run(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + System.getProperty(
        "user.home"), "-jar", path().toString()));
    command.addAll(List.of(args));
    return start(command, environment, args);
  }

  /**
   * The jar through its launcher script ({@code examples/releasekit}), on this test's JVM, with {@code javaOptions}
   * in {@code RELEASEKIT_JAVA_OPTS}.
   */
  static Tool.Result launch(String javaOptions, String... args) {
    List<String> command = new ArrayList<>(List.of("sh", Path.of("releasekit").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return start(command, Map.of("JAVA_HOME", System.getProperty("java.home"), "RELEASEKIT_JAR",
        path().toAbsolutePath().toString(), "RELEASEKIT_JAVA_OPTS", "-Duser.home=" + System.getProperty("user.home")
            + " " + javaOptions), args);
  }

  private static Tool.Result start(List<String> command, Map<String, String> environment, String... args) {
    ProcessBuilder builder = new ProcessBuilder(command);
    List.of("GITHUB_TOKEN", "GITHUB_ACTIONS", "GITHUB_API_URL", "GITHUB_SERVER_URL", "SLACK_BOT_TOKEN")
        .forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String out = read(process.getInputStream());
      if (!process.waitFor(WATCHDOG_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("releasekit " + String.join(" ", args) + " did not end");
      }
      return new Tool.Result(process.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
