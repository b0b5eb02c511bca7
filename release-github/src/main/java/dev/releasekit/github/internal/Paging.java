package dev.releasekit.github.internal;

import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Every item of every page, following the {@code Link} header's {@code rel="next"} (wherever it stands among
 * the rels, and wherever it points on the API's host, such as {@code /repositories/{id}/...} after a rename).
 * A link to another host is refused: it would carry the token away.
 */
final class Paging {
  private Paging() {}

  /** A list whose pages are JSON arrays of {@code type}. */
  static <T> List<T> all(Api api, HttpUrl first, Class<T> type, String action, String permission, String object) {
    return all(api, first, action, permission, object, (response, what) -> api.readList(response, type, what));
  }

  /**
   * A list whose pages {@code items} reads.
   *
   * @param object what a 404 means is missing, or null when it means the repository is
   */
  static <T> List<T> all(Api api, HttpUrl first, String action, String permission, String object,
      BiFunction<ApiResponse, String, List<T>> items) {
    return elsewhere(api, first, action, permission, response -> object == null ? Failures.repositoryMissing(api, response)
        : Failures.missing(api, response, object, "Check the number."), (response, what) -> {
          api.repositorySeen().set(true);
          return items.apply(response, what);
        });
  }

  /**
   * A list outside this client's repository (an organisation's repositories, another repository's contributors):
   * {@code notFound} says what a 404 means, and a success says nothing about this client's own repository.
   */
  static <T> List<T> elsewhere(Api api, HttpUrl first, String action, String permission,
      Function<ApiResponse, ReleaseException> notFound, BiFunction<ApiResponse, String, List<T>> items) {
    List<T> all = new ArrayList<>();
    HttpUrl next = first;
    while (next != null) {
      ApiResponse response = api.get(next);
      if (response.status() == 404) {
        throw notFound.apply(response);
      }
      if (!response.isSuccess()) {
        throw Failures.failure(api, response, action, permission);
      }
      all.addAll(items.apply(response, action));
      next = nextPage(api, response);
    }
    return all;
  }

  private static HttpUrl nextPage(Api api, ApiResponse response) {
    HttpUrl next = response.nextLink().map(HttpUrl::parse).orElse(null);
    HttpUrl base = api.endpoints().api();
    if (next != null && !(next.host().equals(base.host()) && next.port() == base.port()
        && next.scheme().equals(base.scheme()))) {
      throw RemoteException.of(api.service(), response.status(), response.requestId().orElse(null),
          "GitHub's next-page link points to another host (" + next.host() + "); releasekit does not send the "
              + "token there. Check the API base URL (GITHUB_API_URL) and any proxy in between.");
    }
    return next;
  }
}
