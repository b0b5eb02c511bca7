package dev.releasekit.website;

import dev.releasekit.AuthenticationException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A Slack channel, posted to by a bot ({@code chat.postMessage}) with a bot token: an {@link Announcer} that can
 * find its own posts again, so a crash between the post and its record never posts twice and never needs a person.
 *
 * <pre>{@code
 * Slack slack = Slack.builder()
 *     .token(Secret.fromEnv("SLACK_BOT_TOKEN"))             // xoxb-..., scopes chat:write and channels:history
 *     .channel("C0RELEASES")                                 // the ID, so the history can be read back
 *     .rateLimitBudget(Duration.ofMinutes(2))
 *     .build();
 * Release.of("1.31.0").tag().publishRelease()
 *     .then(slack.announce("PostHog {version} is out: {release.url}"))
 *     .run();
 * }</pre>
 *
 * <p>Every post carries the release's nonce in its message {@code metadata}. After a run died between the post and
 * its record, {@link #find} reads {@code conversations.history} with {@code include_all_metadata} and looks for
 * it: found, the post is recorded as sent; not found, it is sent; the history unreadable (no
 * {@code channels:history} scope, not a member, rate-limited, a {@code #name} instead of an ID), the step is
 * BLOCKED, saying what to check. A post whose answer was lost (a reset, a timeout, a 5xx) is looked up the same way
 * before anything else happens.
 *
 * <p>Slack answers errors with HTTP 200 and {@code "ok": false}: the body is read, never only the status. A
 * definite refusal ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth},
 * {@code token_revoked}, ...) throws {@link SideEffect.NotPerformedException} saying what to fix, and a re-run
 * simply tries again. Rate limits (429, {@code ratelimited}, {@code Retry-After}) are waited out on the given
 * clock and sleeper while the total stays within {@link Builder#rateLimitBudget(Duration)}. The token goes into the
 * {@code Authorization} header and nowhere else.
 */
public final class Slack implements Announcer, SecretHolder {
  static final String EVENT_TYPE = "releasekit_announcement";
  private static final Set<String> AMBIGUOUS = Set.of("internal_error", "fatal_error", "service_unavailable",
      "request_timeout");
  private static final Set<String> BAD_TOKEN = Set.of("invalid_auth", "not_authed", "token_revoked",
      "token_expired", "account_inactive", "no_permission");

  private final Secret token;
  private final String channel;
  private final HttpUrl api;
  private final String blocks;
  private final int historyPages;
  private final OkHttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration rateLimitBudget;
  private final Http http;

  private Slack(Builder builder) {
    if (builder.token == null) {
      throw new PreconditionException("No Slack bot token was given. Pass token(Secret.fromEnv(\"SLACK_BOT_TOKEN\"))"
          + " with an xoxb- token of your Slack app (scopes chat:write and channels:history).");
    }
    if (builder.channel == null || builder.channel.isBlank()) {
      throw new PreconditionException("No Slack channel was given. Pass channel(\"C0123456789\"), the channel's ID"
          + " (in Slack: the channel's name, then the About tab, at the bottom).");
    }
    this.token = builder.token;
    this.channel = builder.channel.strip();
    this.api = Optional.ofNullable(HttpUrl.parse(builder.apiUrl.endsWith("/") ? builder.apiUrl
        : builder.apiUrl + "/")).orElseThrow(() -> new PreconditionException("The Slack API URL '" + builder.apiUrl
        + "' is not a URL; leave it out to use https://slack.com/api/."));
    if (!Http.isSafeForCredentials(api)) {
      throw new PreconditionException("The Slack API URL " + api + " does not use HTTPS, and the bot token would"
          + " travel in clear text. Use https:// (plain http is only accepted for loopback addresses).");
    }
    this.blocks = builder.blocks;
    this.historyPages = builder.historyPages;
    this.client = builder.httpClient();
    this.clock = builder.timeClock();
    this.sleeper = builder.timeSleeper();
    this.rateLimitBudget = builder.budget();
    this.http = new Http(client, "slack.com", clock, sleeper, rateLimitBudget);
    if (blocks != null) {
      Blocks.render(blocks, "text");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The channel posted to, as given: an ID such as {@code C0RELEASES}, or a {@code #name}. */
  public String channel() {
    return channel;
  }

  /** A step that posts {@code template} to this channel once; see {@link Announcements}. */
  public Step announce(String template) {
    return Announcements.announce(MessageTemplate.of(template), this);
  }

  @Override
  public String name() {
    return "slack " + channel;
  }

  @Override
  public String send(Announcement announcement) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("channel", channel);
    payload.put("text", announcement.text());
    if (blocks != null) {
      payload.put("blocks", Blocks.render(blocks, announcement.text()));
    }
    payload.put("metadata", Map.of("event_type", EVENT_TYPE, "event_payload",
        Map.of("nonce", announcement.nonce())));
    Http.Answer answer;
    try {
      answer = http.postJson(method("chat.postMessage"), authorization(), Json.write(payload), Slack::isRateLimited);
    } catch (Http.NoAnswer e) {
      return readBack(announcement, e.getMessage(), 0);
    } catch (RateLimitException e) {
      throw new SideEffect.NotPerformedException(e.getMessage() + " Nothing was posted to " + channel + ".", e);
    }
    if (answer.status() >= 500) {
      return readBack(announcement, "HTTP " + answer.status(), answer.status());
    }
    Map<String, Object> body = Json.object(Json.parse(answer.body()).orElse(null));
    if (Boolean.TRUE.equals(body.get("ok"))) {
      return "ts " + Json.string(body, "ts").orElse("?") + " in " + Json.string(body, "channel").orElse(channel);
    }
    String error = Json.string(body, "error").map(token::redact).orElse("HTTP " + answer.status());
    if (AMBIGUOUS.contains(error) || body.isEmpty() && answer.isSuccessful()) {
      return readBack(announcement, error, answer.status());
    }
    throw refused(error, answer);
  }

  private String readBack(Announcement announcement, String what, int status) {
    SideEffect.Status found = find(announcement);
    if (found == SideEffect.Status.PERFORMED) {
      return "found in the history of " + channel + " after " + what;
    }
    throw new RemoteException("slack.com", status, null, "Slack gave " + what + " to the post to " + channel
        + ", so it may have gone out, and " + (found == SideEffect.Status.NOT_PERFORMED
        ? "the channel's history does not show it (yet)" : "the channel's history cannot be read")
        + ". Run again: releasekit looks in the history before posting, and blocks for you to confirm or resend"
        + " when it cannot tell.");
  }

  private SideEffect.NotPerformedException refused(String error, Http.Answer answer) {
    String requestId = answer.header("x-slack-req-id").orElse(null);
    String advice;
    if (BAD_TOKEN.contains(error)) {
      String message = "Slack refused the bot token (" + error + "); nothing was posted to " + channel + ". Create"
          + " or reinstall the app's bot token (OAuth & Permissions, xoxb-...), set it, and run again.";
      return new SideEffect.NotPerformedException(message,
          new AuthenticationException("slack.com", answer.status(), requestId, message));
    }
    switch (error) {
      case "channel_not_found":
        advice = "Slack has no channel " + channel + " that the bot can see. Check the channel ID (the channel's"
            + " About tab) and, for a private channel, invite the bot with /invite.";
        break;
      case "not_in_channel":
        advice = "The bot is not a member of " + channel + ". Invite it with /invite @your-app in the channel.";
        break;
      case "is_archived":
        advice = "The channel " + channel + " is archived. Unarchive it or pass another channel.";
        break;
      case "missing_scope":
        advice = "The bot token lacks the chat:write scope. Add it under OAuth & Permissions and reinstall the app.";
        break;
      case "msg_too_long":
      case "no_text":
      case "invalid_blocks":
      case "invalid_metadata":
      case "invalid_arguments":
        advice = "Slack refused the message itself. Shorten the template or fix the blocks.";
        break;
      default:
        advice = "See https://api.slack.com/methods/chat.postMessage#errors for what '" + error + "' means.";
    }
    return new SideEffect.NotPerformedException("Slack refused the post to " + channel + " (" + error + "); nothing"
        + " was posted. " + advice + " Then run again.");
  }

  /**
   * Looks for the announcement's nonce in the channel's recent history (up to {@link Builder#historyPages} pages
   * of 100 messages): PERFORMED when found, NOT_PERFORMED when the history was read to its end or over the pages
   * without it, and UNKNOWN when it cannot be read.
   */
  @Override
  public SideEffect.Status find(Announcement announcement) {
    String cursor = "";
    for (int page = 0; page < historyPages; page++) {
      HttpUrl.Builder url = method("conversations.history").newBuilder().addQueryParameter("channel", channel)
          .addQueryParameter("limit", "100").addQueryParameter("include_all_metadata", "true");
      if (!cursor.isEmpty()) {
        url.addQueryParameter("cursor", cursor);
      }
      Map<String, Object> body;
      try {
        Http.Answer answer = http.get(url.build(), authorization(), Slack::isRateLimited);
        body = Json.object(Json.parse(answer.body()).orElse(null));
      } catch (Http.NoAnswer | RateLimitException e) {
        return SideEffect.Status.UNKNOWN;
      }
      if (!Boolean.TRUE.equals(body.get("ok"))) {
        return SideEffect.Status.UNKNOWN;
      }
      for (Object message : Json.list(body.get("messages"))) {
        Map<String, Object> metadata = Json.object(Json.object(message).get("metadata"));
        if (EVENT_TYPE.equals(metadata.get("event_type"))
            && announcement.nonce().equals(Json.object(metadata.get("event_payload")).get("nonce"))) {
          return SideEffect.Status.PERFORMED;
        }
      }
      cursor = Json.string(Json.object(body.get("response_metadata")), "next_cursor").orElse("");
      if (cursor.isEmpty() || !Boolean.TRUE.equals(body.get("has_more"))) {
        return SideEffect.Status.NOT_PERFORMED;
      }
    }
    return SideEffect.Status.UNKNOWN;
  }

  private static boolean isRateLimited(Http.Answer answer) {
    return Json.parse(answer.body()).map(Json::object).map(body -> "ratelimited".equals(body.get("error")))
        .orElse(false);
  }

  private HttpUrl method(String name) {
    return api.resolve(name);
  }

  private Map<String, String> authorization() {
    return Map.of("Authorization", token.reveal(t -> "Bearer " + t));
  }

  /** The bot token, for a log that masks it before anything is printed. */
  @Override
  public List<Secret> secrets() {
    return List.of(token);
  }

  @Override
  public String toString() {
    return "Slack[" + channel + " via " + api + "]";
  }

  /** Slack's blocks: a JSON array in which {@code {text}} stands for the announcement's text. */
  static final class Blocks {
    private Blocks() {
    }

    static List<Object> render(String template, String text) {
      String escaped = Json.write(text);
      String json = template.replace("{text}", escaped.substring(1, escaped.length() - 1));
      Object parsed = Json.parse(json).orElse(null);
      if (!(parsed instanceof List)) {
        throw new PreconditionException("The Slack blocks are not a JSON array. Pass blocks like"
            + " [{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"{text}\"}}].");
      }
      return Json.list(parsed);
    }
  }

  /** Configures a {@link Slack}; {@link #token} and {@link #channel} are required. */
  public static final class Builder extends AnnouncerBuilder<Builder> {
    private Secret token;
    private String channel;
    private String apiUrl = "https://slack.com/api/";
    private String blocks;
    private int historyPages = 3;

    private Builder() {
    }

    private Builder(Slack slack) {
      this.token = slack.token;
      this.channel = slack.channel;
      this.apiUrl = slack.api.toString();
      this.blocks = slack.blocks;
      this.historyPages = slack.historyPages;
      copy(slack.client, slack.clock, slack.sleeper, slack.rateLimitBudget);
    }

    /** The bot token ({@code xoxb-...}) with {@code chat:write}, and {@code channels:history} to read back. */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /** The channel's ID ({@code C0123456789}); a {@code #name} posts but cannot be read back after a crash. */
    public Builder channel(String channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /** The Web API base (default {@code https://slack.com/api/}); tests point it at a stub on loopback. */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
      return this;
    }

    /** Block Kit blocks, a JSON array in which {@code {text}} is replaced by the text; the text stays the fallback. */
    public Builder blocks(String jsonArray) {
      this.blocks = Objects.requireNonNull(jsonArray, "jsonArray");
      return this;
    }

    /** How many pages of 100 messages {@link Slack#find} reads at most (default 3). */
    public Builder historyPages(int pages) {
      if (pages < 1) {
        throw new PreconditionException("historyPages must be at least 1, not " + pages + ".");
      }
      this.historyPages = pages;
      return this;
    }

    public Slack build() {
      return new Slack(this);
    }
  }
}
