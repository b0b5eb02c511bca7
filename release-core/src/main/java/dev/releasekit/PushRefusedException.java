package dev.releasekit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Origin refused a push, for a reason that is not a conflict of content. Each reason is its own outcome, with
 * origin's own answer kept verbatim (with any token masked) in {@link #originMessage()}:
 *
 * <pre>{@code
 * catch (PushRefusedException e) {
 *   switch (e.reason()) {
 *     case LOCKED -> e.lockFile().ifPresent(f -> System.err.println("check, then remove " + f));
 *     case NON_FAST_FORWARD -> System.err.println("someone pushed to " + e.ref() + "; run again");
 *     case HOOK, PERMISSION, OTHER -> System.err.println(e.originMessage());
 *   }
 * }
 * }</pre>
 *
 * <p>A non-fast-forward is answered inside the run: the step observes again once and then converges or blocks,
 * so it reaches the caller only when the branch keeps moving.
 */
public final class PushRefusedException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** Why origin refused. */
  public enum Reason {
    /** The ref is locked on origin: another writer holds it, or a dead process left its lock file. */
    LOCKED,
    /** The ref moved since releasekit observed it: someone pushed in between. */
    NON_FAST_FORWARD,
    /** A server-side hook (pre-receive, update, a protected-branch rule) declined the update. */
    HOOK,
    /** The credentials may read but not write this ref. */
    PERMISSION,
    /** Origin gave another reason; {@link #originMessage()} has it. */
    OTHER
  }

  private final Reason reason;
  private final String ref;
  private final String originMessage;
  private final String lockFile;

  public PushRefusedException(Reason reason, String ref, String originMessage, Path lockFile, String message) {
    super(message, null, null, List.of());
    this.reason = reason;
    this.ref = ref;
    this.originMessage = originMessage == null ? "" : originMessage;
    this.lockFile = lockFile == null ? null : lockFile.toString();
  }

  public Reason reason() {
    return reason;
  }

  /** The ref releasekit was updating, such as {@code refs/heads/release-0-57}. */
  public String ref() {
    return ref;
  }

  /** What origin answered, verbatim with any credential masked; empty when it said nothing. */
  public String originMessage() {
    return originMessage;
  }

  /** For a lock on a local origin, the lock file itself. */
  public Optional<Path> lockFile() {
    return Optional.ofNullable(lockFile).map(Path::of);
  }
}
