package dev.releasekit.github.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer from GitHub, with the HTTP status as plain data. Inside the client nothing throws on a status; the
 * resources decide what a status means and turn it into a typed exception at their edge ({@link Failures}).
 *
 * @param status the HTTP status, or 0 when no answer arrived (connection reset, timeout)
 * @param headers lower-cased names
 * @param error what went wrong on the wire when {@code status} is 0, redacted
 * @param cause the exception behind a status of 0, kept for the {@link dev.releasekit.RemoteException}
 * @param fromCache whether the body came from the ETag cache after a {@code 304}
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body, String error,
    IOException cause, boolean fromCache) {
  /** One link of a {@code Link} header: {@code <url>; rel="next"}, its parameters in any order. */
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public static ApiResponse noAnswer(String error, IOException cause) {
    return new ApiResponse(0, Map.of(), "", error, cause, false);
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
    return status == 0 || Retries.isTransient(status);
  }

  public Optional<String> requestId() {
    return header("x-github-request-id");
  }

  /** The link whose {@code rel} names {@code next}, wherever it stands in the header. */
  public Optional<String> nextLink() {
    List<String> values = headers.getOrDefault("link", List.of());
    for (String value : values) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        if (rel.find() && List.of(rel.group(1).trim().split("\\s+")).contains("next")) {
          return Optional.of(link.group(1));
        }
      }
    }
    return Optional.empty();
  }

  public Object json() {
    return JsonMaps.parse(body);
  }

  /**
   * Whether this is GitHub's {@code 422 Validation Failed} for a create whose object exists already: an error with
   * {@code code: already_exists} (a release's {@code tag_name}, a label's or a milestone's name), or the custom error
   * GitHub gives a second open pull request, {@code "A pull request already exists for owner:head."}.
   */
  public boolean saysAlreadyExists() {
    if (status != 422) {
      return false;
    }
    for (Object error : JsonMaps.list(JsonMaps.object(json()), "errors")) {
      Map<String, Object> detail = JsonMaps.object(error);
      String text = error instanceof String ? (String) error : JsonMaps.text(detail, "message");
      if ("already_exists".equals(JsonMaps.text(detail, "code"))
          || text.startsWith("A pull request already exists for ")) {
        return true;
      }
    }
    return false;
  }

  /** GitHub's {@code message}, followed by the messages or codes of its {@code errors}. */
  public String message() {
    Map<String, Object> object = JsonMaps.object(json());
    StringBuilder text = new StringBuilder(JsonMaps.text(object, "message"));
    for (Object error : JsonMaps.list(object, "errors")) {
      Map<String, Object> detail = JsonMaps.object(error);
      String part = JsonMaps.string(detail, "message")
          .orElse(String.join(" ", JsonMaps.text(detail, "field"), JsonMaps.text(detail, "code")).trim());
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
