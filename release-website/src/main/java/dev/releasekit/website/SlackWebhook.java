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
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A Slack channel posted to through an incoming webhook: the simplest set-up (no bot, no scopes), at the price of
 * never being able to read a post back.
 *
 * <pre>{@code
 * SlackWebhook hook = SlackWebhook.builder()
 *     .url(Secret.fromEnv("SLACK_WEBHOOK_URL"))       // https://hooks.slack.com/services/T.../B.../...: the secret
 *     .channel("#releases")                           // for reports and keys only; the URL decides the channel
 *     .build();
 * release.then(hook.announce("Home Assistant {version} is out: {blog.url}"));
 * }</pre>
 *
 * <p>Success is HTTP 200 with the plain-text body {@code ok}. Slack's errors are plain strings: 400
 * {@code invalid_payload}, 403 {@code action_prohibited}, 404 {@code channel_not_found} or {@code no_service}, 410
 * {@code channel_is_archived}; each throws {@link SideEffect.NotPerformedException} saying what to fix, and a
 * re-run tries again. A 5xx, a timeout or a lost answer may come after the post went out, and a webhook keeps no
 * history, so {@link #find} is always UNKNOWN: the run fails and the next one is BLOCKED with "may have happened
 * ... check the channel, then confirm or resend". It never posts twice on its own.
 *
 * <p>The URL is a {@link Secret}: it is refused unless it is HTTPS (or loopback, for tests), and it never appears
 * in a name, a message, a report or the journal.
 */
public final class SlackWebhook implements Announcer, SecretHolder {
  private static final String HINT = "Copy the https://hooks.slack.com/services/... URL from the app's Incoming"
      + " Webhooks page.";

  private final Secret url;
  private final HttpUrl parsed;
  private final String channel;
  private final String blocks;
  private final OkHttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration rateLimitBudget;
  private final Http http;

  private SlackWebhook(Builder builder) {
    if (builder.url == null) {
      throw new PreconditionException("No webhook URL was given. Pass url(Secret.fromEnv(\"SLACK_WEBHOOK_URL\")). "
          + HINT);
    }
    this.url = builder.url;
    this.channel = builder.channel;
    this.parsed = Http.secretUrl(url, "the Slack webhook of " + channel, HINT);
    this.blocks = builder.blocks;
    if (blocks != null) {
      Slack.Blocks.render(blocks, "text");
    }
    this.client = builder.httpClient();
    this.clock = builder.timeClock();
    this.sleeper = builder.timeSleeper();
    this.rateLimitBudget = builder.budget();
    this.http = new Http(client, "the Slack webhook of " + channel, clock, sleeper, rateLimitBudget);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The channel the webhook posts to, as given to the builder. */
  public String channel() {
    return channel;
  }

  /** A step that posts {@code template} through this webhook once; see {@link Announcements}. */
  public Step announce(String template) {
    return Announcements.announce(MessageTemplate.of(template), this);
  }

  @Override
  public String name() {
    return "slack webhook " + channel;
  }

  @Override
  public String send(Announcement announcement) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("text", announcement.text());
    if (blocks != null) {
      payload.put("blocks", Slack.Blocks.render(blocks, announcement.text()));
    }
    Http.Answer answer;
    try {
      answer = http.postJson(parsed, Map.of(), Json.write(payload), a -> false);
    } catch (Http.NoAnswer e) {
      throw mayHaveHappened(e.getMessage(), 0);
    } catch (RateLimitException e) {
      throw new SideEffect.NotPerformedException(e.getMessage() + " Nothing was posted to " + channel + ".", e);
    }
    String body = Http.redact(url, parsed, answer.body()).strip();
    if (answer.status() == 200 && body.equals("ok")) {
      return "ok";
    }
    if (answer.status() >= 500 || answer.isSuccessful()) {
      throw mayHaveHappened("HTTP " + answer.status() + " " + shorten(body), answer.status());
    }
    throw new SideEffect.NotPerformedException("Slack refused the post to " + channel + " (HTTP "
        + answer.status() + " " + shorten(body) + "); nothing was posted. " + advice(body) + " Then run again.");
  }

  private RemoteException mayHaveHappened(String what, int status) {
    return new RemoteException("hooks.slack.com", status, null, "The incoming webhook of " + channel + " answered "
        + what + ": the message may have been posted to " + channel + ", and a webhook cannot be read back."
        + " Check the channel, then run again with .confirm(\"announce " + name() + "\") if it is there or"
        + " .resend(\"announce " + name() + "\") if it is not.");
  }

  private static String advice(String error) {
    switch (error) {
      case "invalid_payload":
        return "Slack could not read the message: check the blocks JSON and the template.";
      case "action_prohibited":
        return "A workspace admin restricted posting to this channel; ask them, or use another webhook.";
      case "channel_not_found":
      case "user_not_found":
        return "The webhook's channel no longer exists; create a new webhook for an existing channel.";
      case "channel_is_archived":
        return "The webhook's channel is archived; unarchive it or create a webhook for another channel.";
      case "no_service":
      case "no_team":
      case "invalid_token":
        return "The webhook was removed or revoked; create a new one and set its URL. " + HINT;
      default:
        return "See https://api.slack.com/messaging/webhooks#handling_errors.";
    }
  }

  private static String shorten(String body) {
    String line = body.lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  /** An incoming webhook keeps no history: whether a post went out cannot be told. */
  @Override
  public SideEffect.Status find(Announcement announcement) {
    return SideEffect.Status.UNKNOWN;
  }

  /** The webhook's secret URL, for a log that masks it before anything is printed. */
  @Override
  public List<Secret> secrets() {
    return List.of(url);
  }

  @Override
  public String toString() {
    return "SlackWebhook[" + channel + ", url=****]";
  }

  /** Configures a {@link SlackWebhook}; {@link #url} is required. */
  public static final class Builder extends AnnouncerBuilder<Builder> {
    private Secret url;
    private String channel = "(webhook channel)";
    private String blocks;

    private Builder() {
    }

    private Builder(SlackWebhook webhook) {
      this.url = webhook.url;
      this.channel = webhook.channel;
      this.blocks = webhook.blocks;
      copy(webhook.client, webhook.clock, webhook.sleeper, webhook.rateLimitBudget);
    }

    /** The webhook's URL, which is its credential. */
    public Builder url(Secret url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The channel the webhook was created for, such as {@code #releases}: names the posts in reports and keys. */
    public Builder channel(String channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /** Block Kit blocks, a JSON array in which {@code {text}} is replaced by the text. */
    public Builder blocks(String jsonArray) {
      this.blocks = Objects.requireNonNull(jsonArray, "jsonArray");
      return this;
    }

    public SlackWebhook build() {
      return new SlackWebhook(this);
    }
  }
}
