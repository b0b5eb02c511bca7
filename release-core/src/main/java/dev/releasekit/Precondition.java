package dev.releasekit;

import java.util.Objects;

/**
 * One thing {@link Release#plan()} checked about a repository before rehearsing the steps, such as which
 * conventions apply or whether the work tree is clean. A plan lists them before its steps:
 *
 * <pre>{@code
 * Plan for release 1.31.0 (2 steps):
 *   ok       conventions: PostHog's (found posthog/version.py on master)
 *   warning  work tree: uncommitted changes [README.md]; no step reads the work tree, so they cannot leak ...
 *   1) WOULD_DO     cut release-1.31.0 from master
 * }</pre>
 *
 * <pre>{@code
 * plan.preconditions().stream().filter(p -> !p.holds()).forEach(p -> System.err.println(p.message()));
 * }</pre>
 *
 * @param repository the repository it was checked in ({@link Release#MAIN} for a one-repository release)
 * @param what what was checked, in a few words: {@code conventions}, {@code work tree}, {@code lease}
 * @param state whether it holds, and if not, whether it blocks steps
 * @param message what was found, and when it does not hold, what to do
 */
public record Precondition(String repository, String what, State state, String message) {

  /** Whether a precondition holds, and what follows when it does not. */
  public enum State {
    /** It holds. */
    HOLDS,
    /** It does not hold, but no step depends on it: the release can run, and the plan says so. */
    WARNING,
    /** It does not hold and blocks the steps that depend on it; its message says what to do. */
    FAILS
  }

  public Precondition {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(message, "message");
  }

  /** Whether it holds; a {@link State#WARNING} does not, though nothing is blocked by it. */
  public boolean holds() {
    return state == State.HOLDS;
  }

  /** Whether it blocks steps, so that {@link Release#run()} would refuse to start. */
  public boolean blocks() {
    return state == State.FAILS;
  }

  /** One line: {@code ok conventions: ...}, {@code warning work tree: ...} or {@code FAILS work tree: ...}. */
  @Override
  public String toString() {
    String label = switch (state) {
      case HOLDS -> "ok";
      case WARNING -> "warning";
      case FAILS -> "FAILS";
    };
    return String.format("%-8s %s: %s", label, what, message);
  }
}
