package dev.releasekit.github.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * A contributor to a repository as GitHub counts them. Anonymous contributors (commits whose email maps to no
 * account) have no login, only the name and email of their commits.
 *
 * <pre>{@code
 * for (Contributor c : contributors.all()) {
 *   String who = c.login().orElseGet(() -> c.email().orElse("?"));   // map anonymous ones via commitsBy
 *   System.out.println(who + ": " + c.contributions());
 * }
 * }</pre>
 */
public record Contributor(Optional<String> login, Optional<String> name, Optional<String> email, int contributions) {

  public Contributor {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  public boolean isAnonymous() {
    return login.isEmpty();
  }

  @Override
  public String toString() {
    return login.or(() -> name).or(() -> email).orElse("?") + " (" + contributions + " commits)";
  }
}
