package dev.releasekit.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A plain HTTP service a step talks to (a deploy hook, a status page, a site to check), wired on the release so
 * the engine can overlay it in a plan: {@link #get} reaches the service, {@link #send} is recorded and answered
 * from memory. Steps whose request cannot be observed afterwards wrap it in {@link StepContext#perform(SideEffect)}.
 * Core defines the shape only; {@code release-website} implements it over okhttp.
 *
 * <pre>{@code
 * HttpEndpoint site = context.endpoint("website").orElseThrow();
 * boolean live = site.get("/blog/2017/11/04/release-57/", Map.of()).status() == 200;
 * }</pre>
 */
public interface HttpEndpoint {

  /** The name steps look it up by, such as {@code website}; no secret ever goes into it. */
  String name();

  /** A read. */
  Response get(String path, Map<String, String> headers);

  /** A write: {@code method} is POST, PUT, PATCH or DELETE. */
  Response send(String method, String path, Map<String, String> headers, byte[] body);

  /** An answer, status as data; the caller decides what a status means. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    public Response {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    public boolean isSuccessful() {
      return status >= 200 && status < 300;
    }

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
