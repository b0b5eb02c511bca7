package dev.releasekit.github;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many HTTP requests a {@link GitHub} sent, for benchmarks and for tests that prove a flow only read. Every
 * attempt counts, retries included; a {@code 304 Not Modified} answer to a cached {@code If-None-Match} counts as a
 * request, although GitHub does not charge it to the rate limit.
 *
 * <pre>{@code
 * RequestCount before = github.requestCount();
 * ...
 * System.out.println(github.requestCount().minus(before));   // 66 requests (GET 5, POST 61), 0 not modified
 * }</pre>
 *
 * @param total every request sent
 * @param byMethod requests per HTTP method ({@code GET}, {@code POST}, {@code PATCH}, {@code PUT})
 * @param notModified answers that were {@code 304 Not Modified}
 * @param graphQl {@code POST /graphql} queries, which are reads although they are POSTs (also counted as POST)
 */
public record RequestCount(long total, Map<String, Long> byMethod, long notModified, long graphQl) {

  public RequestCount {
    byMethod = Map.copyOf(byMethod);
  }

  /** Requests sent with {@code method}, such as {@code "GET"}. */
  public long of(String method) {
    return byMethod.getOrDefault(method, 0L);
  }

  /** The requests sent since {@code earlier}. */
  public RequestCount minus(RequestCount earlier) {
    Map<String, Long> methods = new TreeMap<>(byMethod);
    earlier.byMethod.forEach((method, count) -> methods.merge(method, -count, Long::sum));
    methods.values().removeIf(count -> count == 0);
    return new RequestCount(total - earlier.total, methods, notModified - earlier.notModified,
        graphQl - earlier.graphQl);
  }

  @Override
  public String toString() {
    StringBuilder methods = new StringBuilder();
    new TreeMap<>(byMethod).forEach((method, count) ->
        methods.append(methods.length() == 0 ? "" : ", ").append(method).append(' ').append(count));
    return total + " requests (" + methods + "), " + notModified + " not modified, " + graphQl + " GraphQL";
  }
}
