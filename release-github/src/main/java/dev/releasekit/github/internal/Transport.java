package dev.releasekit.github.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.RateLimitException;
import dev.releasekit.ReleaseException;
import dev.releasekit.Secret;
import dev.releasekit.github.RequestCount;
import dev.releasekit.spi.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * Sends requests to GitHub: pinned headers, the token, ETags, the request counter, retries with backoff and
 * jitter for reads and idempotent writes, and waits for primary and secondary rate limits. It never retries a
 * create on its own: the operation reads the state back first (see {@code GitHubClient#createOnce}).
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final String API_VERSION = "2022-11-28";
  private static final int MAX_RATE_LIMIT_WAITS = 8;
  private static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofMinutes(1);

  /** What a request may do, which decides how it is retried and whether a read-only view lets it through. */
  public enum Kind {
    /** A GET, or a GraphQL query (a POST that only reads). Retried. */
    READ,
    /** A PUT or PATCH: sending it twice has the effect of sending it once. Retried. */
    IDEMPOTENT_WRITE,
    /** A POST that creates. Never retried here: the caller reads back first. */
    CREATE
  }

  /** One request to send. */
  public record Call(String method, HttpUrl url, String body, Kind kind) {
    public static Call get(HttpUrl url) {
      return new Call("GET", url, null, Kind.READ);
    }

    public static Call graphQl(HttpUrl url, String body) {
      return new Call("POST", url, body, Kind.READ);
    }

    public static Call patch(HttpUrl url, String body) {
      return new Call("PATCH", url, body, Kind.IDEMPOTENT_WRITE);
    }

    public static Call put(HttpUrl url, String body) {
      return new Call("PUT", url, body, Kind.IDEMPOTENT_WRITE);
    }

    public static Call post(HttpUrl url, String body) {
      return new Call("POST", url, body, Kind.CREATE);
    }

    String describe() {
      return method + " " + url.encodedPath();
    }
  }

  /** State shared by a client and its read-only view: the counter, the ETag cache and the known rate limit. */
  static final class Shared {
    final AtomicLong total = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();
    final AtomicLong graphQl = new AtomicLong();
    final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();
    final AtomicReference<Instant> blockedUntil = new AtomicReference<>();
    final Map<String, Cached> etags = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
        return size() > 1000;
      }
    });
  }

  record Cached(String etag, String body, Map<String, List<String>> headers) {}

  private final OkHttpClient client;
  private final Secret token;
  private final String service;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration rateLimitBudget;
  private final int maxAttempts;
  private final boolean readOnly;
  private final Shared shared;
  private final Random jitter;

  public Transport(OkHttpClient client, Secret token, String service, Clock clock, Sleeper sleeper,
      Duration rateLimitBudget, int maxAttempts) {
    this(client, token, service, clock, sleeper, rateLimitBudget, maxAttempts, false, new Shared());
  }

  private Transport(OkHttpClient client, Secret token, String service, Clock clock, Sleeper sleeper,
      Duration rateLimitBudget, int maxAttempts, boolean readOnly, Shared shared) {
    this.client = client;
    this.token = token;
    this.service = service;
    this.clock = clock;
    this.sleeper = sleeper;
    this.rateLimitBudget = rateLimitBudget;
    this.maxAttempts = maxAttempts;
    this.readOnly = readOnly;
    this.shared = shared;
    this.jitter = new Random();
  }

  /** The same transport, sharing counter and cache, that refuses every request but a read. */
  public Transport readOnly() {
    return new Transport(client, token, service, clock, sleeper, rateLimitBudget, maxAttempts, true, shared);
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public String service() {
    return service;
  }

  public Secret token() {
    return token;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public RequestCount count() {
    Map<String, Long> methods = new TreeMap<>();
    shared.byMethod.forEach((method, count) -> methods.put(method, count.get()));
    return new RequestCount(shared.total.get(), methods, shared.notModified.get(), shared.graphQl.get());
  }

  /**
   * Sends {@code call}, retrying reads and idempotent writes on server errors and lost answers, and waiting out
   * rate limits within the budget. The answer's status is data: the caller decides what it means.
   *
   * @throws RateLimitException when a rate limit resets later than the budget allows
   * @throws PreconditionException when this is a read-only view and {@code call} is not a read
   */
  public ApiResponse send(Call call) {
    refuseWritesWhenReadOnly(call);
    int attempt = 0;
    int rateLimitWaits = 0;
    while (true) {
      awaitKnownReset(call);
      attempt++;
      ApiResponse response = once(call);
      Duration rateLimitWait = rateLimitWait(call, response);
      if (rateLimitWait != null) {
        if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS) {
          throw rateLimited(call, response, clock.instant().plus(rateLimitWait));
        }
        pause(rateLimitWait, call);
        attempt--;
        continue;
      }
      if (call.kind() != Kind.CREATE && response.isTransientFailure() && attempt < maxAttempts) {
        LOG.debug("{} answered {}; retrying (attempt {} of {})", call.describe(), response, attempt + 1,
            maxAttempts);
        backoff(attempt);
        continue;
      }
      return response;
    }
  }

  /** Waits before attempt {@code attempt + 1}: exponential, capped, with jitter so parallel runs spread out. */
  public void backoff(int attempt) {
    long base = Math.min(30_000L, 1000L << Math.min(attempt - 1, 5));
    long millis = base / 2 + (long) (jitter.nextDouble() * (base / 2.0));
    pause(Duration.ofMillis(millis), null);
  }

  private void refuseWritesWhenReadOnly(Call call) {
    if (!readOnly) {
      return;
    }
    boolean graphQlQuery = call.kind() == Kind.READ && "POST".equals(call.method()) && isGraphQlQuery(call.body());
    if (call.kind() == Kind.READ && ("GET".equals(call.method()) || graphQlQuery)) {
      return;
    }
    throw new PreconditionException("This GitHub view is read-only and refused to send " + call.describe()
        + ". Use the writable GitHub to change the repository, or release.plan() to rehearse the change.");
  }

  /** A GraphQL POST is let through a read-only view only when it is a query; a mutation is a write. */
  static boolean isGraphQlQuery(String body) {
    String query = Json.text(Json.object(Json.parse(body)), "query").strip();
    return query.startsWith("query") || query.startsWith("{");
  }

  private ApiResponse once(Call call) {
    String key = call.url().toString();
    Cached cached = "GET".equals(call.method()) ? shared.etags.get(key) : null;
    Request.Builder request = new Request.Builder()
        .url(call.url())
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", API_VERSION)
        .header("User-Agent", "releasekit")
        .header("Authorization", token.reveal(value -> "Bearer " + value));
    if (cached != null) {
      request.header("If-None-Match", cached.etag());
    }
    if ("GET".equals(call.method())) {
      request.get();
    } else {
      request.method(call.method(), RequestBody.create(call.body() == null ? "{}" : call.body(), JSON));
    }
    shared.total.incrementAndGet();
    shared.byMethod.computeIfAbsent(call.method(), m -> new AtomicLong()).incrementAndGet();
    if (call.kind() == Kind.READ && "POST".equals(call.method())) {
      shared.graphQl.incrementAndGet();
    }
    try (Response response = client.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
      }
      rememberRateLimit(headers);
      ApiResponse answer;
      if (response.code() == 304 && cached != null) {
        shared.notModified.incrementAndGet();
        Map<String, List<String>> merged = new LinkedHashMap<>(cached.headers());
        merged.putAll(headers);
        merged.put("link", cached.headers().getOrDefault("link", List.of()));
        answer = new ApiResponse(200, merged, cached.body(), null, true);
      } else {
        answer = new ApiResponse(response.code(), headers, text, null, false);
        if (response.code() == 200 && "GET".equals(call.method())) {
          answer.header("etag").ifPresent(etag -> shared.etags.put(key, new Cached(etag, text, headers)));
        }
      }
      LOG.debug("{} -> {}{} (request id {})", call.describe(), response.code(),
          answer.fromCache() ? " (cached)" : "", answer.requestId().orElse("none"));
      return answer;
    } catch (IOException e) {
      String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      LOG.debug("{} -> no answer: {}", call.describe(), token.redact(error));
      return ApiResponse.noAnswer(token.redact(error));
    }
  }

  private void rememberRateLimit(Map<String, List<String>> headers) {
    List<String> remaining = headers.get("x-ratelimit-remaining");
    List<String> reset = headers.get("x-ratelimit-reset");
    if (remaining != null && !remaining.isEmpty() && "0".equals(remaining.get(0).trim()) && reset != null
        && !reset.isEmpty()) {
      try {
        shared.blockedUntil.set(Instant.ofEpochSecond(Long.parseLong(reset.get(0).trim())));
      } catch (NumberFormatException e) {
        LOG.debug("unreadable x-ratelimit-reset header");
      }
    }
  }

  /** Before sending: when the last answer said the primary limit is used up, wait for its reset. */
  private void awaitKnownReset(Call call) {
    Instant until = shared.blockedUntil.get();
    if (until == null) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), until);
    if (!wait.isNegative() && !wait.isZero()) {
      if (wait.compareTo(rateLimitBudget) > 0) {
        throw rateLimited(call, null, until);
      }
      LOG.info("GitHub's rate limit is used up; waiting {}s for it to reset before {}", wait.toSeconds(),
          call.describe());
      pause(wait, call);
    }
    shared.blockedUntil.compareAndSet(until, null);
  }

  /**
   * How long to wait before sending {@code call} again, when {@code response} refused it for a rate limit; null
   * when it did not. Such a refusal means nothing happened, so even a create may be sent again.
   */
  private Duration rateLimitWait(Call call, ApiResponse response) {
    if (response.status() != 403 && response.status() != 429) {
      return null;
    }
    Instant now = clock.instant();
    Duration wait = null;
    Instant resetAt = null;
    String message = response.message().toLowerCase(Locale.ROOT);
    if (response.header("retry-after").isPresent()) {
      try {
        wait = Duration.ofSeconds(Long.parseLong(response.header("retry-after").get().trim()));
      } catch (NumberFormatException e) {
        wait = SECONDARY_DEFAULT_WAIT;
      }
    } else if (response.header("x-ratelimit-remaining").map(v -> v.trim().equals("0")).orElse(false)
        && response.header("x-ratelimit-reset").isPresent()) {
      try {
        resetAt = Instant.ofEpochSecond(Long.parseLong(response.header("x-ratelimit-reset").get().trim()));
        wait = Duration.between(now, resetAt).plusSeconds(1);
        if (wait.isNegative()) {
          wait = Duration.ofSeconds(1);
        }
      } catch (NumberFormatException e) {
        wait = SECONDARY_DEFAULT_WAIT;
      }
    } else if (message.contains("secondary rate limit") || message.contains("abuse detection")
        || response.status() == 429) {
      wait = SECONDARY_DEFAULT_WAIT;
    } else {
      return null;
    }
    shared.blockedUntil.set(null);
    if (wait.compareTo(rateLimitBudget) > 0) {
      throw rateLimited(call, response, resetAt != null ? resetAt : now.plus(wait));
    }
    LOG.info("GitHub rate-limited {} ({}); waiting {}s", call.describe(), response.status(), wait.toSeconds());
    return wait;
  }

  private RateLimitException rateLimited(Call call, ApiResponse response, Instant resetAt) {
    return new RateLimitException(service, response == null ? 0 : response.status(),
        response == null ? null : response.requestId().orElse(null), resetAt,
        "GitHub's rate limit for this token resets at " + resetAt + ", later than the waiting budget of "
            + rateLimitBudget.toSeconds() + "s allows (" + call.describe() + " was not sent again). Run again "
            + "after " + resetAt + "; steps already done will be skipped. Or raise rateLimitBudget(...).");
  }

  private void pause(Duration duration, Call call) {
    sleeper.sleep(duration);
  }
}
