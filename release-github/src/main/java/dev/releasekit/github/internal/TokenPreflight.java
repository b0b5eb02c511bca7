package dev.releasekit.github.internal;

import dev.releasekit.Precondition;
import dev.releasekit.ReleaseException;
import dev.releasekit.Secret;
import dev.releasekit.spi.Preflight;
import dev.releasekit.spi.Preflight.Access;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a plan checks about the GitHub token before a run, from what the rehearsal found the run would do (a
 * {@link Preflight}); reads only.
 *
 * <ul>
 *   <li>{@code token}: {@code GET /repos/{owner}/{repo}}. A classic token's scopes come in {@code X-OAuth-Scopes}
 *       ({@code repo}, or {@code public_repo} for a public repository); a user token's role comes in the answer's
 *       {@code permissions} (push for writes, triage for labels and milestones). An installation token
 *       ({@code ghs_}: Actions' {@code GITHUB_TOKEN}, or a GitHub App's) tells neither, so when the run opens pull
 *       requests, {@code GET /repos/{owner}/{repo}/actions/permissions/workflow} says whether Actions may open
 *       them here ({@code can_approve_pull_request_reviews}, the setting "Allow GitHub Actions to create and approve
 *       pull requests") and whether the token is read-only by default; {@code GITHUB_TOKEN} itself may not read
 *       that (it needs administration: read), and then the plan says what to check by hand.
 *   <li>{@code workflows}: inside GitHub Actions, refs pushed with an installation token such as
 *       {@code GITHUB_TOKEN} start no other workflow, so a step that waits for what such a push builds (PostHog's
 *       image, built on the tag push) would wait in vain: the plan says a personal access token or an App token is
 *       needed.
 * </ul>
 * The token's kind is read from its documented prefix ({@code ghp_}, {@code github_pat_}, {@code gho_},
 * {@code ghu_}, {@code ghs_}); the token itself never leaves {@link Secret#reveal}.
 */
public final class TokenPreflight {
  private static final String SETTING = "Settings > Actions > General > Workflow permissions > 'Allow GitHub Actions"
      + " to create and approve pull requests' (an organisation's own setting can forbid it too)";

  private TokenPreflight() {
  }

  /** The kinds of GitHub token, by prefix. */
  enum Kind {
    CLASSIC, FINE_GRAINED, OAUTH, APP_USER, INSTALLATION, UNKNOWN;

    static Kind of(Secret token) {
      return token.reveal(value -> {
        if (value.startsWith("ghp_")) {
          return CLASSIC;
        } else if (value.startsWith("github_pat_")) {
          return FINE_GRAINED;
        } else if (value.startsWith("gho_")) {
          return OAUTH;
        } else if (value.startsWith("ghu_")) {
          return APP_USER;
        } else if (value.startsWith("ghs_")) {
          return INSTALLATION;
        }
        return UNKNOWN;
      });
    }
  }

  public static List<Precondition> check(Api api, Secret token, Preflight preflight) {
    List<Precondition> found = new ArrayList<>();
    if (!preflight.access().isEmpty()) {
      found.add(token(api, Kind.of(token), preflight));
    }
    if (preflight.underGitHubActions() && !preflight.pushes().isEmpty()) {
      found.add(workflows(Kind.of(preflight.pushCredentials().orElse(token)), preflight));
    }
    return found;
  }

  private static Precondition token(Api api, Kind kind, Preflight preflight) {
    String needs = needs(preflight.access());
    ApiResponse answer = api.get(api.endpoints().rest("repos", api.owner(), api.repo()).build());
    if (!answer.isSuccess()) {
      ReleaseException failure = answer.status() == 404 ? Failures.repositoryMissing(api, answer)
          : Failures.failure(api, answer, "read the repository " + api.fullName(), Failures.METADATA_READ);
      boolean decisive = answer.status() == 401 || answer.status() == 403 || answer.status() == 404;
      return precondition(preflight, decisive ? Precondition.State.FAILS : Precondition.State.WARNING,
          "could not check that the token may " + needs + ": " + failure.getMessage());
    }
    api.repositorySeen().set(true);
    Schema.Repository repository = api.read(answer, Schema.Repository.class, "read the repository");
    Optional<String> scopes = answer.header("x-oauth-scopes");
    if (scopes.isPresent()) {
      Set<String> granted = Arrays.stream(scopes.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .collect(Collectors.toSet());
      boolean enough = granted.contains("repo") || (!repository.isPrivate() && granted.contains("public_repo"));
      if (!enough) {
        return precondition(preflight, Precondition.State.FAILS, "the run would " + needs + " on "
            + api.fullName() + ", but the token's scopes are " + (granted.isEmpty() ? "none" : scopes.get().strip())
            + ". Give it the repo scope" + (repository.isPrivate() ? "" : " (public_repo is enough here)")
            + ", or use a fine-grained token, and run again.");
      }
    }
    Optional<Precondition> role = role(api, repository.permissions(), preflight, needs);
    if (role.isPresent()) {
      return role.get();
    }
    String roleText = Optional.ofNullable(repository.permissions()).map(p -> "; the token's user may "
        + (Boolean.TRUE.equals(p.push()) ? "write to" : "triage") + " " + api.fullName()).orElse("");
    return switch (kind) {
      case INSTALLATION -> installation(api, preflight, needs);
      case FINE_GRAINED -> precondition(preflight, Precondition.State.HOLDS, "the run would " + needs + roleText
          + ". GitHub does not tell what a fine-grained token itself may do: it needs read and write access to "
          + permissions(preflight.access()) + " on " + api.fullName() + ".");
      default -> precondition(preflight, Precondition.State.HOLDS, "may " + needs + " on " + api.fullName()
          + scopes.map(s -> " (scopes: " + (s.isBlank() ? "none" : s.strip()) + ")").orElse("") + roleText + ".");
    };
  }

  /** The user's role, when GitHub tells it: writes need push, labels and milestones need triage. */
  private static Optional<Precondition> role(Api api, Schema.Permissions permissions, Preflight preflight,
      String needs) {
    if (permissions == null) {
      return Optional.empty();
    }
    boolean writes = preflight.needs(Access.PUSH) || preflight.needs(Access.PULL_REQUESTS)
        || preflight.needs(Access.RELEASES);
    boolean push = Boolean.TRUE.equals(permissions.push()) || Boolean.TRUE.equals(permissions.admin())
        || Boolean.TRUE.equals(permissions.maintain());
    boolean triage = push || Boolean.TRUE.equals(permissions.triage());
    if ((writes && !push) || (preflight.needs(Access.ISSUES) && !triage)) {
      String has = triage ? "triage" : "read";
      return Optional.of(precondition(preflight, Precondition.State.FAILS, "the run would " + needs + " on "
          + api.fullName() + ", but the token's user has only " + has + " access there. Ask an admin of "
          + api.fullName() + " for write access, or use a token of someone who has it, and run again."));
    }
    return Optional.empty();
  }

  /**
   * An installation token ({@code GITHUB_TOKEN}, or an App's): its grants are the workflow's {@code permissions}
   * or the App's; what GitHub does tell is whether Actions may open pull requests here at all.
   */
  private static Precondition installation(Api api, Preflight preflight, String needs) {
    String grant = "the job's permissions must include " + workflowPermissions(preflight.access());
    if (!preflight.needs(Access.PULL_REQUESTS)) {
      return precondition(preflight, Precondition.State.WARNING, "an installation token (GITHUB_TOKEN or a GitHub"
          + " App's) does not tell what it may do; to " + needs + ", " + grant + ".");
    }
    ApiResponse answer = api.get(api.endpoints().rest("repos", api.owner(), api.repo(), "actions", "permissions",
        "workflow").build());
    if (!answer.isSuccess()) {
      String why = answer.header("x-accepted-github-permissions").map(p -> " (it takes " + p.replace("=", ": ")
          + ", which GITHUB_TOKEN never has)").orElse("");
      return precondition(preflight, Precondition.State.WARNING, "the run would " + needs + " with an installation"
          + " token, and GitHub would not say whether Actions may open pull requests in " + api.fullName() + " ("
          + answer.status() + " " + api.redact(answer.message()) + why + "). If it is the workflow's GITHUB_TOKEN,"
          + " check " + SETTING + ", and " + grant + ".");
    }
    Schema.WorkflowPermissions settings = api.read(answer, Schema.WorkflowPermissions.class,
        "read the repository's Actions permissions");
    if (!Boolean.TRUE.equals(settings.canApprovePullRequestReviews())) {
      return precondition(preflight, Precondition.State.WARNING, "GitHub Actions may not open pull requests in "
          + api.fullName() + ": if this is the workflow's GITHUB_TOKEN, opening the release pull request fails."
          + " Turn on " + SETTING + ", or run with a personal access token or a GitHub App's token.");
    }
    if ("read".equals(settings.defaultPermissions())) {
      return precondition(preflight, Precondition.State.WARNING, "Actions may open pull requests in "
          + api.fullName() + ", but GITHUB_TOKEN is read-only by default there: " + grant + ".");
    }
    return precondition(preflight, Precondition.State.HOLDS, "Actions may open pull requests in " + api.fullName()
        + " and GITHUB_TOKEN may write by default; if the workflow sets permissions, " + grant + ".");
  }

  private static Precondition workflows(Kind pusher, Preflight preflight) {
    String refs = String.join(", ", preflight.pushes());
    if (pusher != Kind.INSTALLATION) {
      return precondition(preflight, "workflows", Precondition.State.HOLDS, "the pushes (" + refs + ") are made"
          + " with a personal token, so they start the workflows they trigger.");
    }
    if (!preflight.waitsAfterPush().isEmpty()) {
      return precondition(preflight, "workflows", Precondition.State.WARNING, "step "
          + String.join(", step ", preflight.waitsAfterPush()) + " waits for what a workflow builds from these"
          + " pushes (" + refs + "), but refs pushed with the workflow's GITHUB_TOKEN start no other workflow, so"
          + " the wait would run out. This flow needs a different token: a personal access token or a GitHub"
          + " App's token, for both the hosting and .credentials(...).");
    }
    return precondition(preflight, "workflows", Precondition.State.WARNING, "tags and branches pushed with"
        + " GitHub Actions' GITHUB_TOKEN (" + refs + ") start no other workflow, and pull requests it opens run no"
        + " checks; if a workflow must start on them, use a personal access token or a GitHub App's token.");
  }

  private static String needs(Set<Access> access) {
    List<String> verbs = new ArrayList<>();
    if (access.contains(Access.PUSH)) {
      verbs.add("push");
    }
    if (access.contains(Access.PULL_REQUESTS)) {
      verbs.add("open and merge pull requests");
    }
    if (access.contains(Access.ISSUES)) {
      verbs.add("label and close milestones");
    }
    if (access.contains(Access.RELEASES)) {
      verbs.add("publish releases");
    }
    return verbs.size() <= 1 ? String.join("", verbs)
        : String.join(", ", verbs.subList(0, verbs.size() - 1)) + " and " + verbs.get(verbs.size() - 1);
  }

  /** The fine-grained permissions the access takes. */
  private static String permissions(Set<Access> access) {
    List<String> names = new ArrayList<>();
    if (access.contains(Access.PUSH) || access.contains(Access.RELEASES)) {
      names.add("Contents");
    }
    if (access.contains(Access.PULL_REQUESTS)) {
      names.add("Pull requests");
    }
    if (access.contains(Access.ISSUES)) {
      names.add("Issues");
    }
    return String.join(", ", names);
  }

  /** The workflow {@code permissions:} the access takes, as a job writes them. */
  private static String workflowPermissions(Set<Access> access) {
    return "{" + permissions(access).toLowerCase(Locale.ROOT).replace("pull requests", "pull-requests")
        .replace(", ", ": write, ") + ": write}";
  }

  private static Precondition precondition(Preflight preflight, Precondition.State state, String message) {
    return precondition(preflight, "token", state, message);
  }

  private static Precondition precondition(Preflight preflight, String what, Precondition.State state,
      String message) {
    return new Precondition(preflight.repository(), what, state, message);
  }
}
