package dev.releasekit.github.internal;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.AuthenticationException;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;

/**
 * What a status means, in one place: each failure becomes the typed exception whose message says what to do
 * next. A 404 is told apart: the object is missing, or the whole repository is (or hidden from the token).
 */
final class Failures {
  static final String PULLS_READ = "pull_requests: read";
  static final String PULLS_WRITE = "pull_requests: write";
  static final String CONTENTS_READ = "contents: read";
  static final String CONTENTS_WRITE = "contents: write";
  static final String ISSUES_READ = "issues: read";
  static final String ISSUES_WRITE = "issues: write";
  static final String METADATA_READ = "metadata: read";

  private Failures() {}

  /** Returns when {@code response} succeeded; throws the failure otherwise. */
  static void require(Api api, ApiResponse response, String action, String permission) {
    if (response.isSuccess()) {
      api.repositorySeen().set(true);
      return;
    }
    throw failure(api, response, action, permission);
  }

  /** Whether the repository exists, probing it once when nothing has been seen of it yet. */
  static boolean repositoryExists(Api api) {
    if (api.repositorySeen().get()) {
      return true;
    }
    ApiResponse probe = api.get(api.endpoints().rest("repos", api.owner(), api.repo()).build());
    if (probe.isSuccess()) {
      api.repositorySeen().set(true);
      return true;
    }
    if (probe.status() == 404) {
      return false;
    }
    throw failure(api, probe, "read the repository " + api.fullName(), METADATA_READ);
  }

  /** A 404 for {@code object}: missing in the repository, or the repository itself is. */
  static ReleaseException missing(Api api, ApiResponse response, String object, String next) {
    if (repositoryExists(api)) {
      return new PreconditionException(capitalize(object) + " does not exist in " + api.fullName()
          + " (GitHub answered 404). " + next);
    }
    return repositoryMissing(api, response);
  }

  static ReleaseException repositoryMissing(Api api, ApiResponse response) {
    return new PreconditionException("GitHub has no repository " + api.fullName() + " that this token can see ("
        + api.service() + " answered 404" + response.requestId().map(id -> ", request id " + id).orElse("")
        + "). Check the owner and name (GITHUB_REPOSITORY or origin's URL), and that the token has access to the "
        + "repository: a fine-grained token must list it under 'Repository access'.");
  }

  /** A create GitHub refused with 422 because {@code taken} exists already (see {@link ApiResponse#saysAlreadyExists}). */
  static AlreadyExistsException alreadyExists(Api api, ApiResponse response, String action, WriteOnce.Taken taken) {
    return new AlreadyExistsException(taken.kind(), taken.target(), "GitHub refused to " + action + ": it exists"
        + " already (422 " + api.redact(response.message()) + "). " + taken.next());
  }

  static ReleaseException unexpectedShape(Api api, ApiResponse response, String action, Exception cause) {
    return new RemoteException(api.service(), response.status(), response.requestId().orElse(null),
        "GitHub's answer when trying to " + action + " does not have the shape of API version "
            + GitHubHeaders.API_VERSION + " (" + api.redact(String.valueOf(cause.getMessage())) + "). Check that "
            + "the API base URL (GITHUB_API_URL) points at GitHub and not at a proxy's page, then run again.",
        cause);
  }

  static ReleaseException failure(Api api, ApiResponse response, String action, String permission) {
    String requestId = response.requestId().orElse(null);
    String service = api.service();
    String message = api.redact(response.message());
    int attempts = api.backoff().maxAttempts();
    switch (response.status()) {
      case 0:
        return RemoteException.transport(service, "No answer from GitHub (" + message + ") when trying to "
            + action + ", after " + attempts + " attempts. Check the network, the proxy and "
            + "githubstatus.com, then run again: steps read back before they write, so nothing is done twice.",
            response.cause());
      case 401:
        return new AuthenticationException(service, 401, requestId, "GitHub rejected the token (401 " + message
            + ") when trying to " + action + "." + scopes(response) + " Check that GITHUB_TOKEN holds a valid, "
            + "unexpired token with " + permission + " on " + api.fullName() + ", then run again.");
      case 403:
        if (response.header("x-accepted-github-permissions").isPresent()
            || message.contains("not accessible") || message.contains("permission")
            || message.contains("Must have")) {
          return new AuthenticationException(service, 403, requestId, "The token may not " + action + " on "
              + api.fullName() + " (403 " + message + "): it needs " + needed(response, permission) + "."
              + scopes(response) + " Grant that permission to the token, then run again.");
        }
        return RemoteException.of(service, 403, requestId, "GitHub refused to " + action + " (403 " + message
            + "). Check the token's permissions (" + permission + ") and the repository's rules, then run again.");
      case 404:
        return repositoryMissing(api, response);
      case 409:
        return new ConflictException("GitHub refused to " + action + " because of a conflicting state (409 "
            + message + "). Look at " + api.webUrl() + ", resolve it, then run again.");
      case 422:
        return new PreconditionException("GitHub refused to " + action + " (422 " + message + "). Fix the input "
            + "(branch names, title, labels) and run again.");
      default:
        return RemoteException.of(service, response.status(), requestId, "GitHub answered " + response.status()
            + " (" + message + ") when trying to " + action + (requestId == null ? "" : ", request id " + requestId)
            + (response.isTransientFailure() ? ", after " + attempts + " attempts" : "")
            + ". Run again later; steps already done will be skipped.");
    }
  }

  private static String needed(ApiResponse response, String permission) {
    return response.header("x-accepted-github-permissions")
        .map(accepted -> "one of these permission sets: " + accepted.replace("=", ": "))
        .orElse(permission);
  }

  private static String scopes(ApiResponse response) {
    StringBuilder text = new StringBuilder();
    response.header("x-oauth-scopes").ifPresent(s -> text.append(" The token's scopes are: ")
        .append(s.isBlank() ? "(none)" : s).append('.'));
    response.header("x-accepted-oauth-scopes").filter(s -> !s.isBlank())
        .ifPresent(s -> text.append(" This call accepts the scopes: ").append(s).append('.'));
    return text.toString();
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
