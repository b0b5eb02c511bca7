package dev.releasekit.docker.testing;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/** An OkHttp interceptor that records each request as {@code "GET /v2/..."}, to count requests and writes. */
public final class RequestLog implements Interceptor {
  private final List<String> requests = new ArrayList<>();

  @Override
  public Response intercept(Chain chain) throws java.io.IOException {
    synchronized (requests) {
      requests.add(chain.request().method() + " " + chain.request().url().encodedPath()
          + (chain.request().url().encodedQuery() == null ? "" : "?" + chain.request().url().encodedQuery()));
    }
    return chain.proceed(chain.request());
  }

  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Requests other than GET and HEAD. */
  public List<String> writes() {
    return requests().stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")).toList();
  }

  public void clear() {
    synchronized (requests) {
      requests.clear();
    }
  }
}
