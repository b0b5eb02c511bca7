package dev.releasekit.github.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * A commit as GitHub lists it in a comparison or a commit search.
 *
 * <pre>{@code
 * contributors.commitsBy("paulus@example.com").stream().map(CommitSummary::subject).forEach(System.out::println);
 * }</pre>
 *
 * @param login the GitHub account the commit's author email maps to, when GitHub knows one
 */
public record CommitSummary(String sha, String message, String authorName, String authorEmail,
    Optional<String> login) {

  public CommitSummary {
    Objects.requireNonNull(sha, "sha");
    message = message == null ? "" : message;
    authorName = authorName == null ? "" : authorName;
    authorEmail = authorEmail == null ? "" : authorEmail;
    Objects.requireNonNull(login, "login");
  }

  static CommitSummary of(Schema.Commit json) {
    Schema.GitUser author = json.commit().author();
    return new CommitSummary(json.sha(), json.commit().message(), author == null ? "" : author.name(),
        author == null ? "" : author.email(), Optional.ofNullable(json.author()).map(Schema.Account::login));
  }

  /** The first line of the message. */
  public String subject() {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public String toString() {
    return sha.substring(0, Math.min(10, sha.length())) + " " + subject();
  }
}
