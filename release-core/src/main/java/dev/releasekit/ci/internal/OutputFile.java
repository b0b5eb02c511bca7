package dev.releasekit.ci.internal;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The entries GitHub Actions reads from {@code $GITHUB_OUTPUT}: {@code name=value} for a one-line value, and for
 * a value with a line break {@code name<<DELIMITER}, the value, then the delimiter alone on a line, with a
 * delimiter ({@code ghadelimiter_<uuid>}, as the toolkit makes it) that occurs nowhere in the value.
 */
public final class OutputFile {
  private OutputFile() {
  }

  /** The entries for {@code values}, each ending with a line feed, in the map's order. */
  public static String entries(Map<String, String> values, Supplier<String> random) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        throw new IllegalArgumentException("not an output name: " + name);
      }
      if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
        out.append(name).append('=').append(value).append('\n');
        continue;
      }
      String delimiter = "ghadelimiter_" + random.get();
      while (value.contains(delimiter)) {
        delimiter = "ghadelimiter_" + random.get();
      }
      out.append(name).append("<<").append(delimiter).append('\n').append(value).append('\n').append(delimiter)
          .append('\n');
    }
    return out.toString();
  }
}
