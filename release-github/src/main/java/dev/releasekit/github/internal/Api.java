package dev.releasekit.github.internal;

import dev.releasekit.ReleaseException;
import dev.releasekit.Secret;
import dev.releasekit.github.RequestCount;
import dev.releasekit.spi.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repository on one GitHub, as the resources see it: its URLs, the OkHttp client that carries the
 * cross-cutting concerns as interceptors ({@link GitHubHeaders}, {@link ReadOnlyGate}, {@link Retries},
 * {@link RateLimits}, {@link EtagCache}) and counts with a {@link RequestCounter}, and the typed reading of
 * answers. A status is data here ({@link ApiResponse}); {@link Failures} turns it into an exception.
 */
public final class Api {
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final int PAGE = 100;

  /** What a client and its read-only views share: the counter, the cache, the rate limit, what is known. */
  private static final class Shared {
    final RequestCounter counter = new RequestCounter();
    final AtomicBoolean repositorySeen = new AtomicBoolean();
    final AtomicReference<Set<String>> labels = new AtomicReference<>();
    OkHttpClient readOnly;
  }

  private final OkHttpClient http;
  private final Endpoints endpoints;
  private final String owner;
  private final String repo;
  private final Secret token;
  private final Backoff backoff;
  private final boolean readOnly;
  private final Shared shared;

  private Api(OkHttpClient http, Endpoints endpoints, String owner, String repo, Secret token, Backoff backoff,
      boolean readOnly, Shared shared) {
    this.http = http;
    this.endpoints = endpoints;
    this.owner = owner;
    this.repo = repo;
    this.token = token;
    this.backoff = backoff;
    this.readOnly = readOnly;
    this.shared = shared;
  }

  /**
   * The API for {@code owner/repo} over {@code client} (shared, never shut down here), with the interceptors
   * added in the order they apply: headers, read-only gate, retries, rate limits, ETag cache.
   */
  public static Api create(OkHttpClient client, Endpoints endpoints, String owner, String repo, Secret token,
      Clock clock, Sleeper sleeper, Duration rateLimitBudget, int maxAttempts, boolean readOnly) {
    Shared shared = new Shared();
    Backoff backoff = new Backoff(sleeper, maxAttempts);
    OkHttpClient.Builder writable = client.newBuilder()
        .eventListener(shared.counter)
        .addInterceptor(new GitHubHeaders(token));
    OkHttpClient.Builder gated = client.newBuilder()
        .eventListener(shared.counter)
        .addInterceptor(new GitHubHeaders(token))
        .addInterceptor(new ReadOnlyGate());
    Retries retries = new Retries(backoff);
    RateLimits rateLimits = new RateLimits(endpoints.api().host(), clock, sleeper, rateLimitBudget);
    EtagCache cache = new EtagCache();
    for (OkHttpClient.Builder builder : List.of(writable, gated)) {
      builder.addInterceptor(retries).addInterceptor(rateLimits).addInterceptor(cache);
    }
    shared.readOnly = gated.build();
    return new Api(readOnly ? shared.readOnly : writable.build(), endpoints, owner, repo, token, backoff, readOnly,
        shared);
  }

  /** The same repository, sharing counter, cache and rate limit, refusing every request but a read. */
  public Api readOnly() {
    return new Api(shared.readOnly, endpoints, owner, repo, token, backoff, true, shared);
  }

  /** The token, for the preflight's look at its kind and for masking; it is revealed only where it is sent. */
  public Secret token() {
    return token;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public RequestCount count() {
    return shared.counter.count();
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public String fullName() {
    return owner + "/" + repo;
  }

  String owner() {
    return owner;
  }

  String repo() {
    return repo;
  }

  /** The API host, as exceptions name the service. */
  String service() {
    return endpoints.api().host();
  }

  Backoff backoff() {
    return backoff;
  }

  AtomicBoolean repositorySeen() {
    return shared.repositorySeen;
  }

  AtomicReference<Set<String>> knownLabels() {
    return shared.labels;
  }

  public String webUrl() {
    return endpoints.web() + "/" + owner + "/" + repo;
  }

  public String userUrl(String login) {
    return endpoints.web() + "/" + login;
  }

  HttpUrl.Builder repoUrl(String... segments) {
    String[] all = new String[segments.length + 3];
    all[0] = "repos";
    all[1] = owner;
    all[2] = repo;
    System.arraycopy(segments, 0, all, 3, segments.length);
    return endpoints.rest(all);
  }

  /** A list URL under the repository, 100 items per page. */
  HttpUrl.Builder listUrl(String... segments) {
    return repoUrl(segments).addQueryParameter("per_page", Integer.toString(PAGE));
  }

  String redact(String text) {
    return token.redact(text);
  }

  ApiResponse get(HttpUrl url) {
    return send("GET", url, null, Kind.READ);
  }

  ApiResponse patch(HttpUrl url, Object body) {
    return send("PATCH", url, Schema.write(body), Kind.IDEMPOTENT_WRITE);
  }

  ApiResponse put(HttpUrl url, Object body) {
    return send("PUT", url, Schema.write(body), Kind.IDEMPOTENT_WRITE);
  }

  ApiResponse post(HttpUrl url, Object body) {
    return send("POST", url, Schema.write(body), Kind.CREATE);
  }

  /** A GraphQL query: a POST that only reads, retried like a GET and let through a read-only view. */
  ApiResponse graphQl(String body) {
    return send("POST", endpoints.graphQl(), body, Kind.READ);
  }

  /**
   * Sends one request through the interceptors. The answer's status is data; no answer at all (after the retries)
   * is status 0 with its cause.
   */
  private ApiResponse send(String method, HttpUrl url, String body, Kind kind) {
    Request request = new Request.Builder()
        .url(url)
        .method(method, body == null ? null : RequestBody.create(body, JSON))
        .tag(Kind.class, kind)
        .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
      }
      ApiResponse answer = new ApiResponse(response.code(), headers, text, null, null,
          response.cacheResponse() != null);
      LOG.debug("{} {} -> {}{} (request id {})", method, url.encodedPath(), response.code(),
          answer.fromCache() ? " (cached)" : "", answer.requestId().orElse("none"));
      return answer;
    } catch (IOException e) {
      String error = redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      LOG.debug("{} {} -> no answer: {}", method, url.encodedPath(), error);
      return ApiResponse.noAnswer(error, e);
    }
  }

  /** The body of a successful answer as {@code type}; a body of another shape is a {@link ReleaseException}. */
  <T> T read(ApiResponse response, Class<T> type, String action) {
    try {
      return Schema.read(response.body(), type);
    } catch (IOException | RuntimeException e) {
      throw Failures.unexpectedShape(this, response, action, e);
    }
  }

  <T> List<T> readList(ApiResponse response, Class<T> type, String action) {
    try {
      return Schema.readList(response.body(), type);
    } catch (IOException | RuntimeException e) {
      throw Failures.unexpectedShape(this, response, action, e);
    }
  }
}
