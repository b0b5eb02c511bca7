package dev.releasekit.github.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends reads and idempotent writes again, with {@link Backoff}, on a server error (500, 502, 503, 504) or a lost
 * answer. A create is sent once: {@link WriteOnce} reads the state back before it tries again. After the last
 * attempt the last answer, or the last {@link IOException}, goes to the caller.
 */
final class Retries implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

  private final Backoff backoff;

  Retries(Backoff backoff) {
    this.backoff = backoff;
  }

  static boolean isTransient(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int attempts = Kind.of(request) == Kind.CREATE ? 1 : backoff.maxAttempts();
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (attempt >= attempts) {
          throw e;
        }
        LOG.debug("{} {} got no answer ({}); retrying (attempt {} of {})", request.method(),
            request.url().encodedPath(), e.getClass().getSimpleName(), attempt + 1, attempts);
        backoff.after(attempt);
        continue;
      }
      if (!isTransient(response.code()) || attempt >= attempts) {
        return response;
      }
      LOG.debug("{} {} answered {}; retrying (attempt {} of {})", request.method(), request.url().encodedPath(),
          response.code(), attempt + 1, attempts);
      response.close();
      backoff.after(attempt);
    }
  }
}
