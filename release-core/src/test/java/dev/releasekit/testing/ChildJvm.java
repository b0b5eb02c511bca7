package dev.releasekit.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM on the test's class path whose output is captured, never printed: a test reads it line by line to
 * find a marker, and shows all of it only when something fails. Started with flags for a short-lived process (C1
 * only, serial GC), since the chaos suites start many.
 */
public final class ChildJvm implements AutoCloseable {
  /** A safety net against a child that never reaches its marker; not a timing assertion. */
  private static final long WATCHDOG_SECONDS = 300;
  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer output = new StringBuffer();
  private final Writer stdin;

  private ChildJvm(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.append(line).append('\n');
          lines.add(line);
        }
      } catch (IOException e) {
        output.append("(output lost: ").append(e.getMessage()).append(")\n");
      } finally {
        lines.add(EOF);
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static ChildJvm start(Class<?> main, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
        "-Xmx256m", "-Duser.home=" + System.getProperty("user.home"), "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(arguments);
    try {
      return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first line from now on that matches, or null if the child ended (or the watchdog fired) first. */
  public String await(Predicate<String> marker) {
    try {
      while (true) {
        String line = lines.poll(WATCHDOG_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
          output.append("(watchdog: no output for ").append(WATCHDOG_SECONDS).append(" s)\n");
          return null;
        }
        if (line.equals(EOF)) {
          lines.add(EOF);
          return null;
        }
        if (marker.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The first line from now on that starts with {@code prefix}, or null. */
  public String awaitPrefix(String prefix) {
    return await(line -> line.startsWith(prefix));
  }

  /** Sends one line to the child's standard input (a barrier or a held step lets go). */
  public void send(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      // The child has ended; its outcome says why.
    }
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook, no finally block runs. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  public int waitFor() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }


  public long pid() {
    return process.pid();
  }

  /** Everything the child printed so far. */
  public String output() {
    return output.toString();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
