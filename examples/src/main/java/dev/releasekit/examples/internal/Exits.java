package dev.releasekit.examples.internal;

import static dev.releasekit.examples.ReleaseKit.BLOCKED;
import static dev.releasekit.examples.ReleaseKit.DONE;
import static dev.releasekit.examples.ReleaseKit.INTERNAL_ERROR;
import static dev.releasekit.examples.ReleaseKit.NEEDS_A_PERSON;
import static dev.releasekit.examples.ReleaseKit.REMOTE_FAILED;
import static dev.releasekit.examples.ReleaseKit.USAGE;

import dev.releasekit.CherryPickConflictException;
import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Precondition;
import dev.releasekit.PreconditionException;
import dev.releasekit.RemoteException;
import dev.releasekit.StepResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;

/** The exit codes, and the one line that says why a command ended with one. */
final class Exits {
  static final String HELP = "Exit codes:%n"
      + "  0   done, or nothing to do%n"
      + "  2   blocked before any write: a precondition or a contradiction%n"
      + "  3   needs a person: a cherry-pick conflicts; the picks before it landed%n"
      + "  4   a remote service failed (its service and request id are printed)%n"
      + "  64  bad usage%n"
      + "  1   an internal error";

  /** The simple names a plan's BLOCKED step carries for a remote failure. */
  private static final Set<String> REMOTE = Set.of("RemoteException", "AuthenticationException",
      "RateLimitException");

  private Exits() {
  }

  /** What a plan says a run would meet: a step or a precondition that blocks, a conflict to resolve, or none. */
  static int of(Plan plan, PrintWriter err) {
    Optional<Precondition> failing = plan.preconditions().stream().filter(Precondition::blocks).findFirst();
    Optional<StepResult> blocked = plan.firstBlocked();
    if (blocked.isPresent()) {
      String error = blocked.get().error().orElse("");
      int code = error.equals("CherryPickConflictException") ? NEEDS_A_PERSON
          : REMOTE.contains(error) ? REMOTE_FAILED : BLOCKED;
      err.println("releasekit: " + name(code) + " (exit " + code + "): step " + (plan.steps().indexOf(blocked
          .get()) + 1) + " " + blocked.get().description() + ": " + firstLine(blocked.get().detail()));
      return code;
    }
    if (failing.isPresent()) {
      err.println("releasekit: " + name(BLOCKED) + " (exit " + BLOCKED + "): " + failing.get().what() + ": "
          + firstLine(failing.get().message()));
      return BLOCKED;
    }
    if (plan.steps().stream().allMatch(s -> s.outcome() == Outcome.ALREADY_DONE)) {
      err.println("releasekit: nothing to do: every step is already done");
    }
    return DONE;
  }

  /**
   * The exit code for what ended a command, printed as one line: the first line of the message, which says what to
   * do (the rest, such as a cherry-pick summary, is in the report printed before it).
   */
  static int report(Throwable e, PrintWriter err) {
    Optional<RemoteException> remote = remote(e);
    int code = e instanceof CherryPickConflictException ? NEEDS_A_PERSON
        : remote.isPresent() ? REMOTE_FAILED
        : e instanceof PreconditionException || e instanceof ConflictException ? BLOCKED
        : INTERNAL_ERROR;
    StringBuilder line = new StringBuilder("releasekit: ").append(name(code)).append(" (exit ").append(code)
        .append("): ");
    remote.ifPresent(r -> line.append(r.service()).append(" answered ")
        .append(r.status() == 0 ? "nothing" : String.valueOf(r.status()))
        .append(r.requestId().map(id -> ", request id " + id).orElse("")).append(": "));
    line.append(e.getMessage() == null ? e.getClass().getName() : firstLine(e.getMessage()));
    err.println(line);
    if (code == INTERNAL_ERROR && !(e instanceof dev.releasekit.ReleaseException)) {
      // Not one of releasekit's typed failures: a bug, whose trace is what a maintainer needs.
      e.printStackTrace(err);
    }
    return code;
  }

  private static Optional<RemoteException> remote(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RemoteException found) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private static String name(int code) {
    return switch (code) {
      case BLOCKED -> "blocked";
      case NEEDS_A_PERSON -> "needs a person";
      case REMOTE_FAILED -> "a remote service failed";
      case USAGE -> "bad usage";
      case DONE -> "done";
      default -> "internal error";
    };
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
