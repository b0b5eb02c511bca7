package dev.releasekit.github.internal;

import dev.releasekit.github.RequestCount;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Counts what goes on the wire, as an OkHttp {@link EventListener}: every request whose headers were sent
 * (retries and redirects each count), the {@code 304 Not Modified} answers, and the GraphQL queries. One counter
 * is shared by a client and its read-only views.
 */
final class RequestCounter extends EventListener {
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong graphQl = new AtomicLong();
  private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    total.incrementAndGet();
    byMethod.computeIfAbsent(request.method(), m -> new AtomicLong()).incrementAndGet();
    if ("POST".equals(request.method()) && Kind.of(request) == Kind.READ) {
      graphQl.incrementAndGet();
    }
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    if (response.code() == 304) {
      notModified.incrementAndGet();
    }
  }

  RequestCount count() {
    Map<String, Long> methods = new TreeMap<>();
    byMethod.forEach((method, count) -> methods.put(method, count.get()));
    return new RequestCount(total.get(), methods, notModified.get(), graphQl.get());
  }
}
