package dev.releasekit.docker.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;

/** Reads the small JSON documents of the distribution API as plain maps and lists, through Moshi. */
public final class Json {
  private Json() {
  }

  /** The document as maps, lists, strings, doubles, booleans and nulls; empty when it is not JSON. */
  public static Optional<Object> parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try (JsonReader reader = JsonReader.of(new Buffer().write(bytes))) {
      reader.setLenient(false);
      return Optional.ofNullable(reader.readJsonValue());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public static Optional<Map<?, ?>> object(byte[] bytes) {
    return parse(bytes).filter(Map.class::isInstance).map(o -> (Map<?, ?>) o);
  }

  public static Optional<String> string(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }

  public static Optional<Map<?, ?>> object(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
  }

  public static List<?> list(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof List<?> l ? l : List.of();
  }

  /** Writes a value built of maps, lists, strings, numbers and booleans, compactly and in the maps' order. */
  public static byte[] write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(false);
      writer.jsonValue(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }
}
