package dev.releasekit;

import java.util.Objects;
import java.util.function.Function;

/**
 * A credential, such as a GitHub token or a registry password. Its {@code toString()} is masked, it is never
 * written to a log, a report, a journal or an exception message, and {@link #reveal(Function)} is the only way to
 * read it, at the single place that puts it on the wire.
 *
 * <pre>{@code
 * Secret token = Secret.fromEnv("GITHUB_TOKEN");
 * System.out.println(token);                      // Secret[****]
 * request.header("Authorization", token.reveal(t -> "Bearer " + t));
 * }</pre>
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a credential. Blank values are refused, so a missing variable fails early and clearly. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new PreconditionException("The credential is empty. Set it (for example GITHUB_TOKEN) and run again.");
    }
    return new Secret(value);
  }

  /** Reads a credential from an environment variable, failing with the variable's name when it is unset. */
  public static Secret fromEnv(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new PreconditionException("The environment variable " + variable
          + " is not set. Export a token in it and run again.");
    }
    return new Secret(value);
  }

  /** Gives the value to {@code use} and returns what it returns; keep the result off logs. */
  public <T> T reveal(Function<String, T> use) {
    return use.apply(value);
  }

  /** Removes every occurrence of this secret from {@code text}, for messages built from remote answers. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, "****");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret && ((Secret) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
