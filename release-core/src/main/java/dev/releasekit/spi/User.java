package dev.releasekit.spi;

import java.util.Objects;
import java.util.Optional;

/** A user of the hosting, as credited in notes. */
public record User(String login, Optional<String> name, String url) {

  public User {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(name, "name");
  }
}
