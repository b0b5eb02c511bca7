package dev.releasekit.website;

import dev.releasekit.spi.Sleeper;
import dev.releasekit.website.internal.Http;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What every announcer's builder takes besides its destination: your own OkHttp client (proxies, timeouts), and the
 * clock, sleeper and budget a rate limit's {@code Retry-After} is waited out with.
 *
 * <pre>{@code
 * Slack.builder().token(token).channel("C0RELEASES")
 *     .client(myOkHttpClient).rateLimitBudget(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class AnnouncerBuilder<B extends AnnouncerBuilder<B>> {
  private OkHttpClient client;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private Duration rateLimitBudget = Duration.ofMinutes(2);

  AnnouncerBuilder() {
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The caller's client, with its proxy and timeouts; shared, never shut down by the announcer. */
  public B client(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client");
    return self();
  }

  /** The clock rate-limit resets are told with. */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** How to wait out a 429's {@code Retry-After}. */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /** The longest total wait for rate limits in one post (default 2 minutes); longer fails, sending nothing. */
  public B rateLimitBudget(Duration budget) {
    this.rateLimitBudget = Http.checkBudget(budget);
    return self();
  }

  /** Takes over an announcer's settings, for its {@code toBuilder()}. */
  void copy(OkHttpClient client, Clock clock, Sleeper sleeper, Duration rateLimitBudget) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.rateLimitBudget = rateLimitBudget;
  }

  OkHttpClient httpClient() {
    return client;
  }

  Clock timeClock() {
    return clock;
  }

  Sleeper timeSleeper() {
    return sleeper;
  }

  Duration budget() {
    return rateLimitBudget;
  }
}
