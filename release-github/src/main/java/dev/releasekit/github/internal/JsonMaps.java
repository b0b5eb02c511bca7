package dev.releasekit.github.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON read as plain maps and lists, where typed records ({@link Schema}) do not fit: GraphQL answers, whose
 * keys are aliases chosen per query, and error bodies, whose {@code errors} are strings or objects.
 */
public final class JsonMaps {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private JsonMaps() {}

  public static Object parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ADAPTER.fromJson(text);
    } catch (IOException | RuntimeException e) {
      return null;
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

  public static Map<String, Object> object(Map<String, Object> parent, String key) {
    return object(parent.get(key));
  }

  public static List<Object> list(Map<String, Object> parent, String key) {
    return list(parent.get(key));
  }

  public static Optional<String> string(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value instanceof String) {
      return Optional.of((String) value);
    }
    if (value instanceof Number) {
      return Optional.of(integerText((Number) value));
    }
    return Optional.empty();
  }

  public static String text(Map<String, Object> parent, String key) {
    return string(parent, key).orElse("");
  }

  public static long number(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value instanceof Number ? ((Number) value).longValue() : 0;
  }

  public static boolean bool(Map<String, Object> parent, String key) {
    return Boolean.TRUE.equals(parent.get(key));
  }

  private static String integerText(Number number) {
    double value = number.doubleValue();
    return value == Math.rint(value) ? Long.toString(number.longValue()) : number.toString();
  }
}
