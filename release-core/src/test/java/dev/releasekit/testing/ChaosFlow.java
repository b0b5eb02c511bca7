package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Announcer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A whole release process as a test sees it: the repositories it starts from, then phases in order, each either a
 * run of releasekit (a {@link Release}, which may be expected to stop, as release day stops at a cherry-pick
 * conflict) or other people's work between runs (pull requests landing, a conflict resolved by hand). A release
 * phase is built from folders and hostings only, so a child process can run it; other people's work happens in the
 * test's process, on the fixtures.
 *
 * <p>The flows themselves are {@link ChaosFlows}; {@link FlowRunner} runs them in-process and {@link ChaosChild} runs
 * one phase in a child JVM with a kill point.
 */
public final class ChaosFlow {
  private final String name;
  private final List<Repository> repositories;
  private final Function<Path, Sandbox> create;
  private final List<Phase> phases;

  ChaosFlow(String name, List<Repository> repositories, Function<Path, Sandbox> create, List<Phase> phases) {
    this.name = name;
    this.repositories = List.copyOf(repositories);
    this.create = create;
    this.phases = List.copyOf(phases);
  }

  public String name() {
    return name;
  }

  public List<Repository> repositories() {
    return repositories;
  }

  public List<Phase> phases() {
    return phases;
  }

  /** Phase {@code index}, counted from 1. */
  public Phase phase(int index) {
    return phases.get(index - 1);
  }

  /** A fresh start for this flow in {@code directory}. */
  public Sandbox create(Path directory) {
    return create.apply(directory);
  }

  @Override
  public String toString() {
    return name;
  }

  /** A repository of the flow, with the web address its hosting uses so notes are the same bytes anywhere. */
  public record Repository(String name, String webUrl) {
  }

  /** What a release phase is built from: each repository's clone and hosting, and the channel it posts to. */
  public interface Wiring {
    Path workTree(String repository);

    LocalHosting hosting(String repository);

    /** A channel kept in {@code repository}'s origin folder ({@link FileAnnouncer}). */
    Announcer announcer(String repository);
  }

  /**
   * One phase: a release to run ({@link #release}), expected to complete or to stop with the exception named
   * {@link #stopsWith}, or other people's work ({@link #world}).
   */
  public record Phase(String name, Function<Wiring, Release> release, String stopsWith, Consumer<Sandbox> world) {
    public static Phase run(String name, Function<Wiring, Release> release) {
      return new Phase(name, release, null, null);
    }

    public static Phase runStoppingWith(String name, Function<Wiring, Release> release, String exception) {
      return new Phase(name, release, exception, null);
    }

    public static Phase world(String name, Consumer<Sandbox> change) {
      return new Phase(name, null, null, change);
    }

    public boolean isRelease() {
      return release != null;
    }

    /** What a run of this phase prints when it ends as expected: COMPLETED, or the exception's simple name. */
    public String expectedOutcome() {
      return stopsWith == null ? FlowRunner.COMPLETED : stopsWith;
    }
  }

  /** A flow's repositories in one folder, with the fixtures other people's work is seeded through. */
  public static final class Sandbox {
    private final Path directory;
    private final Map<String, GitFixture> fixtures;
    private final Map<Class<?>, Object> state = new LinkedHashMap<>();

    Sandbox(Path directory, Map<String, GitFixture> fixtures) {
      this.directory = directory;
      this.fixtures = Map.copyOf(fixtures);
    }

    public Path directory() {
      return directory;
    }

    public GitFixture fixture(String repository) {
      return Objects.requireNonNull(fixtures.get(repository), repository);
    }

    public Map<String, GitFixture> fixtures() {
      return fixtures;
    }

    /** Scenario objects that one phase of other people's work hands to a later one. */
    public <T> void put(Class<T> type, T value) {
      state.put(type, value);
    }

    public <T> T get(Class<T> type) {
      return type.cast(Objects.requireNonNull(state.get(type), type.getSimpleName()));
    }
  }
}
