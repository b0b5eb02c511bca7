package dev.releasekit.internal;

import dev.releasekit.Conventions;
import dev.releasekit.git.Origin;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.git.internal.StaleLocks;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.version.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every service a release's steps touch, resolved once per run: per repository its workspace, hosting and
 * journal; for the release its registry, announcers, endpoints and time. {@link #rehearsal(String, String)} derives the
 * plan's copy, in which every repository is a sandbox and every service sits behind an overlay; closing that copy
 * deletes its sandboxes. The real services are never closed here: their owner is the engine.
 */
public final class ReleaseServices implements AutoCloseable {

  /**
   * One repository of the release, with what it is hosted on and where its journal goes. The hosting is found
   * (or, in a plan, wrapped in its overlay) the first time a step asks for it, so a release whose steps never
   * touch the hosting never starts its provider: no HTTP client, JSON adapters or logging set up for nothing.
   */
  public record Repository(String name, Version version, Conventions conventions, JGitWorkspace workspace,
      Supplier<Hosting> hostingSource, GitJournal journal) {

    public Repository {
      hostingSource = once(hostingSource);
    }

    /** The hosting, resolved on the first call and the same one afterwards. */
    public Hosting hosting() {
      return hostingSource.get();
    }

    /**
     * The hosting if a step has asked for it already, else empty: what is checked or masked after the steps must
     * not start a provider that no step needed.
     */
    public Optional<Hosting> resolvedHosting() {
      return ((Once<Hosting>) hostingSource).ifResolved();
    }

    Repository withJournal(GitJournal journal) {
      return new Repository(name, version, conventions, workspace, hostingSource, journal);
    }
  }

  /** {@code source}, asked at most once; the same supplier when it already is such. */
  private static <T> Supplier<T> once(Supplier<T> source) {
    if (source instanceof Once<T>) {
      return source;
    }
    return new Once<>(source);
  }

  private static final class Once<T> implements Supplier<T> {
    private Supplier<T> source;
    private T value;

    Once(Supplier<T> source) {
      this.source = source;
    }

    synchronized Optional<T> ifResolved() {
      return source == null ? Optional.ofNullable(value) : Optional.empty();
    }

    @Override
    public synchronized T get() {
      if (source != null) {
        value = source.get();
        source = null;
      }
      return value;
    }
  }

  private final Map<String, Repository> repositories;
  private final Optional<ImageRegistry> registry;
  private final List<Announcer> announcers;
  private final Map<String, HttpEndpoint> endpoints;
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean rehearsal;
  private final List<AutoCloseable> owned;

  public ReleaseServices(Map<String, Repository> repositories, Optional<ImageRegistry> registry,
      List<Announcer> announcers, Map<String, HttpEndpoint> endpoints, Clock clock, Sleeper sleeper) {
    this(repositories, registry, announcers, endpoints, clock, sleeper, false, List.of());
  }

  private ReleaseServices(Map<String, Repository> repositories, Optional<ImageRegistry> registry,
      List<Announcer> announcers, Map<String, HttpEndpoint> endpoints, Clock clock, Sleeper sleeper,
      boolean rehearsal, List<AutoCloseable> owned) {
    this.repositories = new LinkedHashMap<>(repositories);
    this.registry = registry;
    this.announcers = List.copyOf(announcers);
    this.endpoints = new LinkedHashMap<>(endpoints);
    this.clock = clock;
    this.sleeper = sleeper;
    this.rehearsal = rehearsal;
    this.owned = List.copyOf(owned);
  }

  /**
   * The plan's copy: each repository becomes a sandbox (a throwaway origin and clone that borrow its objects), its
   * hosting an {@link OverlayHosting} over the same resolved hosting (so clients, caches and ETags are shared with
   * the run), the registry an {@link OverlayRegistry}, announcers and endpoints recording overlays, and time
   * {@link VirtualTime}, which never sleeps.
   */
  public ReleaseServices rehearsal(String runId, String host) {
    VirtualTime time = new VirtualTime(clock);
    List<AutoCloseable> opened = new ArrayList<>();
    Map<String, Repository> copies = new LinkedHashMap<>();
    try {
      for (Repository real : repositories.values()) {
        Instant observed = Instant.now();
        Origin snapshot = real.workspace().origin();
        Map<String, String> refs = new LinkedHashMap<>(snapshot.refs());
        refs.keySet().removeIf(name -> name.startsWith(JGitWorkspace.LEASES));
        Sandbox sandbox = Sandbox.of(real.workspace(), refs);
        opened.add(sandbox);
        // The plan meets origin's ref locks where the run would, and may remove them in its sandbox exactly when
        // the run would: when no live run holds the release's lease.
        real.workspace().localOriginGitDir().ifPresent(dir -> {
          StaleLocks.copyLocks(dir, sandbox.origin());
          StaleLocks.alias(sandbox.origin(), dir);
        });
        opened.add(() -> StaleLocks.distrust(sandbox.origin()));
        boolean leaseFree = Lease.holder(real.workspace(), real.version().toString(), snapshot)
            .map(h -> !h.live(clock.instant(), host)).orElse(true);
        if (leaseFree) {
          StaleLocks.trust(sandbox.origin(), observed);
        }
        JGitWorkspace clone = JGitWorkspace.open(sandbox.clone(), null);
        opened.add(clone);
        clone.originInProcess(sandbox.openOrigin());
        clone.pauseWith(time::sleep);
        Supplier<Hosting> overlay = () -> new OverlayHosting(real.hosting(), sandbox::openOrigin, time,
            time::sleep);
        GitJournal journal = GitJournal.rehearsal(clone, real.version().toString(), runId, time);
        copies.put(real.name(), new Repository(real.name(), real.version(), real.conventions(), clone, overlay,
            journal));
      }
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
    Map<String, HttpEndpoint> overlaidEndpoints = new LinkedHashMap<>();
    endpoints.forEach((name, endpoint) -> overlaidEndpoints.put(name, new Overlays.RecordingEndpoint(endpoint)));
    return new ReleaseServices(copies, registry.map(OverlayRegistry::new),
        announcers.stream().map(a -> (Announcer) new Overlays.RecordingAnnouncer(a)).toList(), overlaidEndpoints,
        time, time, true, opened);
  }

  /** This copy with a journal on each repository's origin, for the run. */
  public ReleaseServices withJournals(String runId) {
    Map<String, Repository> copies = new LinkedHashMap<>();
    for (Repository repository : repositories.values()) {
      copies.put(repository.name(), repository.withJournal(new GitJournal(repository.workspace(),
          repository.version().toString(), runId, clock)));
    }
    return new ReleaseServices(copies, registry, announcers, endpoints, clock, sleeper, rehearsal, owned);
  }

  public Repository repository(String name) {
    return repositories.get(name);
  }

  public List<Repository> repositories() {
    return List.copyOf(repositories.values());
  }

  public Optional<ImageRegistry> registry() {
    return registry;
  }

  public List<Announcer> announcers() {
    return announcers;
  }

  public Optional<HttpEndpoint> endpoint(String name) {
    return Optional.ofNullable(endpoints.get(name));
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  /** Whether this is a plan's copy. */
  public boolean isRehearsal() {
    return rehearsal;
  }

  @Override
  public void close() {
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // A sandbox that cannot be deleted is a leftover temp folder; it must not hide the plan's result.
      }
    }
  }
}
