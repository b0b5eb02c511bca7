package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.ReleaseException;
import dev.releasekit.Report;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Announcer;
import dev.releasekit.testing.ChaosFlow.Wiring;
import java.nio.file.Path;
import java.util.Map;

/** Runs a {@link ChaosFlow}'s phases in the test's own process, as a person runs them again after a crash. */
public final class FlowRunner {
  public static final String COMPLETED = "COMPLETED";

  private FlowRunner() {
  }

  /** How one run ended: COMPLETED or the thrown exception's simple name, the run's id when known, the failure. */
  public record Outcome(String name, String runId, Throwable failure) {
    public String describe() {
      return failure == null ? name : name + ": " + firstLine(failure.getMessage());
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** Runs {@code release}; never throws. */
  public static Outcome run(Release release) {
    try {
      Report report = release.run();
      return new Outcome(COMPLETED, report.runId(), null);
    } catch (ReleaseException e) {
      return new Outcome(e.getClass().getSimpleName(), e.report().map(Report::runId).orElse(""), e);
    } catch (RuntimeException e) {
      return new Outcome(e.getClass().getSimpleName(), "", e);
    }
  }

  /** The repositories' clones and their plain hostings (no traps), with the flow's fixed web addresses. */
  public static Wiring plain(ChaosFlow flow, Map<String, Instruments.Repo> repos) {
    return new Wiring() {
      @Override
      public Path workTree(String repository) {
        return repos.get(repository).workTree();
      }

      @Override
      public LocalHosting hosting(String repository) {
        return Instruments.webUrls(flow, repository, LocalHosting.forOrigin(repos.get(repository).origin()));
      }

      @Override
      public Announcer announcer(String repository) {
        return new FileAnnouncer(FileAnnouncer.channelOf(repos.get(repository).origin()), line -> { }, 0);
      }
    };
  }
}
