package dev.releasekit.github.internal;

import dev.releasekit.RateLimitException;
import dev.releasekit.spi.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out GitHub's rate limits within a budget. Before sending, when an earlier answer said the primary limit is
 * used up ({@code x-ratelimit-remaining: 0}), it waits for {@code x-ratelimit-reset}. After a refusal (403 or 429)
 * it waits for {@code retry-after}, the reset, or a minute for a secondary limit GitHub names only in its message
 * ("secondary rate limit", "abuse detection"), then sends the same request again: a refused request did nothing,
 * so even a create may be sent again. A wait longer than the budget throws a {@link RateLimitException}.
 */
final class RateLimits implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
  private static final int MAX_WAITS = 8;
  private static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofMinutes(1);

  private final String service;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration budget;
  private final AtomicReference<Instant> blockedUntil = new AtomicReference<>();

  RateLimits(String service, Clock clock, Sleeper sleeper, Duration budget) {
    this.service = service;
    this.clock = clock;
    this.sleeper = sleeper;
    this.budget = budget;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int waits = 0; ; waits++) {
      awaitKnownReset(request);
      Response response = chain.proceed(request);
      remember(response);
      Duration wait = waitFor(request, response);
      if (wait == null) {
        return response;
      }
      if (waits >= MAX_WAITS) {
        throw rateLimited(request, response, clock.instant().plus(wait));
      }
      response.close();
      sleeper.sleep(wait);
    }
  }

  private void remember(Response response) {
    String reset = response.header("x-ratelimit-reset");
    if ("0".equals(trim(response.header("x-ratelimit-remaining"))) && reset != null) {
      try {
        blockedUntil.set(Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      } catch (NumberFormatException e) {
        LOG.debug("unreadable x-ratelimit-reset header");
      }
    }
  }

  private void awaitKnownReset(Request request) {
    Instant until = blockedUntil.get();
    if (until == null) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), until);
    if (!wait.isNegative() && !wait.isZero()) {
      if (wait.compareTo(budget) > 0) {
        throw rateLimited(request, null, until);
      }
      LOG.info("GitHub's rate limit is used up; waiting {}s for it to reset before {} {}", wait.toSeconds(),
          request.method(), request.url().encodedPath());
      sleeper.sleep(wait);
    }
    blockedUntil.compareAndSet(until, null);
  }

  /** How long to wait before sending again when {@code response} refused for a rate limit; null when it did not. */
  private Duration waitFor(Request request, Response response) throws IOException {
    if (response.code() != 403 && response.code() != 429) {
      return null;
    }
    Instant now = clock.instant();
    Duration wait;
    Instant resetAt = null;
    String retryAfter = response.header("retry-after");
    String reset = response.header("x-ratelimit-reset");
    if (retryAfter != null) {
      wait = seconds(retryAfter);
    } else if ("0".equals(trim(response.header("x-ratelimit-remaining"))) && reset != null) {
      try {
        resetAt = Instant.ofEpochSecond(Long.parseLong(reset.trim()));
        wait = Duration.between(now, resetAt).plusSeconds(1);
        wait = wait.isNegative() ? Duration.ofSeconds(1) : wait;
      } catch (NumberFormatException e) {
        wait = SECONDARY_DEFAULT_WAIT;
      }
    } else if (response.code() == 429 || namesSecondaryLimit(response)) {
      wait = SECONDARY_DEFAULT_WAIT;
    } else {
      return null;
    }
    blockedUntil.set(null);
    if (wait.compareTo(budget) > 0) {
      throw rateLimited(request, response, resetAt != null ? resetAt : now.plus(wait));
    }
    LOG.info("GitHub rate-limited {} {} ({}); waiting {}s", request.method(), request.url().encodedPath(),
        response.code(), wait.toSeconds());
    return wait;
  }

  private static boolean namesSecondaryLimit(Response response) throws IOException {
    String message = response.peekBody(64 * 1024).string().toLowerCase(Locale.ROOT);
    return message.contains("secondary rate limit") || message.contains("abuse detection");
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return SECONDARY_DEFAULT_WAIT;
    }
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }

  private RateLimitException rateLimited(Request request, Response response, Instant resetAt) {
    return new RateLimitException(service, response == null ? 0 : response.code(),
        response == null ? null : response.header("x-github-request-id"), resetAt,
        "GitHub's rate limit for this token resets at " + resetAt + ", later than the waiting budget of "
            + budget.toSeconds() + "s allows (" + request.method() + " " + request.url().encodedPath()
            + " was not sent again). Run again after " + resetAt + "; steps already done will be skipped. Or "
            + "raise rateLimitBudget(...).");
  }
}
