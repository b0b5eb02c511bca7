package dev.releasekit.ci.internal;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * GitHub Actions' workflow commands, escaped as the Actions toolkit ({@code @actions/core}) escapes them: in a
 * message {@code %}, CR and LF become {@code %25}, {@code %0D} and {@code %0A}; in a property value {@code :} and
 * {@code ,} also become {@code %3A} and {@code %2C}. So no value can end its line or its property early, and a
 * message can never start a command of its own.
 */
public final class WorkflowCommands {
  private WorkflowCommands() {
  }

  /** {@code ::name key=value,key=value::message}, every part escaped; properties with empty values left out. */
  public static String command(String name, Map<String, String> properties, String message) {
    StringBuilder out = new StringBuilder("::").append(name);
    String separator = " ";
    for (Map.Entry<String, String> property : properties.entrySet()) {
      if (property.getValue() == null || property.getValue().isEmpty()) {
        continue;
      }
      out.append(separator).append(property.getKey()).append('=').append(escapeProperty(property.getValue()));
      separator = ",";
    }
    return out.append("::").append(escapeData(message)).toString();
  }

  /** A message or command value: {@code %}, CR and LF escaped. */
  public static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as a message, and {@code :} and {@code ,} too. */
  public static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * {@code text} between {@code ::stop-commands::TOKEN} and {@code ::TOKEN::}, with a random token that does not
   * occur in it: the runner reads no command in between, so a commit subject holding {@code ::error::} stays text.
   */
  public static String inert(String text, Supplier<String> random) {
    String token = random.get();
    while (text.contains(token)) {
      token = random.get();
    }
    StringBuilder out = new StringBuilder("::stop-commands::").append(token).append('\n').append(text);
    if (!text.endsWith("\n")) {
      out.append('\n');
    }
    return out.append("::").append(token).append("::").toString();
  }

  /** A random token or delimiter suffix, as the toolkit makes them. */
  public static String randomToken() {
    return UUID.randomUUID().toString();
  }
}
