package dev.releasekit.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An issue or pull request as listed in a milestone; {@link #kind()} tells which. */
public record Issue(
    int number,
    String title,
    Kind kind,
    State state,
    String author,
    List<String> labels,
    Optional<String> milestone,
    String url) {

  public enum Kind { ISSUE, PULL_REQUEST }

  public enum State { OPEN, CLOSED }

  public Issue {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    labels = List.copyOf(labels);
    Objects.requireNonNull(milestone, "milestone");
  }

  public boolean isPullRequest() {
    return kind == Kind.PULL_REQUEST;
  }

  @Override
  public String toString() {
    return "#" + number + " " + title;
  }
}
