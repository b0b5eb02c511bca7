package dev.releasekit.testing;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Leases on a fixture's origin, written with the git CLI as another run on another machine would leave them: the
 * format is the one documented in the README (a commit on {@code refs/releasekit-lease/<version>} whose message
 * names the holder), so these tests also pin it.
 */
public final class Leases {
  private Leases() {
  }

  public static String ref(String version) {
    return "refs/releasekit-lease/" + version;
  }

  /** Moves the lease of {@code version} to a holder that releasekit did not write in this JVM. */
  public static void forge(GitFixture fixture, String version, String run, String host, long pid, Instant expires,
      boolean released) {
    Path origin = fixture.origin();
    String message = "releasekit lease on " + version + ": " + (released ? "released by" : "held by") + " run " + run
        + "\n\nrun: " + run + "\nhost: " + host + "\npid: " + pid + "\nprocess-start: \nexpires: " + expires
        + "\nstate: " + (released ? "released" : "held") + "\n";
    String tree = git(origin, null, "hash-object", "-t", "tree", "-w", "--stdin");
    String parent = tip(fixture, version);
    String commit = parent.isEmpty() ? git(origin, message, "commit-tree", tree)
        : git(origin, message, "commit-tree", tree, "-p", parent);
    git(origin, null, "update-ref", ref(version), commit);
  }

  /** The lease's commit on origin, or empty when the release was never leased. */
  public static String tip(GitFixture fixture, String version) {
    return fixture.allOriginRefs().getOrDefault(ref(version), "");
  }

  /** How many times the lease was written: takes, renewals and releases. */
  public static int writes(GitFixture fixture, String version) {
    String tip = tip(fixture, version);
    return tip.isEmpty() ? 0 : Integer.parseInt(git(fixture.origin(), null, "rev-list", "--count", tip));
  }

  /** The message of the lease's current commit. */
  public static String current(GitFixture fixture, String version) {
    return git(fixture.origin(), null, "log", "-1", "--format=%B", ref(version));
  }

  private static String git(Path directory, String stdin, String... args) {
    return FastImport.Git.gitWithInput(directory, stdin == null ? "" : stdin, args);
  }
}
