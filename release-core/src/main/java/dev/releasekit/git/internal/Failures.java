package dev.releasekit.git.internal;

import dev.releasekit.ReleaseException;

/** The failures of git I/O itself (a damaged repository, a full disk), worded once with what to do next. */
public final class Failures {
  private Failures() {
  }

  /** {@code what} failed reading or writing the repository; nothing was pushed by the failing call. */
  public static ReleaseException io(String what, Exception e) {
    return new ReleaseException("Cannot " + what + ": " + e.getMessage() + ". Nothing was pushed. Check that the"
        + " repository is intact (git fsck) and the disk has room, then run again.", e);
  }
}
