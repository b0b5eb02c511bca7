package dev.releasekit.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One contributor's commits to one repository, as the hosting counts them ({@link Hosting#contributors(String)}).
 * A contributor whose commit email maps to no account the hosting knows of is anonymous: no login, only the name
 * and email of the commits. {@link Hosting#loginOfEmail(String, String)} maps such an email to an account when one
 * has claimed it since.
 *
 * <pre>{@code
 * for (Contribution c : hosting.contributors("home-assistant/core")) {
 *   String who = c.login().orElseGet(() -> hosting.loginOfEmail("home-assistant/core", c.email().orElseThrow())
 *       .orElse("(no account)"));
 *   System.out.println(who + ": " + c.commits());
 * }
 * }</pre>
 */
public record Contribution(Optional<String> login, Optional<String> name, Optional<String> email, int commits) {

  public Contribution {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  /** A contributor with an account. */
  public static Contribution byLogin(String login, int commits) {
    return new Contribution(Optional.of(login), Optional.empty(), Optional.empty(), commits);
  }

  /** A contributor known only by the name and email of their commits. */
  public static Contribution anonymous(String name, String email, int commits) {
    return new Contribution(Optional.empty(), Optional.of(name), Optional.of(email), commits);
  }

  public boolean isAnonymous() {
    return login.isEmpty();
  }

  @Override
  public String toString() {
    return login.or(() -> email).orElse("?") + " (" + commits + " commit" + (commits == 1 ? "" : "s") + ")";
  }
}
