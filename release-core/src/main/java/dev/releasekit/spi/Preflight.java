package dev.releasekit.spi;

import dev.releasekit.Secret;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan tells a repository's {@link Hosting} after rehearsing the steps, so that the hosting can check up
 * front that its credentials allow them ({@link Hosting#preconditions(Preflight)}): what the run would write,
 * which refs it would push, and which steps would then wait for something a push starts elsewhere (an image that
 * CI builds when the tag arrives). It comes from the rehearsal, so a re-run that finds everything done needs
 * nothing.
 *
 * <pre>{@code
 * public List<Precondition> preconditions(Preflight preflight) {
 *   if (preflight.needs(Preflight.Access.PULL_REQUESTS) && !tokenMayOpenPullRequests()) {
 *     return List.of(new Precondition(preflight.repository(), "token", Precondition.State.FAILS,
 *         "The token may not open pull requests. Give it pull-requests: write and run again."));
 *   }
 *   return List.of();
 * }
 * }</pre>
 *
 * @param repository the repository's name in the release ({@link dev.releasekit.Release#MAIN} for one)
 * @param access what the run would do on origin and the hosting
 * @param pushes the refs the run would create or move on origin, such as {@code refs/tags/1.31.0}
 * @param waitsAfterPush the steps, described with their number, that would wait for something after this
 *     repository's pushes, such as {@code 3) wait for posthog/posthog:release-1.31.0 for up to 2h}
 * @param pushCredentials the token git pushes with ({@link dev.releasekit.Release#credentials}), when wired
 * @param environment the release's environment variables, such as {@code GITHUB_ACTIONS}
 */
public record Preflight(String repository, Set<Access> access, List<String> pushes, List<String> waitsAfterPush,
    Optional<Secret> pushCredentials, Map<String, String> environment) {

  /** What a run needs to be allowed to do. */
  public enum Access {
    /** Push commits, branches and tags to origin (every run that writes also pushes its journal and lease). */
    PUSH,
    /** Open, edit and merge pull requests. */
    PULL_REQUESTS,
    /** Label issues and pull requests, close milestones. */
    ISSUES,
    /** Create and publish releases. */
    RELEASES
  }

  public Preflight {
    Objects.requireNonNull(repository, "repository");
    access = Set.copyOf(access);
    pushes = List.copyOf(pushes);
    waitsAfterPush = List.copyOf(waitsAfterPush);
    Objects.requireNonNull(pushCredentials, "pushCredentials");
    environment = Map.copyOf(environment);
  }

  /** Whether the run needs {@code what}. */
  public boolean needs(Access what) {
    return access.contains(what);
  }

  /** Whether this runs inside GitHub Actions ({@code GITHUB_ACTIONS=true}). */
  public boolean underGitHubActions() {
    return "true".equals(environment.get("GITHUB_ACTIONS"));
  }
}
