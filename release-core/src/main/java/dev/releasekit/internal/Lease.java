package dev.releasekit.internal;

import dev.releasekit.LeaseHeldException;
import dev.releasekit.PushRefusedException;
import dev.releasekit.ReleaseException;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.internal.Identities;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.git.internal.Merges;
import dev.releasekit.git.internal.StaleLocks;
import dev.releasekit.git.internal.Trees;
import dev.releasekit.spi.Sleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A run's lease on a release, so two runs of it (two CI jobs, or a person and CI) never write at once. The lease
 * is a ref on origin, {@code refs/releasekit-lease/<version>}, moved only by compare-and-swap pushes: each value is
 * a commit whose message names the holder (run id, host, process id and start) and when the lease expires. A run
 * takes it before its first write, renews it between steps when half its term is gone, and marks it released when
 * it ends. A holder that died is not waited for: on the same host its death is proved by its process, elsewhere
 * its lease expires.
 *
 * <p>Cost per run that writes: one ls-remote and, when the release was leased before, one fetch of that commit to
 * take it; one push to take and one to release; one more push per renewal, which only steps longer than half the
 * term cause. A run that the rehearsal shows has nothing to do takes no lease.
 */
public final class Lease {
  /** Long enough for any step between two renewals; a dead holder on another machine blocks for at most this. */
  public static final Duration TERM = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofSeconds(5);

  private final JGitWorkspace workspace;
  private final String version;
  private final String ref;
  private final Holder me;
  private final Clock clock;
  private ObjectId tip;
  private Instant expires;
  private boolean released;

  private Lease(JGitWorkspace workspace, String version, Holder me, ObjectId tip, Clock clock) {
    this.workspace = workspace;
    this.version = version;
    this.ref = ref(version);
    this.me = me;
    this.tip = tip;
    this.expires = me.expires();
    this.clock = clock;
  }

  public static String ref(String version) {
    return JGitWorkspace.LEASES + version;
  }

  /** Who held the release's lease last, as origin has it now; empty when it was never leased. */
  public static Optional<Holder> observe(JGitWorkspace workspace, String version) {
    return observe(workspace, version, workspace.origin()).map(Observed::holder);
  }

  /** Who held the lease in the snapshot {@code origin}; empty when it was never leased. */
  public static Optional<Holder> holder(JGitWorkspace workspace, String version, Origin origin) {
    return observe(workspace, version, origin).map(Observed::holder);
  }

  private record Observed(ObjectId id, Holder holder) {
  }

  private static Optional<Observed> observe(JGitWorkspace workspace, String version, Origin origin) {
    Optional<CommitId> current = origin.ref(ref(version));
    if (current.isEmpty()) {
      return Optional.empty();
    }
    ObjectId id = ObjectId.fromString(current.get().name());
    try (RevWalk walk = new RevWalk(workspace.repository())) {
      if (!workspace.repository().getObjectDatabase().has(id)) {
        workspace.fetchDetached(ref(version));
      }
      return Optional.of(new Observed(id, Holder.parse(walk.parseCommit(id).getFullMessage())));
    } catch (IOException e) {
      throw new ReleaseException("Cannot read the lease of " + version + " on origin (" + ref(version) + "): "
          + e.getMessage() + ". Fetch and run again.", e);
    }
  }

  /**
   * Takes the lease for {@code runId}, waiting up to {@code wait} (on {@code clock} and {@code sleeper}) for a
   * live holder to end; throws {@link LeaseHeldException} naming the holder when it does not. A wait is announced
   * to {@code waiting} once per holder, so a person at the terminal knows why nothing moves.
   */
  public static Lease take(JGitWorkspace workspace, String version, String runId, String host, Clock clock,
      Sleeper sleeper, Duration wait, java.util.function.Consumer<String> waiting) {
    Instant deadline = clock.instant().plus(wait);
    String announced = null;
    Optional<Path> localOrigin = workspace.localOriginGitDir();
    while (true) {
      Instant observedReal = Instant.now();
      Optional<Observed> current = observe(workspace, version, workspace.origin());
      Instant now = clock.instant();
      Optional<Holder> other = current.map(Observed::holder).filter(h -> h.live(now, host));
      if (other.isEmpty()) {
        Holder me = Holder.of(runId, host, now.plus(TERM), false);
        // Whatever locked a ref of this release before this moment belongs to a run that no longer holds it.
        localOrigin.ifPresent(dir -> StaleLocks.trust(dir, observedReal));
        try {
          ObjectId tip = write(workspace, version, current.map(Observed::id).orElse(null), me);
          workspace.tidyAfterDeadRuns(observedReal);
          return new Lease(workspace, version, me, tip, clock);
        } catch (PushRefusedException e) {
          localOrigin.ifPresent(StaleLocks::distrust);
          if (e.reason() != PushRefusedException.Reason.NON_FAST_FORWARD) {
            throw e;
          }
          continue;
        }
      }
      Holder holder = other.get();
      if (!now.isBefore(deadline)) {
        throw held(version, holder, wait);
      }
      Duration left = Duration.between(now, deadline);
      if (!holder.run().equals(announced)) {
        announced = holder.run();
        waiting.accept("waiting up to " + left + " for run " + holder.run() + " (process " + holder.pid() + " on "
            + holder.host() + ") to release its lease on " + version);
      }
      sleeper.sleep(left.compareTo(POLL) < 0 ? left : POLL);
    }
  }

