package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.METADATA_READ;

import dev.releasekit.spi.User;
import java.util.Optional;

/** Users: {@code /users/{login}}. */
public final class Users {
  private final Api api;

  public Users(Api api) {
    this.api = api;
  }

  public Optional<User> get(String login) {
    ApiResponse response = api.get(api.endpoints().rest("users", login).build());
    if (response.status() == 404) {
      return Optional.empty();
    }
    String action = "read the user " + login;
    Failures.require(api, response, action, METADATA_READ);
    Schema.User user = api.read(response, Schema.User.class, action);
    return Optional.of(new User(user.login(), Optional.ofNullable(user.name()).filter(n -> !n.isBlank()),
        user.htmlUrl() != null ? user.htmlUrl() : api.userUrl(login)));
  }
}
