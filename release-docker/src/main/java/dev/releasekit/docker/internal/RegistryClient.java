package dev.releasekit.docker.internal;

import dev.releasekit.AuthenticationException;
import dev.releasekit.RateLimitException;
import dev.releasekit.RemoteException;
import dev.releasekit.spi.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP side of a registry. Inside it, a status is data ({@link Answer}); callers turn the answers they do not
 * expect into typed exceptions with {@link #failure}. It authenticates (basic, or bearer tokens fetched from the
 * challenge's realm and cached per scope), waits out short rate limits, and retries reads that failed in transit.
 * Writes are never retried here: the caller reads back first.
 */
public final class RegistryClient {
  private static final Pattern WINDOW = Pattern.compile("w=(\\d+)");
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(5);

  private final OkHttpClient http;
  private final Function<String, Optional<DockerConfig.Login>> logins;
  private final Map<String, String> endpoints;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration rateLimitBudget;
  private final int attempts;
  private final UnaryOperator<String> redactor;
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  public RegistryClient(OkHttpClient http, Function<String, Optional<DockerConfig.Login>> logins,
      Map<String, String> endpoints, Clock clock, Sleeper sleeper, Duration rateLimitBudget, int attempts,
      UnaryOperator<String> redactor) {
    this.http = Objects.requireNonNull(http);
    this.logins = Objects.requireNonNull(logins);
    this.endpoints = Map.copyOf(endpoints);
    this.clock = Objects.requireNonNull(clock);
    this.sleeper = Objects.requireNonNull(sleeper);
    this.rateLimitBudget = Objects.requireNonNull(rateLimitBudget);
    this.attempts = attempts;
    this.redactor = Objects.requireNonNull(redactor);
  }

  /** What one request asks: {@code push} says whether the token must allow writing to the repository. */
  public record Call(String method, String host, String repository, HttpUrl url, Headers headers, byte[] body,
      String contentType, boolean push) {

    public static Call get(String host, String repository, HttpUrl url, Headers headers) {
      return new Call("GET", host, repository, url, headers, null, null, false);
    }

    public boolean isRead() {
      return method.equals("GET") || method.equals("HEAD");
    }
  }

  /** An answer: status, headers and the whole body (manifests and error documents are small). */
  public record Answer(int status, Headers headers, byte[] body, HttpUrl url) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  /** The base URL of a registry host: plain HTTP for loopback hosts, HTTPS otherwise, unless mapped. */
  public HttpUrl base(String host) {
    String mapped = endpoints.get(host);
    if (mapped != null) {
      return Objects.requireNonNull(HttpUrl.parse(mapped), mapped);
    }
    String bare = host.replaceFirst(":[0-9]+$", "");
    boolean loopback = bare.equals("localhost") || bare.equals("127.0.0.1") || bare.equals("[::1]");
    return Objects.requireNonNull(HttpUrl.parse((loopback ? "http://" : "https://") + host + "/"), host);
  }

  public HttpUrl url(String host, String path) {
    return base(host).newBuilder().addPathSegments(path).build();
  }

  public Answer send(Call call) {
    int transientFailures = 0;
    int rateLimitWaits = 0;
    boolean renewed = false;
    while (true) {
      Answer answer;
      try {
        answer = execute(call, authorization(call));
      } catch (IOException e) {
        if (call.isRead() && ++transientFailures < attempts) {
          backoff(transientFailures);
          continue;
        }
        throw new RemoteException(call.host(), 0, null, "Could not reach " + call.host() + " for " + call.method()
            + " " + call.url().encodedPath() + " (" + redactor.apply(String.valueOf(e.getMessage()))
            + "). Check the address and the network, then run again.", e);
      }
      if (answer.status() == 401 && !renewed) {
        Optional<Challenge> challenge = answer.header("WWW-Authenticate").flatMap(Challenge::parse);
        if (challenge.isPresent() && (challenge.get().isBearer() || challenge.get().isBasic())) {
          renewed = true;
          challenges.put(call.host(), challenge.get());
          if (challenge.get().isBearer()) {
            String scope = challenge.get().parameter("scope").orElse(scope(call));
            fetchToken(call.host(), challenge.get(), scope);
            continue;
          }
          if (logins.apply(call.host()).isPresent()) {
            continue;
          }
        }
        return answer;
      }
      if (answer.status() == 429) {
        Instant resetAt = resetAt(answer);
        Duration wait = Duration.between(clock.instant(), resetAt);
        if (rateLimitWaits < 2 && wait.compareTo(rateLimitBudget) <= 0) {
          rateLimitWaits++;
          sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
          continue;
        }
        throw rateLimited(call.host(), answer, resetAt);
      }
      if (call.isRead() && transientStatus(answer.status()) && ++transientFailures < attempts) {
        backoff(transientFailures);
        continue;
      }
      return answer;
    }
  }

  private static boolean transientStatus(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  private void backoff(int failures) {
    sleeper.sleep(Duration.ofMillis(200L << Math.min(failures - 1, 5)));
  }

  private Answer execute(Call call, Optional<String> authorization) throws IOException {
    okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(call.url()).headers(call.headers());
    authorization.ifPresent(value -> request.header("Authorization", value));
    if (call.body() != null) {
      MediaType type = call.contentType() == null ? null : MediaType.parse(call.contentType());
      request.method(call.method(), RequestBody.create(call.body(), type));
      if (call.contentType() != null) {
        // okhttp would append "; charset=utf-8" to some types; the registry compares the media type exactly.
        request.header("Content-Type", call.contentType());
      }
    } else if (call.method().equals("PUT") || call.method().equals("POST") || call.method().equals("PATCH")) {
      request.method(call.method(), RequestBody.create(new byte[0], null));
    } else {
      request.method(call.method(), null);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null || call.method().equals("HEAD") ? new byte[0] : body.bytes();
      return new Answer(response.code(), response.headers(), bytes, response.request().url());
    }
  }

  private static String scope(Call call) {
    return call.repository() == null ? null
        : "repository:" + call.repository() + ":" + (call.push() ? "pull,push" : "pull");
  }

  private Optional<String> authorization(Call call) {
    Challenge challenge = challenges.get(call.host());
    if (challenge == null) {
      return Optional.empty();
    }
    if (challenge.isBasic()) {
      return logins.apply(call.host()).map(RegistryClient::basic);
    }
    String scope = scope(call);
    Token token = cached(challenge, scope);
    if (token == null && !call.push() && call.repository() != null) {
      token = cached(challenge, "repository:" + call.repository() + ":pull,push");
    }
    if (token == null) {
      token = fetchToken(call.host(), challenge, scope);
    }
    return Optional.of("Bearer " + token.value());
  }

  private static String basic(DockerConfig.Login login) {
    return login.password().reveal(password -> Credentials.basic(login.username(), password));
  }

  private Token cached(Challenge challenge, String scope) {
    Token token = tokens.get(key(challenge, scope));
    return token != null && clock.instant().isBefore(token.expiresAt()) ? token : null;
  }

  private static String key(Challenge challenge, String scope) {
    return challenge.parameter("realm").orElse("") + "|" + challenge.parameter("service").orElse("") + "|" + scope;
  }

  private Token fetchToken(String host, Challenge challenge, String scope) {
    String realm = challenge.parameter("realm").orElseThrow(() -> new RemoteException(host, 401, null,
        host + " asked for a bearer token without saying where to get one (no realm). Report it to the registry"
        + " operator."));
    HttpUrl realmUrl = HttpUrl.parse(realm);
    if (realmUrl == null) {
      throw new RemoteException(host, 401, null, host + " named a token service that is not a URL (" + realm
          + "). Report it to the registry operator.");
    }
    HttpUrl.Builder url = realmUrl.newBuilder();
    challenge.parameter("service").ifPresent(service -> url.addQueryParameter("service", service));
    if (scope != null) {
      url.addQueryParameter("scope", scope);
    }
    Optional<DockerConfig.Login> login = logins.apply(host);
    Call call = Call.get(realmUrl.host(), null, url.build(), Headers.of());
    Answer received;
    int failures = 0;
    while (true) {
      try {
        received = execute(call, login.map(RegistryClient::basic));
      } catch (IOException e) {
        if (++failures < attempts) {
          backoff(failures);
          continue;
        }
        throw new RemoteException(realmUrl.host(), 0, null, "Could not reach the token service " + realmUrl.host()
            + " of " + host + " (" + e.getMessage() + "). Check the network and run again.", e);
      }
      if (received.status() == 429) {
        Instant resetAt = resetAt(received);
        Duration wait = Duration.between(clock.instant(), resetAt);
        if (failures++ < 2 && wait.compareTo(rateLimitBudget) <= 0) {
          sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
          continue;
        }
        throw rateLimited(realmUrl.host(), received, resetAt);
      }
      if (transientStatus(received.status()) && ++failures < attempts) {
        backoff(failures);
        continue;
      }
      break;
    }
    Answer answer = received;
    if (answer.status() == 401 || answer.status() == 403) {
      throw new AuthenticationException(realmUrl.host(), answer.status(), requestId(answer),
          "The token service of " + host + " refused " + (login.isPresent() ? "the credentials of user '"
          + login.get().username() + "'" : "an anonymous request") + " for " + (scope == null ? "access" : scope)
          + errorText(answer) + ". " + (login.isPresent() ? "Check the user name and password (or run 'docker login "
          + host + "' again)." : "Give credentials with Registry.builder().credentials(...) or 'docker login "
          + host + "'."));
    }
    if (!answer.ok()) {
      throw failure(realmUrl.host(), answer, "get a token for " + scope);
    }
    Map<?, ?> json = Json.object(answer.body()).orElseThrow(() -> new RemoteException(realmUrl.host(),
        answer.status(), requestId(answer), "The token service of " + host + " answered without JSON. Check that "
        + realm + " is a token service."));
    String value = Json.string(json, "token").or(() -> Json.string(json, "access_token"))
        .filter(t -> !t.isBlank()).orElseThrow(() -> new RemoteException(realmUrl.host(), answer.status(),
            requestId(answer), "The token service of " + host + " answered without a token. Check that " + realm
            + " is a token service."));
    long seconds = json.get("expires_in") instanceof Number n && n.longValue() > 0 ? n.longValue() : 60;
    Instant expiresAt = clock.instant().plusSeconds(seconds).minus(TOKEN_MARGIN);
    Token token = new Token(value, expiresAt);
    tokens.put(key(challenge, scope), token);
    return token;
  }

  private record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[****, expires " + expiresAt + "]";
    }
  }

  /** When a 429 ends: {@code Retry-After} (seconds or a date), else the window Docker Hub announces, else a minute. */
  public Instant resetAt(Answer answer) {
    Instant now = clock.instant();
    Optional<String> retryAfter = answer.header("Retry-After").map(String::trim);
    if (retryAfter.isPresent()) {
      try {
        return now.plusSeconds(Long.parseLong(retryAfter.get()));
      } catch (NumberFormatException notSeconds) {
        try {
          return ZonedDateTime.parse(retryAfter.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notADate) {
          // fall through to the other hints
        }
      }
    }
    Optional<String> reset = answer.header("RateLimit-Reset").or(() -> answer.header("X-RateLimit-Reset"));
    if (reset.isPresent()) {
      try {
        long value = Long.parseLong(reset.get().trim());
        return value > 1_000_000_000L ? Instant.ofEpochSecond(value) : now.plusSeconds(value);
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    Optional<String> window = answer.header("RateLimit-Remaining").or(() -> answer.header("RateLimit-Limit"));
    if (window.isPresent()) {
      Matcher matcher = WINDOW.matcher(window.get());
      if (matcher.find()) {
        return now.plusSeconds(Long.parseLong(matcher.group(1)));
      }
    }
    return now.plusSeconds(60);
  }

  private RateLimitException rateLimited(String host, Answer answer, Instant resetAt) {
    String code = errorCode(answer).orElse("429");
    return new RateLimitException(host, 429, requestId(answer), resetAt, host + " refused more requests ("
        + code + errorText(answer) + "). The limit resets at " + resetAt + "; run again after that"
        + (code.equals("TOOMANYREQUESTS") ? ", or log in (Registry.builder().credentials(...) or 'docker login')"
        + " for a higher pull limit" : "") + ". Steps already done will be skipped.");
  }

  /** Turns an answer nobody expected into the exception for its status; {@code doing} reads "put x:y". */
  public RemoteException failure(String host, Answer answer, String doing) {
    int status = answer.status();
    String what = "Could not " + doing + " on " + host + ": HTTP " + status + errorCodeText(answer);
    if (status == 401) {
      boolean hasLogin = logins.apply(host).isPresent();
      Optional<Challenge> challenge = answer.header("WWW-Authenticate").flatMap(Challenge::parse);
      Optional<String> error = challenge.flatMap(c -> c.parameter("error"));
      if (error.isPresent()) {
        what += " (" + error.get() + challenge.flatMap(c -> c.parameter("scope")).map(s -> " for " + s).orElse("")
            + ": the repository does not exist, is private, or the account lacks access)";
      }
      return new AuthenticationException(host, status, requestId(answer), what + ". " + (hasLogin
          ? "The credentials were refused; check the user name and password (or run 'docker login " + host
          + "' again)."
          : "The registry needs credentials; give them with Registry.builder().credentials(\"" + host
          + "\", user, secret) or 'docker login " + host + "'."));
    }
    if (status == 403) {
      return new AuthenticationException(host, status, requestId(answer), what
          + ". The credentials lack the permission; grant push/pull on the repository or use another account.");
    }
    if (status == 429) {
      return rateLimited(host, answer, resetAt(answer));
    }
    String next = status >= 500 ? "The registry failed; run again later (steps already done are skipped)."
        : "Check the image reference and the registry's documentation.";
    return new RemoteException(host, status, requestId(answer), what + ". " + next);
  }

  public static Optional<String> requestIdOf(Answer answer) {
    return answer.header("X-Request-Id").or(() -> answer.header("Docker-Request-Id"))
        .or(() -> answer.header("Request-Id"));
  }

  private static String requestId(Answer answer) {
    return requestIdOf(answer).orElse(null);
  }

  /** The first {@code errors[].code} of a distribution API error document. */
  public static Optional<String> errorCode(Answer answer) {
    return firstError(answer).flatMap(error -> Json.string(error, "code"));
  }

  private static Optional<Map<?, ?>> firstError(Answer answer) {
    return Json.object(answer.body()).map(json -> Json.list(json, "errors")).filter(list -> !list.isEmpty())
        .map(list -> list.get(0)).filter(Map.class::isInstance).map(e -> (Map<?, ?>) e);
  }

  private String errorText(Answer answer) {
    Optional<Map<?, ?>> error = firstError(answer);
    Optional<String> message = error.flatMap(e -> Json.string(e, "message"))
        .or(() -> Json.object(answer.body()).flatMap(json -> Json.string(json, "details")))
        .or(() -> Json.object(answer.body()).flatMap(json -> Json.string(json, "message")));
    return message.map(m -> ": " + redactor.apply(abbreviate(m))).orElse("");
  }

  private String errorCodeText(Answer answer) {
    Optional<String> code = errorCode(answer);
    return code.map(c -> " " + c).orElse("") + errorText(answer);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }
}