  private static LeaseHeldException held(String version, Holder holder, Duration wait) {
    return new LeaseHeldException(version, holder.run(), holder.host(), holder.pid(), holder.expires(),
        "Another run of " + version + " is under way: run " + holder.run() + " (process " + holder.pid() + " on "
            + holder.host() + ") holds its lease on origin until " + holder.expires() + (wait.isZero() ? ""
            : ", after waiting " + wait) + ". Nothing was written. Let that run finish and run again (it will"
            + " find its work done), or give this one .waitForOtherRun(Duration) to wait for it; a holder that"
            + " died releases the lease when it expires.");
  }

  /** Renews the lease when half its term is gone; fails when another run took it over meanwhile. */
  public void renewIfDue() {
    Instant now = clock.instant();
    if (released || Duration.between(now, expires).compareTo(TERM.dividedBy(2)) > 0) {
      return;
    }
    move(Holder.of(me.run(), me.host(), now.plus(TERM), false));
    expires = now.plus(TERM);
  }

  /** Marks the lease released, so the next run takes it at once. A failure here only lets it expire. */
  public void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      move(Holder.of(me.run(), me.host(), clock.instant(), true));
    } catch (ReleaseException e) {
      // The lease then ends at its expiry; the run's own result must not be hidden by it.
    } finally {
      workspace.localOriginGitDir().ifPresent(StaleLocks::distrust);
    }
  }

  private void move(Holder next) {
    try {
      tip = write(workspace, version, tip, next);
    } catch (PushRefusedException e) {
      if (e.reason() != PushRefusedException.Reason.NON_FAST_FORWARD) {
        throw e;
      }
      Holder now = observe(workspace, version, workspace.origin()).map(Observed::holder).orElse(me);
      throw new LeaseHeldException(version, now.run(), now.host(), now.pid(), now.expires(), "This run's lease"
          + " on " + version + " expired and run " + now.run() + " (process " + now.pid() + " on " + now.host()
          + ") took it over, so this run stops before writing more. Steps done so far stay done; run again once"
          + " that run ends.");
    }
  }

  private static ObjectId write(JGitWorkspace workspace, String version, ObjectId parent, Holder holder) {
    try {
      var repo = workspace.repository();
      ObjectId tree = Trees.write(repo, null, Map.of());
      PersonIdent me = Identities.committer(repo);
      ObjectId commit = Merges.commit(repo, tree, parent == null ? List.of() : List.of(parent),
          holder.message(version), me, me);
      workspace.push(commit, ref(version), parent == null ? ObjectId.zeroId() : parent);
      return commit;
    } catch (IOException e) {
      throw new ReleaseException("Cannot write the lease of " + version + ": " + e.getMessage() + ". Check that"
          + " the repository is writable and run again.", e);
    }
  }

  public String run() {
    return me.run();
  }

  /** A lease's value: who holds it, until when, and whether it was released. */
  public record Holder(String run, String host, long pid, String processStart, Instant expires,
      boolean released) {

    static Holder of(String run, String host, Instant expires, boolean released) {
      ProcessHandle self = ProcessHandle.current();
      return new Holder(run, host, self.pid(), self.info().startInstant().map(Instant::toString).orElse(""),
          expires, released);
    }

    /** Whether this holder may still be writing: not released, not expired, and not provably dead here. */
    public boolean live(Instant now, String localHost) {
      return !released && now.isBefore(expires) && !provablyDead(localHost);
    }

    private boolean provablyDead(String localHost) {
      if (!host.equals(localHost)) {
        return false;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return true;
      }
      // A reused process id: the same number, another process.
      String start = process.get().info().startInstant().map(Instant::toString).orElse("");
      return !processStart.isEmpty() && !start.isEmpty() && !start.equals(processStart);
    }

    String message(String version) {
      return "releasekit lease on " + version + ": " + (released ? "released by" : "held by") + " run " + run
          + "\n\nrun: " + run + "\nhost: " + host + "\npid: " + pid + "\nprocess-start: " + processStart
          + "\nexpires: " + expires + "\nstate: " + (released ? "released" : "held") + "\n";
    }

    static Holder parse(String message) {
      Map<String, String> fields = new LinkedHashMap<>();
      message.lines().forEach(line -> {
        int colon = line.indexOf(": ");
        if (colon > 0 && !line.startsWith("releasekit lease")) {
          fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
        }
      });
      Instant expires;
      long pid;
      try {
        expires = Instant.parse(fields.getOrDefault("expires", ""));
        pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
      } catch (DateTimeParseException | NumberFormatException e) {
        // An unreadable lease cannot prove anyone holds it; it is treated as expired, never as live forever.
        return new Holder(fields.getOrDefault("run", "?"), fields.getOrDefault("host", "?"), -1, "", Instant.EPOCH,
            false);
      }
      return new Holder(fields.getOrDefault("run", "?"), fields.getOrDefault("host", "?"), pid,
          fields.getOrDefault("process-start", ""), expires, "released".equals(fields.get("state")));
    }
  }
}
