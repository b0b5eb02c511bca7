package dev.releasekit.testing;

import dev.releasekit.ReleaseListener;
import dev.releasekit.StepResult;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Announcer;
import dev.releasekit.testing.ChaosFlow.Repository;
import dev.releasekit.testing.ChaosFlow.Wiring;
import dev.releasekit.testing.KillPoint.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Everything a chaos run observes, and where it stops: the origin push trap, the hosting store trap and a listener,
 * reporting each event ({@code START k}, {@code STEP k <outcome>}, {@code PICK n}, {@code REF n <ref>},
 * {@code STORE n <method>}, {@code POST n <channel>}) to one sink. In a child the sink prints and the kill point parks; in the test's own
 * process, with {@link KillPoint#NONE}, the same instruments count an uninterrupted reference run's kill points.
 */
public final class Instruments implements AutoCloseable {
  private final ChaosFlow flow;
  private final Map<String, Repo> repositories;
  private final KillPoint kill;
  private final Consumer<String> events;
  private final BufferedReader release;
  private final OriginPushTrap pushes;
  private final StoreWriteTrap stores;
  private final AtomicInteger picks = new AtomicInteger();
  private final Map<String, Announcer> announcers = new java.util.concurrent.ConcurrentHashMap<>();

  /** A repository of a flow, as folders: the clone and its bare origin. */
  public record Repo(Path workTree, Path origin) {
  }

  /**
   * Instruments for {@code flow} over {@code repositories}; {@code release} is read when a race holds a step or
   * waits at the start barrier (null when none is expected).
   */
  public Instruments(ChaosFlow flow, Map<String, Repo> repositories, KillPoint kill, Consumer<String> events,
      BufferedReader release) {
    this.flow = flow;
    this.repositories = new LinkedHashMap<>(repositories);
    this.kill = kill;
    this.events = events;
    this.release = release;
    this.pushes = OriginPushTrap.install(repositories.values().stream().map(Repo::origin).toList(),
        kill.kind() == Kind.REF ? kill.n() : 0, events);
    this.stores = new StoreWriteTrap(kill.kind() == Kind.STORE ? kill.n() : 0, events);
  }

  /** The folders of a sandbox's repositories. */
  public static Map<String, Repo> of(ChaosFlow.Sandbox sandbox) {
    Map<String, Repo> repos = new LinkedHashMap<>();
    sandbox.fixtures().forEach((name, fixture) -> repos.put(name, new Repo(fixture.workTree(), fixture.origin())));
    return repos;
  }

  /** Hostings whose store is seen through the store trap, with the flow's fixed web addresses. */
  public Wiring wiring() {
    return new Wiring() {
      @Override
      public Path workTree(String repository) {
        return repositories.get(repository).workTree();
      }

      @Override
      public LocalHosting hosting(String repository) {
        Path origin = repositories.get(repository).origin();
        return webUrls(flow, repository, LocalHosting.open(stores.wrap(origin.resolve("releasekit-hosting")),
            origin));
      }

      @Override
      public Announcer announcer(String repository) {
        return announcers.computeIfAbsent(repository, r -> new FileAnnouncer(FileAnnouncer.channelOf(
            repositories.get(r).origin()), events, kill.kind() == Kind.POST ? kill.n() : 0));
      }
    };
  }

  static LocalHosting webUrls(ChaosFlow flow, String repository, LocalHosting hosting) {
    Repository repo = flow.repositories().stream().filter(r -> r.name().equals(repository)).findFirst()
        .orElseThrow();
    return hosting.withWebUrls(repo.webUrl(), "https://github.com/");
  }

  public ReleaseListener listener() {
    return new ReleaseListener() {
      @Override
      public void stepStarted(int index, String description) {
        events.accept("START " + index + " " + description);
        if (kill.is(Kind.TIMED, index)) {
          events.accept("STARTED " + index);
        } else if (kill.is(Kind.HOLD, index)) {
          events.accept("HELD " + index);
          awaitRelease();
        }
      }

      @Override
      public void progress(int index, String message) {
        if (index == 0 && message.startsWith("waiting ")) {
          events.accept("WAITING " + message);
        }
        if (message.startsWith("picking ")) {
          int n = picks.incrementAndGet();
          events.accept("PICK " + n + " " + message);
          if (kill.is(Kind.PICK, n)) {
            events.accept("PARKED pick " + n + " " + message);
            Park.forever();
          }
        }
      }

      @Override
      public void stepFinished(int index, StepResult result) {
        events.accept("STEP " + index + " " + result.outcome());
        if (kill.is(Kind.STEP, index)) {
          events.accept("PARKED step " + index);
          Park.forever();
        }
      }
    };
  }

  /** Waits for the test to release a barrier or a held step: one line on standard input. */
  public void awaitRelease() {
    try {
      release.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }




  @Override
  public void close() {
    pushes.close();
  }
}
