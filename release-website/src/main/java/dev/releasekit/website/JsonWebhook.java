package dev.releasekit.website;

import dev.releasekit.PreconditionException;
import dev.releasekit.RateLimitException;
import dev.releasekit.RemoteException;
import dev.releasekit.Secret;
import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.SecretHolder;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.spi.Step;
import dev.releasekit.website.internal.Http;
import dev.releasekit.website.internal.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Any receiver of a JSON {@code POST} (a chat bridge, a status page, your own service), told about the release with
 * an {@code Idempotency-Key} header, so it can deduplicate.
 *
 * <pre>{@code
 * JsonWebhook ops = JsonWebhook.builder()
 *     .name("ops")                                   // for reports and keys
 *     .url(Secret.fromEnv("OPS_WEBHOOK_URL"))        // the URL is the secret
 *     .receiverDeduplicates()                        // only if it honours Idempotency-Key
 *     .build();
 * release.then(ops.announce("{version} released: {release.url}"));
 * }</pre>
 *
 * <p>The body is {@code {"text": ..., "idempotency_key": ...}}, and the header {@code Idempotency-Key} carries the
 * release's nonce for this announcement: the same in every run, different for every release and announcer. A 2xx
 * is success; a 409 or 422 whose body speaks of the key ("idempotency", or the key itself) means the receiver has
 * it already, and the post is recorded as done without a second one. Any other 4xx is a refusal
 * ({@link SideEffect.NotPerformedException}); a 5xx, a timeout or a lost answer may have been received.
 *
 * <p>After such an ambiguous end, a receiver that deduplicates ({@link Builder#receiverDeduplicates()}) makes a
 * second send harmless, so {@link #find} says NOT_PERFORMED and the re-run sends again with the same key; for any
 * other receiver it says UNKNOWN and the re-run is BLOCKED for you to confirm or resend.
 */
public final class JsonWebhook implements Announcer, SecretHolder {
  private static final String HINT = "Pass the receiver's https:// URL.";

  private final String name;
  private final Secret url;
  private final HttpUrl parsed;
  private final Dedup dedup;
  private final OkHttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration rateLimitBudget;
  private final Http http;

  /** Whether the receiver remembers {@code Idempotency-Key}s. */
  private enum Dedup { UNKNOWN, BY_KEY }

  private JsonWebhook(Builder builder) {
    if (builder.name == null || builder.name.isBlank()) {
      throw new PreconditionException("A JSON webhook needs a name for reports and journal keys, such as"
          + " name(\"ops\"); the URL is secret and never shown.");
    }
    if (builder.url == null) {
      throw new PreconditionException("No URL was given for the webhook " + builder.name + ". Pass"
          + " url(Secret.fromEnv(\"...\")).");
    }
    this.name = builder.name.strip();
    this.url = builder.url;
    this.parsed = Http.secretUrl(url, "the webhook " + name, HINT);
    this.dedup = builder.dedup;
    this.client = builder.httpClient();
    this.clock = builder.timeClock();
    this.sleeper = builder.timeSleeper();
    this.rateLimitBudget = builder.budget();
    this.http = new Http(client, "the webhook " + name, clock, sleeper, rateLimitBudget);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A step that posts {@code template} to this webhook once; see {@link Announcements}. */
  public Step announce(String template) {
    return Announcements.announce(MessageTemplate.of(template), this);
  }

  @Override
  public String name() {
    return "webhook " + name;
  }

  @Override
  public String send(Announcement announcement) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("text", announcement.text());
    payload.put("idempotency_key", announcement.nonce());
    Http.Answer answer;
    try {
      answer = http.postJson(parsed, Map.of("Idempotency-Key", announcement.nonce()), Json.write(payload),
          a -> false);
    } catch (Http.NoAnswer e) {
      throw mayHaveHappened(e.getMessage(), 0);
    } catch (RateLimitException e) {
      throw new SideEffect.NotPerformedException(e.getMessage() + " Nothing was sent to " + name() + ".", e);
    }
    String body = Http.redact(url, parsed, answer.body()).strip();
    if (answer.isSuccessful()) {
      return "HTTP " + answer.status();
    }
    if ((answer.status() == 409 || answer.status() == 422) && (body.toLowerCase(Locale.ROOT).contains("idempot")
        || body.contains(announcement.nonce()))) {
      return "already received: the receiver knew Idempotency-Key " + announcement.nonce() + " (HTTP "
          + answer.status() + ")";
    }
    if (answer.status() >= 500 || answer.status() < 400) {
      throw mayHaveHappened("HTTP " + answer.status(), answer.status());
    }
    String shown = body.length() > 120 ? body.substring(0, 117) + "..." : body;
    throw new SideEffect.NotPerformedException("The webhook " + name + " refused the announcement (HTTP "
        + answer.status() + (shown.isEmpty() ? "" : ": " + shown) + "); nothing was delivered. Fix what it"
        + " names, then run again.");
  }

  private RemoteException mayHaveHappened(String what, int status) {
    return new RemoteException(name(), status, null, "The webhook " + name + " answered " + what + ": it may have"
        + " received the announcement. " + (dedup == Dedup.BY_KEY ? "Run again: it is sent with the same"
        + " Idempotency-Key, which the receiver deduplicates." : "Check the receiver, then run again with"
        + " .confirm(\"announce " + name() + "\") if it has it or .resend(\"announce " + name() + "\") if not."));
  }

  /** NOT_PERFORMED when the receiver deduplicates (a second send is harmless), UNKNOWN otherwise. */
  @Override
  public SideEffect.Status find(Announcement announcement) {
    return dedup == Dedup.BY_KEY ? SideEffect.Status.NOT_PERFORMED : SideEffect.Status.UNKNOWN;
  }

  /** The receiver's secret URL, for a log that masks it before anything is printed. */
  @Override
  public List<Secret> secrets() {
    return List.of(url);
  }

  @Override
  public String toString() {
    return "JsonWebhook[" + name + ", url=****]";
  }

  /** Configures a {@link JsonWebhook}; {@link #name} and {@link #url} are required. */
  public static final class Builder extends AnnouncerBuilder<Builder> {
    private String name;
    private Secret url;
    private Dedup dedup = Dedup.UNKNOWN;

    private Builder() {
    }

    private Builder(JsonWebhook webhook) {
      this.name = webhook.name;
      this.url = webhook.url;
      this.dedup = webhook.dedup;
      copy(webhook.client, webhook.clock, webhook.sleeper, webhook.rateLimitBudget);
    }

    /** What reports and journal keys call it, such as {@code ops}. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The receiver's URL, which is a credential. */
    public Builder url(Secret url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Declares that the receiver remembers {@code Idempotency-Key}s (a repeated key answers the first result, or
     * 409/422), so after an ambiguous failure the next run sends again instead of blocking.
     */
    public Builder receiverDeduplicates() {
      this.dedup = Dedup.BY_KEY;
      return this;
    }

    public JsonWebhook build() {
      return new JsonWebhook(this);
    }
  }
}
