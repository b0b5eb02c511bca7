package dev.releasekit.website.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.releasekit.Secret;
import dev.releasekit.website.JsonWebhook;
import dev.releasekit.website.Slack;
import dev.releasekit.website.SlackWebhook;
import dev.releasekit.website.testing.Json.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Slack (Web API and an incoming webhook) and a generic JSON receiver on 127.0.0.1, shaped like the answers in
 * {@code processes/facts.md}: {@code chat.postMessage} answers {@code {"ok": true, "ts": ...}} or HTTP 200 with
 * {@code {"ok": false, "error": ...}}; {@code conversations.history} lists the posts the stub received, with their
 * metadata, newest first; the webhook answers the text {@code ok} or a plain error string.
 *
 * <pre>{@code
 * SlackStub stub = SlackStub.start();
 * Slack slack = stub.slack().build();
 * ... release.run() ...
 * assertThat(stub.posts()).hasSize(1);
 * }</pre>
 */
public final class SlackStub implements AutoCloseable {
  /** The bot token the stub expects; it must show up nowhere but the Authorization header. */
  public static final String TOKEN = "xoxb-17-4242-SECRETbotTOKENvalue";
  /** The secret part of the webhook URLs. */
  public static final String HOOK_SECRET = "T0HASS/B0RELEASE/SECRETwebhookPATHvalue";
  public static final String CHANNEL = "C0RELEASES";
  public static final String POST_MESSAGE = "/api/chat.postMessage";
  public static final String HISTORY = "/api/conversations.history";
  public static final String HOOK = "/services/" + HOOK_SECRET;
  public static final String JSON_HOOK = "/hooks/" + HOOK_SECRET;

  private final WireMockServer server;

