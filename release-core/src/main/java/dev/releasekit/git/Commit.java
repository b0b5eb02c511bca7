package dev.releasekit.git;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit as {@link Workspace#log(String, String)} lists it.
 *
 * @param subject the first line of the message
 * @param message the whole message
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
