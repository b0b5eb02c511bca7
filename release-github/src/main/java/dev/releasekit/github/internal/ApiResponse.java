package dev.releasekit.github.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer from GitHub, with the HTTP status as plain data. Inside the client nothing throws on a status; the
 * operations decide what a status means and turn it into a typed exception at their edge.
 *
 * @param status the HTTP status, or 0 when no answer arrived (connection reset, timeout)
 * @param headers lower-cased names
 * @param error what went wrong on the wire when {@code status} is 0
 * @param fromCache whether the body came from the ETag cache after a {@code 304}
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body, String error,
    boolean fromCache) {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public static ApiResponse noAnswer(String error) {
    return new ApiResponse(0, Map.of(), "", error, false);
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** No answer, or a server error: the request may or may not have taken effect. */
  public boolean isTransientFailure() {
    return status == 0 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  public Optional<String> requestId() {
    return header("x-github-request-id");
  }

  public Optional<String> nextLink() {
    return header("link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1));
  }

  public Object json() {
    return Json.parse(body);
  }

  /** GitHub's {@code message}, followed by the messages or codes of its {@code errors}. */
  public String message() {
    Map<String, Object> object = Json.object(json());
    StringBuilder text = new StringBuilder(Json.text(object, "message"));
    for (Object error : Json.list(object, "errors")) {
      Map<String, Object> detail = Json.object(error);
      String part = Json.string(detail, "message")
          .orElse(String.join(" ", Json.text(detail, "field"), Json.text(detail, "code")).trim());
      if (error instanceof String) {
        part = (String) error;
      }
      if (!part.isBlank()) {
        text.append(text.length() == 0 ? "" : "; ").append(part);
      }
    }
    return text.length() == 0 ? (status == 0 ? error : "no message") : text.toString();
  }

  @Override
  public String toString() {
    return status == 0 ? "no answer (" + error + ")" : "HTTP " + status;
  }
}