  private SlackStub(History history) {
    this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(history)
        .notifier(new Silent()));
    history.server = server;
    server.start();
    server.stubFor(post(urlPathEqualTo(POST_MESSAGE)).willReturn(okJson("{\"ok\": true, \"channel\": \"" + CHANNEL
        + "\", \"ts\": \"1509800000.000100\", \"message\": {\"type\": \"message\"}}")));
    server.stubFor(get(urlPathEqualTo(HISTORY)).willReturn(aResponse().withTransformers(History.NAME)));
    server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("ok")));
    server.stubFor(post(urlPathEqualTo(JSON_HOOK)).willReturn(aResponse().withStatus(202)));
  }

  public static SlackStub start() {
    return new SlackStub(new History());
  }

  public WireMockServer server() {
    return server;
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.port() + "/api/";
  }

  public Secret webhookUrl() {
    return Secret.of("http://127.0.0.1:" + server.port() + HOOK);
  }

  public Secret jsonUrl() {
    return Secret.of("http://127.0.0.1:" + server.port() + JSON_HOOK);
  }

  public Slack.Builder slack() {
    return Slack.builder().token(Secret.of(TOKEN)).channel(CHANNEL).apiUrl(apiUrl());
  }

  public SlackWebhook.Builder webhook() {
    return SlackWebhook.builder().url(webhookUrl()).channel("#releases");
  }

  public JsonWebhook.Builder json() {
    return JsonWebhook.builder().name("ops").url(jsonUrl());
  }

  /** Answers the next posts with HTTP 200 {@code {"ok": false, "error": error}}, as Slack does. */
  public void postFails(String error) {
    server.stubFor(post(urlPathEqualTo(POST_MESSAGE)).willReturn(okJson("{\"ok\": false, \"error\": \"" + error
        + "\"}")));
  }

  /** Receives the next post, then resets the connection before answering. */
  public void postAnswerLost() {
    server.stubFor(post(urlPathEqualTo(POST_MESSAGE)).willReturn(aResponse()
        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  /** Answers the first {@code times} posts with 429 {@code ratelimited} and {@code Retry-After}, then posts. */
  public void postRateLimited(int times, int retryAfterSeconds) {
    for (int i = 0; i < times; i++) {
      server.stubFor(post(urlPathEqualTo(POST_MESSAGE)).inScenario("rate").whenScenarioStateIs(i == 0
          ? "Started" : "limited " + i).willSetStateTo("limited " + (i + 1)).willReturn(aResponse().withStatus(429)
          .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
          .withHeader("Content-Type", "application/json").withBody("{\"ok\": false, \"error\": \"ratelimited\"}")));
    }
  }

  /** History reads answer {@code {"ok": false, "error": error}}, such as {@code missing_scope}. */
  public void historyFails(String error) {
    server.stubFor(get(urlPathEqualTo(HISTORY)).willReturn(okJson("{\"ok\": false, \"error\": \"" + error
        + "\", \"needed\": \"channels:history\"}")));
  }

  /** The webhook answers {@code status} with the plain string {@code body}. */
  public void webhookFails(int status, String body) {
    server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "text/html").withBody(body)));
  }

  public void webhookAnswerLost() {
    server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  /**
   * The JSON receiver remembers keys: the first post with a key is accepted (202), later ones answer 409
   * {@code {"error": "idempotency key already used"}}.
   */
  public void jsonReceiverDeduplicates() {
    server.stubFor(post(urlPathEqualTo(JSON_HOOK)).inScenario("keys").whenScenarioStateIs("Started")
        .willSetStateTo("seen").willReturn(aResponse().withStatus(202)));
    server.stubFor(post(urlPathEqualTo(JSON_HOOK)).inScenario("keys").whenScenarioStateIs("seen")
        .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"idempotency key already used\"}")));
  }

  public void jsonFails(int status, String body) {
    server.stubFor(post(urlPathEqualTo(JSON_HOOK)).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  public void jsonAnswerLost() {
    server.stubFor(post(urlPathEqualTo(JSON_HOOK)).willReturn(aResponse()
        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  /** Every chat.postMessage the stub received, answered or not. */
  public List<LoggedRequest> posts() {
    return server.findAll(postRequestedFor(urlPathEqualTo(POST_MESSAGE)));
  }

  public List<LoggedRequest> webhookPosts() {
    return server.findAll(postRequestedFor(urlPathEqualTo(HOOK)));
  }

  public List<LoggedRequest> jsonPosts() {
    return server.findAll(postRequestedFor(urlPathEqualTo(JSON_HOOK)));
  }

  /** Requests that write: every POST, to any of the three services. */
  public List<LoggedRequest> writes() {
    return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
        .filter(r -> r.getMethod().getName().equals("POST")).collect(Collectors.toList());
  }

  /** Every request, reads included. */
  public int requests() {
    return server.getAllServeEvents().size();
  }

  public int historyReads() {
    return (int) server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(HISTORY))
        .count();
  }

  /** Forgets the requests received so far (the stubs stay). */
  public void forgetRequests() {
    server.resetRequests();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** conversations.history: the posts received so far, newest first, with their metadata. */
  private static final class History implements ResponseTransformerV2 {
    static final String NAME = "slack-history";
    WireMockServer server;

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      List<LoggedRequest> posts = new ArrayList<>(server.findAll(postRequestedFor(urlPathEqualTo(POST_MESSAGE))));
      List<String> messages = new ArrayList<>();
      messages.add("{\"type\": \"message\", \"text\": \"unrelated chatter\", \"ts\": \"1509700000.000100\"}");
      for (LoggedRequest post : posts) {
        Tree body = Json.tree(post.getBodyAsString());
        messages.add(0, "{\"type\": \"message\", \"text\": " + Json.quote(body.string("text")) + ", \"ts\": \""
            + "1509800000.00010" + messages.size() + "\", \"metadata\": " + body.raw("metadata") + "}");
      }
      return Response.Builder.like(response).but().status(200).headers(new com.github.tomakehurst.wiremock.http
          .HttpHeaders(new com.github.tomakehurst.wiremock.http.HttpHeader("Content-Type", "application/json")))
          .body("{\"ok\": true, \"messages\": [" + String.join(", ", messages) + "], \"has_more\": false,"
              + " \"response_metadata\": {\"next_cursor\": \"\"}}").build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }

  private static final class Silent implements Notifier {
    @Override
    public void info(String message) {
    }

    @Override
    public void error(String message) {
    }

    @Override
    public void error(String message, Throwable t) {
    }
  }
}
