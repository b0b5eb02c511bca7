package dev.releasekit.docker.testing;

import dev.releasekit.Change;
import dev.releasekit.Conventions;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Journal;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StepContext} for running one step in a test: it records progress messages and changes, and hands out
 * the registry, workspace and hosting it was given.
 */
public final class RecordingContext implements StepContext {
  private final Version version;
  private final Clock clock;
  private ImageRegistry registry;
  private Workspace workspace;
  private Hosting hosting;
  private final List<String> progress = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<String> journal = new ArrayList<>();

  public RecordingContext(String version, Clock clock) {
    this.version = Version.parse(version);
    this.clock = clock;
  }

  public RecordingContext withRegistry(ImageRegistry wired) {
    this.registry = wired;
    return this;
  }

  public RecordingContext withWorkspace(Workspace wired) {
    this.workspace = wired;
    return this;
  }

  public RecordingContext withHosting(Hosting wired) {
    this.hosting = wired;
    return this;
  }

  public List<String> progressMessages() {
    return List.copyOf(progress);
  }

  public List<Change> changes() {
    return List.copyOf(changes);
  }

  @Override
  public Version version() {
    return version;
  }

  @Override
  public Conventions conventions() {
    return Conventions.postHog();
  }

  @Override
  public Workspace workspace() {
    if (workspace == null) {
      throw new IllegalStateException("no workspace wired in this test");
    }
    return workspace;
  }

  @Override
  public Hosting hosting() {
    if (hosting == null) {
      throw new IllegalStateException("no hosting wired in this test");
    }
    return hosting;
  }

  @Override
  public Optional<ImageRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  @Override
  public Journal journal() {
    return new Journal() {
      @Override
      public boolean contains(String key) {
        return journal.stream().anyMatch(line -> line.startsWith(key + "\t"));
      }

      @Override
      public void record(String key, String detail) {
        journal.add(key + "\t" + detail);
      }

      @Override
      public List<String> lines() {
        return List.copyOf(journal);
      }
    };
  }

  @Override
  public void progress(String message) {
    progress.add(message);
  }

  @Override
  public void change(Change change) {
    changes.add(change);
  }

  @Override
  public Map<String, String> environment() {
    return Map.of();
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
