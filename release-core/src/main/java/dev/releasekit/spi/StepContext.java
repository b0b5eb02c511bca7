package dev.releasekit.spi;

import dev.releasekit.Change;
import dev.releasekit.Conventions;
import dev.releasekit.git.Workspace;
import dev.releasekit.version.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Step} may touch. In {@link dev.releasekit.Release#run()} these are the real repository and
 * services; in {@link dev.releasekit.Release#plan()} they are a sandbox clone, a throwaway origin and overlays
 * whose writes stay in memory. Steps cannot tell the two apart, by design.
 */
public interface StepContext {

  /** The version being released. */
  Version version();

  Conventions conventions();

  /** The git repository, its work tree and its origin. */
  Workspace workspace();

  /** The hosting of the repository (pull requests, milestones, releases). */
  Hosting hosting();

  /** The container registry, when one was wired with {@code Release.withRegistry(...)}. */
  Optional<ImageRegistry> registry();

  /** The record of the run, kept in the git directory and on origin under {@code refs/releasekit/}. */
  Journal journal();

  /** Reports progress to the listeners, for steps that wait or loop. */
  void progress(String message);

  /** Records a change that is not a git write (git writes are recorded by the workspace itself). */
  void change(Change change);

  /** Environment variables handed to commands, merged over the process environment by the caller's choice. */
  Map<String, String> environment();

  /** The clock every wait uses, so tests and plans never sleep for real. */
  Clock clock();

  /**
   * The release's one date, which every step that prints a date uses (a changelog heading, a patch release's notes
   * heading, a site's release date): {@code Release.date(LocalDate)} when given, else the day the run started in
   * the conventions' {@link Conventions#zone() zone}. This default reads the clock; the engine fixes it per run.
   */
  default LocalDate date() {
    return LocalDate.ofInstant(clock().instant(), conventions().zone());
  }

  /**
   * Runs a command in the work tree with {@code environment} added to the process's, capturing its output. Inside
   * a plan the engine records the command instead of running it.
   */
  default CommandOutput exec(List<String> command, Map<String, String> environment) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workspace().directory().toFile())
          .redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      return new CommandOutput(process.waitFor(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new dev.releasekit.PreconditionException("Cannot start " + command + ": " + e.getMessage()
          + ". Check the command exists and is executable.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.releasekit.StepFailedException(String.join(" ", command), "interrupted");
    }
  }
}
