package dev.releasekit.website.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few JSON fields announcers read and write, as plain maps and lists over Moshi. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {
  }

  /** The parsed value, or empty when {@code text} is not JSON (an HTML error page, a plain string). */
  public static Optional<Object> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(ADAPTER.fromJson(text));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }

  public static Optional<String> string(Map<String, Object> parent, String key) {
    return parent.get(key) instanceof String text ? Optional.of(text) : Optional.empty();
  }
}
