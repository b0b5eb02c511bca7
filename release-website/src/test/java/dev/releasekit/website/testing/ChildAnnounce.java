package dev.releasekit.website.testing;

import dev.releasekit.Release;
import dev.releasekit.Secret;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Step;
import dev.releasekit.website.JsonWebhook;
import dev.releasekit.website.Slack;
import dev.releasekit.website.SlackWebhook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A release that announces through one announcer in a child JVM, parking forever at a crash window for the test
 * to kill it with SIGKILL: {@code before} parks after the intent is on origin and before the POST leaves,
 * {@code after} once the POST was answered and before the completion is recorded. It prints {@code PARKED} there.
 * Arguments: work tree, origin, kind ({@code slack}, {@code webhook}, {@code json}), window, stub port.
 */
public final class ChildAnnounce {
  public static final String TEXT = "Home Assistant {version} is out!";

  private ChildAnnounce() {
  }

  public static void main(String[] args) {
    Path workTree = Path.of(args[0]);
    Path origin = Path.of(args[1]);
    String kind = args[2];
    boolean before = args[3].equals("before");
    int port = Integer.parseInt(args[4]);
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .addInterceptor(parkingOnPost(before)).build();
    Release.of("0.57").in(workTree).hostedOn(LocalHosting.forOrigin(origin))
        .then(step(kind, port, client)).run();
  }

  /** The step the child and the re-running test both build, so both name the post the same way. */
  public static Step step(String kind, int port, OkHttpClient client) {
    String base = "http://127.0.0.1:" + port;
    switch (kind) {
      case "slack":
        Slack.Builder slack = Slack.builder().token(Secret.of(SlackStub.TOKEN)).channel(SlackStub.CHANNEL)
            .apiUrl(base + "/api/");
        return (client == null ? slack : slack.client(client)).build().announce(TEXT);
      case "webhook":
        SlackWebhook.Builder hook = SlackWebhook.builder().url(Secret.of(base + SlackStub.HOOK)).channel("#releases");
        return (client == null ? hook : hook.client(client)).build().announce(TEXT);
      default:
        JsonWebhook.Builder json = JsonWebhook.builder().name("ops").url(Secret.of(base + SlackStub.JSON_HOOK))
            .receiverDeduplicates();
        return (client == null ? json : json.client(client)).build().announce(TEXT);
    }
  }

  private static Interceptor parkingOnPost(boolean before) {
    return chain -> {
      if (!chain.request().method().equals("POST")) {
        return chain.proceed(chain.request());
      }
      if (before) {
        park();
      }
      Response response = chain.proceed(chain.request());
      response.peekBody(1 << 16);
      park();
      return response;
    };
  }

  private static void park() throws IOException {
    System.out.println("PARKED");
    System.out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while parked", e);
    }
  }
}
