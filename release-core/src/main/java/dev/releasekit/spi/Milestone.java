package dev.releasekit.spi;

import java.util.Objects;

/** A milestone; releases are planned as milestones titled by version, such as {@code 0.57}. */
public record Milestone(int number, String title, State state, String url) {

  public enum State { OPEN, CLOSED }

  public Milestone {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(state, "state");
  }

  /** The same milestone, closed. */
  public Milestone closed() {
    return new Milestone(number, title, State.CLOSED, url);
  }

  @Override
  public String toString() {
    return "milestone " + title + " (" + state.name().toLowerCase() + ")";
  }
}
