package dev.releasekit.spi;

import dev.releasekit.Change;
import dev.releasekit.Conventions;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.version.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a {@link Step} may touch. A step never builds a client of its own: its repository, the hosting, the
 * registry, the announcers, HTTP endpoints and time all come from here. In {@link dev.releasekit.Release#run()}
 * these are the real repository and services; in {@link dev.releasekit.Release#plan()} they are a sandbox clone, a
 * throwaway origin and overlays whose writes stay in memory, and time that never sleeps. Steps cannot tell the two
 * apart, by design.
 *
 * <pre>{@code
 * public StepResult apply(StepContext context) {
 *   PullRequest pr = context.result(ResultKey.RELEASE_PR).orElseThrow(...);   // from an earlier step, any repository
 *   String digest = context.await("posthog/posthog:release-1.31.0", deadline, Duration.ofSeconds(15),
 *       () -> context.registry().orElseThrow().digest("posthog/posthog:release-1.31.0"));
 *   ...
 * }
 * }</pre>
 */
public interface StepContext {

  /** The version being released. */
  Version version();

  /** The conventions of the step's repository. */
  Conventions conventions();

  /** The name of the step's repository within the release, such as {@code core} or {@code website}. */
  String repository();

  /** The step's git repository, its work tree and its origin. */
  Workspace workspace();

  /** The hosting of the step's repository (pull requests, milestones, releases). */
  Hosting hosting();

  /** The release's container registry: wired with {@code Release.withRegistry(...)}, or the one a step was built from. */
  Optional<ImageRegistry> registry();

  /** The release's announcers, in the order they were wired. */
  List<Announcer> announcers();

  /** The HTTP endpoint wired under {@code name}. */
  Optional<HttpEndpoint> endpoint(String name);

  /** The record of the run, kept in the git directory and on origin under {@code refs/releasekit/}. */
  Journal journal();

  /** Reports progress to the listeners, for steps that wait or loop. */
  void progress(String message);

  /** Records a change that is not a git write (git writes are recorded by the workspace itself). */
  void change(Change change);

  /** Environment variables handed to commands, merged over the process environment by the caller's choice. */
  Map<String, String> environment();

  /** The release's one clock: timestamps, deadlines. */
  Clock clock();

  /** The release's one sleeper; prefer {@link #await}, which a plan turns into a statement instead of a wait. */
  Sleeper sleeper();

  /**
   * The latest value an earlier step of this release produced for {@code key}: from the step's own repository
   * first, then from the others in the order they were declared. In a plan these are the rehearsed values.
   */
  <T> Optional<T> result(ResultKey<T> key);

  /** The latest value an earlier step of {@code repository} produced for {@code key}. */
  <T> Optional<T> result(String repository, ResultKey<T> key);

  /**
   * Waits until {@code probe} returns a value and returns it: checks at once, then after {@code firstInterval},
   * doubling up to four times that, reporting each wait as progress. Past {@code deadline} it throws a
   * {@link dev.releasekit.PreconditionException} that says what did not appear, so later steps do not run.
   *
   * <p>Inside a plan it never sleeps: a probe that succeeds now returns its value; otherwise the step ends as
   * WOULD_DO, "would wait up to 2h for {@code what} (not there yet)", and the plan goes on.
   */
  <T> T await(String what, Instant deadline, Duration firstInterval, Supplier<Optional<T>> probe);

  /**
   * Performs an effect that cannot be observed afterwards, at most once across runs, and never in a plan; see
   * {@link SideEffect}. Returns the step's result: DONE when performed now, ALREADY_DONE when an earlier run did.
   * Throws a {@link dev.releasekit.ConflictException} when an earlier run may or may not have performed it and
   * nothing can tell, naming the option that resolves it.
   */
  StepResult perform(SideEffect effect);

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
  CommandOutput exec(List<String> command, Map<String, String> environment);
}
