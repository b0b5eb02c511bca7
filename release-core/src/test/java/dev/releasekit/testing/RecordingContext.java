package dev.releasekit.testing;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.Conventions;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.internal.Waits;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.CommandOutput;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Journal;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link StepContext} for testing one step outside a release, for this project's tests and for authors of
 * their own steps (as OkHttp's users have MockWebServer): it hands out what it was given, keeps the journal in
 * memory, records progress, changes, side effects and commands, and waits on the clock it was given (a
 * {@link FakeTime} never really sleeps).
 *
 * <pre>{@code
 * RecordingContext context = new RecordingContext("1.31.0", time).withRegistry(registry);
 * StepResult result = registry.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(1)).apply(context);
 * assertThat(context.progressMessages()).hasSize(3);
 * }</pre>
 */
public final class RecordingContext implements StepContext {
  private final Version version;
  private final Clock clock;
  private final Sleeper sleeper;
  private Conventions conventions = Conventions.postHog();
  private ImageRegistry registry;
  private Workspace workspace;
  private Hosting hosting;
  private final List<Announcer> announcers = new ArrayList<>();
  private final Map<String, HttpEndpoint> endpoints = new LinkedHashMap<>();
  private final Map<ResultKey<?>, Object> results = new LinkedHashMap<>();
  private final List<String> progress = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<String> performed = new ArrayList<>();
  private final List<Journal.Entry> journal = new ArrayList<>();

  public RecordingContext(String version, Clock clock) {
    this.version = Version.parse(version);
    this.clock = clock;
    this.sleeper = clock instanceof Sleeper own ? own : Sleeper.system();
  }

  public RecordingContext withConventions(Conventions wired) {
    this.conventions = wired;
    return this;
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

  public RecordingContext withAnnouncer(Announcer wired) {
    announcers.add(wired);
    return this;
  }

  public RecordingContext withEndpoint(HttpEndpoint wired) {
    endpoints.put(wired.name(), wired);
    return this;
  }

  /** A result an earlier step would have produced. */
  public <T> RecordingContext withResult(ResultKey<T> key, T value) {
    results.put(key, value);
    return this;
  }

  public List<String> progressMessages() {
    return List.copyOf(progress);
  }

  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The keys of the side effects performed, in order. */
  public List<String> performedEffects() {
    return List.copyOf(performed);
  }

  @Override
  public Version version() {
    return version;
  }

  @Override
  public Conventions conventions() {
    return conventions;
  }

  @Override
  public String repository() {
    return "test";
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
  public List<Announcer> announcers() {
    return List.copyOf(announcers);
  }

  @Override
  public Optional<HttpEndpoint> endpoint(String name) {
    return Optional.ofNullable(endpoints.get(name));
  }

  @Override
  public Journal journal() {
    return new Journal() {
      @Override
      public Optional<Entry> latest(String key) {
        for (int i = journal.size() - 1; i >= 0; i--) {
          if (journal.get(i).key().equals(key)) {
            return Optional.of(journal.get(i));
          }
        }
        return Optional.empty();
      }

      @Override
      public void record(String key, String state, String detail) {
        journal.add(new Entry(key, state, detail, clock.instant(), "test"));
      }

      @Override
      public List<Entry> entries() {
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

  @Override
  public Sleeper sleeper() {
    return sleeper;
  }

  @Override
  public <T> Optional<T> result(ResultKey<T> key) {
    return Optional.ofNullable(results.get(key)).map(key::cast);
  }

  @Override
  public <T> Optional<T> result(String repository, ResultKey<T> key) {
    return result(key);
  }

  @Override
  public <T> T await(String what, Instant deadline, Duration firstInterval, Supplier<Optional<T>> probe) {
    return Waits.await(what, deadline, firstInterval, clock, sleeper, this::progress, probe);
  }

  /** Performs at most once per key, as a run does; an intent without an end blocks unless the check decides. */
  @Override
  public StepResult perform(SideEffect effect) {
    Journal journal = journal();
    Optional<Journal.Entry> latest = journal.latest("effect:" + effect.key());
    if (latest.isPresent() && latest.get().state().equals("done")) {
      return StepResult.alreadyDone(effect.description() + ": done earlier");
    }
    if (latest.isPresent() && latest.get().state().equals("intent")) {
      SideEffect.Status status = effect.check().map(SideEffect.Check::check).orElse(SideEffect.Status.UNKNOWN);
      if (status == SideEffect.Status.PERFORMED) {
        journal.record("effect:" + effect.key(), "done", "found");
        return StepResult.alreadyDone(effect.description() + ": found");
      }
      if (status == SideEffect.Status.UNKNOWN) {
        throw new ConflictException(effect.description() + " may have happened; check " + effect.where());
      }
    }
    journal.record("effect:" + effect.key(), "intent", effect.description());
    String receipt;
    try {
      receipt = effect.action().perform();
    } catch (SideEffect.NotPerformedException e) {
      journal.record("effect:" + effect.key(), "failed", e.getMessage());
      throw e;
    }
    performed.add(effect.key());
    journal.record("effect:" + effect.key(), "done", receipt);
    return StepResult.done(effect.description());
  }

  @Override
  public CommandOutput exec(List<String> command, Map<String, String> environment) {
    throw new IllegalStateException("commands are not run by the recording context: " + command);
  }
}
