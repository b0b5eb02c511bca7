package dev.releasekit.website.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads the JSON bodies the stubs received. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {
  }

  /** A parsed JSON object. */
  public record Tree(Map<?, ?> map) {
    public String string(String key) {
      return String.valueOf(map.get(key));
    }

    public Object get(String key) {
      return map.get(key);
    }

    /** The value under {@code key}, written back as JSON ({@code null} when absent). */
    public String raw(String key) {
      return ADAPTER.toJson(map.get(key));
    }

    public Tree tree(String key) {
      return new Tree((Map<?, ?>) map.get(key));
    }
  }

  public static Tree tree(String json) {
    try {
      return new Tree((Map<?, ?>) ADAPTER.fromJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String quote(String text) {
    return ADAPTER.toJson(text);
  }
}
