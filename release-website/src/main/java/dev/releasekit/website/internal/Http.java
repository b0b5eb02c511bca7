package dev.releasekit.website.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.RateLimitException;
import dev.releasekit.Secret;
import dev.releasekit.spi.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One HTTP client of an announcer. Inside, a status is data ({@link Answer}); an answer that never came is a
 * checked {@link NoAnswer}, so every caller decides whether the write may have happened. Rate limits (429 with
 * {@code Retry-After}, or an answer the caller recognises as one) are waited out on the injected sleeper while the
 * total stays within the budget; past it a {@link RateLimitException} says when to run again. No message built here
 * contains a URL or a header value: the URL of a webhook is its credential.
 */
public final class Http {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;
  private final String service;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration budget;

  public Http(OkHttpClient client, String service, Clock clock, Sleeper sleeper, Duration budget) {
    this.client = client == null ? defaultClient() : client;
    this.service = Objects.requireNonNull(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  private static OkHttpClient defaultClient() {
    return new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
        .retryOnConnectionFailure(false).build();
  }

  /** An answer: status, headers (lower-case names) and body text. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public Answer {
      headers = Map.copyOf(headers);
      body = body == null ? "" : body;
    }

    public boolean isSuccessful() {
      return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /** The request went out (or may have) and no answer came back: a timeout, a reset, a closed connection. */
  public static final class NoAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message) {
      super(message);
    }
  }

  /** A builder's rate-limit budget, checked. */
  public static Duration checkBudget(Duration budget) {
    if (Objects.requireNonNull(budget, "budget").isNegative()) {
      throw new PreconditionException("The rate-limit budget must not be negative; pass Duration.ZERO to never"
          + " wait.");
    }
    return budget;
  }

  /**
   * The URL in {@code secret}, which is a credential (a webhook's URL): refused when it is no URL, or when it is
   * not HTTPS and not loopback. Messages describe the URL without quoting it.
   */
  public static HttpUrl secretUrl(Secret secret, String what, String hint) {
    HttpUrl url = Optional.ofNullable(Objects.requireNonNull(secret, "url").reveal(HttpUrl::parse))
        .orElseThrow(() -> new PreconditionException("The URL of " + what + " is not an http(s) URL. " + hint));
    if (!isSafeForCredentials(url)) {
      throw new PreconditionException("The URL of " + what + " does not use HTTPS. The URL is the credential, so"
          + " it is only ever sent over HTTPS (plain http only to a loopback address, for tests). " + hint);
    }
    return url;
  }

  /**
   * {@code text} (an answer's body) without the secret URL, and without its path, its query or any path segment
   * of eight characters or more alone: that is where a webhook keeps its credential (Slack: team, bot and token
   * ids), and what a receiver may echo back.
   */
  public static String redact(Secret secret, HttpUrl url, String text) {
    List<String> parts = new ArrayList<>(List.of(url.encodedPath()));
    Optional.ofNullable(url.encodedQuery()).ifPresent(parts::add);
    url.encodedPathSegments().stream().filter(segment -> segment.length() >= 8).forEach(parts::add);
    String redacted = secret.redact(text);
    for (String part : parts) {
      if (part.length() > 1) {
        redacted = redacted.replace(part, "****");
      }
    }
    return redacted;
  }

  /** Whether {@code url} may carry a credential: HTTPS, or plain HTTP to a loopback address (tests, tunnels). */
  public static boolean isSafeForCredentials(HttpUrl url) {
    if (url.isHttps()) {
      return true;
    }
    String host = url.host();
    return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
  }

  /** POSTs JSON, waiting out rate limits within the budget. */
  public Answer postJson(HttpUrl url, Map<String, String> headers, String json, Predicate<Answer> rateLimited)
      throws NoAnswer {
    return withinBudget(() -> call(new Request.Builder().url(url).post(RequestBody.create(json, JSON)), headers),
        rateLimited);
  }

  /** GETs, waiting out rate limits within the budget. */
  public Answer get(HttpUrl url, Map<String, String> headers, Predicate<Answer> rateLimited) throws NoAnswer {
    return withinBudget(() -> call(new Request.Builder().url(url).get(), headers), rateLimited);
  }

  @FunctionalInterface
  private interface Exchange {
    Answer send() throws NoAnswer;
  }

  private Answer withinBudget(Exchange exchange, Predicate<Answer> rateLimited) throws NoAnswer {
    Duration waited = Duration.ZERO;
    while (true) {
      Answer answer = exchange.send();
      if (answer.status() != 429 && !rateLimited.test(answer)) {
        return answer;
      }
      Duration wait = retryAfter(answer);
      if (waited.plus(wait).compareTo(budget) > 0) {
        Instant resetAt = clock.instant().plus(wait);
        throw new RateLimitException(service, answer.status(), answer.header("x-slack-req-id").orElse(null),
            resetAt, service + " is rate-limiting these requests until " + resetAt + " (Retry-After "
                + wait.toSeconds() + "s), past the rate-limit budget of " + budget.toSeconds() + "s. Run again"
                + " after " + resetAt + ", or raise rateLimitBudget(...).");
      }
      sleeper.sleep(wait);
      waited = waited.plus(wait);
    }
  }

  private static Duration retryAfter(Answer answer) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(answer.header("retry-after").orElse("1").strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  private Answer call(Request.Builder request, Map<String, String> headers) throws NoAnswer {
    headers.forEach(request::header);
    try (Response response = client.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      Map<String, String> names = new LinkedHashMap<>();
      response.headers().names().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), response.header(n)));
      return new Answer(response.code(), names, body == null ? "" : body.string());
    } catch (IOException e) {
      // okhttp's messages name the host at most, never the path; the class says what happened.
      throw new NoAnswer("no answer from " + service + " (" + e.getClass().getSimpleName() + ")");
    }
  }
}
