package dev.releasekit.notes;

import dev.releasekit.git.Commit;
import dev.releasekit.notes.internal.Subjects;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the release notes: a pull request that made it into the release, as {@link ReleaseNotes} collected
 * it from the commit that merged it.
 *
 * <pre>{@code
 * NoteEntry entry = notes.entries().get(0);
 * entry.number();       // 9975
 * entry.title();        // "Add fail2ban sensor"          (the subject without "(#9975)")
 * entry.login();        // Optional[fronzbot]
 * entry.author();       // "fronzbot", or the commit's author name when no login is known
 * entry.type();         // Optional.empty() here; Optional[feat] for "feat(api): add x"
 * }</pre>
 *
 * @param number the pull request number, from the last {@code (#N)} of the commit subject
 * @param title the commit subject without that {@code (#N)}
 * @param login the author's login on the hosting: the pull request's author, else the login in a noreply
 *     commit email; empty when neither is known
 * @param authorName the commit's author name, shown when no login is known
 * @param url the pull request's web address
 * @param labels the pull request's labels, in the order the hosting gave them
 * @param commit the commit the entry was collected from
 */
public record NoteEntry(
    int number,
    String title,
    Optional<String> login,
    String authorName,
    String url,
    List<String> labels,
    Commit commit) {

  public NoteEntry {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(url, "url");
    labels = List.copyOf(labels);
    Objects.requireNonNull(commit, "commit");
  }

  /** The login when known, else the author's name. */
  public String author() {
    return login.orElse(authorName);
  }

  public boolean hasLabel(String label) {
    return labels.contains(label);
  }

  /** The conventional-commit type of the title ({@code feat}, {@code fix}, ...), lower case; empty if none. */
  public Optional<String> type() {
    return Subjects.conventional(title).map(Subjects.Conventional::type);
  }

  /** The conventional-commit scope ({@code api} in {@code feat(api): ...}); empty if none. */
  public Optional<String> scope() {
    return Subjects.conventional(title).flatMap(Subjects.Conventional::scope);
  }

  /** The title without its conventional-commit prefix; the whole title when it has none. */
  public String description() {
    return Subjects.conventional(title).map(Subjects.Conventional::description).orElse(title);
  }

  /**
   * Whether the commit announces a breaking change the conventional-commit way: a {@code !} before the colon, or
   * {@code BREAKING CHANGE} (or {@code BREAKING-CHANGE}) in the message. Labels are not consulted here.
   */
  public boolean isBreaking() {
    boolean marked = Subjects.conventional(title).map(c -> c.marker() == Subjects.Marker.BREAKING).orElse(false);
    return marked || Subjects.mentionsBreakingChange(commit.message());
  }

  @Override
  public String toString() {
    return "#" + number + " " + title + " (" + author() + ")";
  }
}
