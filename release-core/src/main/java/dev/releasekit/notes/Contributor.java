package dev.releasekit.notes;

import java.util.Objects;
import java.util.Optional;

/**
 * A commit author, as {@link CommitLog#externalContributors(Organisation)} reports one.
 *
 * <pre>{@code
 * new Contributor("52345+janedoe@users.noreply.github.com", "Jane Doe", Optional.of("janedoe"));
 * }</pre>
 *
 * @param email the author email of their first commit in the log
 * @param name the author name of that commit
 * @param login the hosting login, when the email is a noreply address that carries it
 */
public record Contributor(String email, String name, Optional<String> login) {
  public Contributor {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(login, "login");
  }

  /** {@code Jane Doe (@janedoe) <52345+janedoe@users.noreply.github.com>}. */
  @Override
  public String toString() {
    return name + login.map(l -> " (@" + l + ")").orElse("") + " <" + email + ">";
  }
}
