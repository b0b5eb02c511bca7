package dev.releasekit.github.internal;

import dev.releasekit.Change;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A create (POST) sent at most once in effect: when its answer is lost or a server error comes back (it may have
 * been created anyway), the state is read back, and the POST is sent again only when the read finds nothing.
 */
final class WriteOnce {
  private static final Logger LOG = LoggerFactory.getLogger(WriteOnce.class);

  private WriteOnce() {}

  /**
   * What a create makes, for the {@link dev.releasekit.AlreadyExistsException} GitHub's {@code 422} "already
   * exists" becomes: its kind, which one ({@code head -> base}, a tag, a name), and what to do next.
   */
  record Taken(Change.Kind kind, String target, String next) {}

  /** A create whose {@code 422} is an ordinary failure (the object it makes is never "taken"). */
  static <T> T create(Api api, String action, String permission, String missingObject, HttpUrl url, Object body,
      Supplier<Optional<T>> readBack, Function<ApiResponse, T> created) {
    return create(api, action, permission, missingObject, null, url, body, readBack, created);
  }

  /**
   * @param missingObject what a 404 means is missing, or null when a 404 is an ordinary failure
   * @param taken what a 422 "already exists" means exists, or null when a 422 is an ordinary failure
   * @param readBack the state the create would have made, when it exists
   * @param created what the successful answer is
   */
  static <T> T create(Api api, String action, String permission, String missingObject, Taken taken, HttpUrl url,
      Object body, Supplier<Optional<T>> readBack, Function<ApiResponse, T> created) {
    for (int attempt = 1; ; attempt++) {
      ApiResponse response = api.post(url, body);
      if (response.isSuccess()) {
        api.repositorySeen().set(true);
        return created.apply(response);
      }
      if (response.status() == 404 && missingObject != null) {
        throw Failures.missing(api, response, missingObject, "Check the number.");
      }
      if (taken != null && response.saysAlreadyExists()) {
        throw Failures.alreadyExists(api, response, action, taken);
      }
      if (!response.isTransientFailure()) {
        throw Failures.failure(api, response, action, permission);
      }
      LOG.info("GitHub answered {} when trying to {}; reading the state back before sending it again", response,
          action);
      Optional<T> existing = readBack.get();
      if (existing.isPresent()) {
        LOG.info("It was done already; not sending it again");
        return existing.get();
      }
      if (attempt >= api.backoff().maxAttempts()) {
        throw Failures.failure(api, response, action, permission);
      }
      api.backoff().after(attempt);
    }
  }
}
