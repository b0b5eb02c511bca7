package dev.releasekit.git;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit as {@link Workspace#log(String, String)} and {@link Workspace#gitLog(String, String)} list it.
 *
 * @param subject the subject as git's {@code %s} forms it: the first paragraph of the message, each line with its
 *     trailing white space removed, joined by single spaces
 * @param message the whole message
 * @param authorEmail the author's email as recorded, git's {@code %ae}
 */
public record Commit(
    String id,
    List<String> parents,
    String subject,
    String message,
    String authorName,
    String authorEmail,
    Instant authorTime) {

  public Commit {
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
  }

  public boolean isMerge() {
    return parents.size() > 1;
  }

  public String shortId() {
    return id.substring(0, Math.min(7, id.length()));
  }

  @Override
  public String toString() {
    return shortId() + " " + subject;
  }
}
