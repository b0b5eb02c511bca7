package dev.releasekit.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pull request as the hosting reports it.
 *
 * @param mergedAt when it was merged, empty while not merged
 * @param mergeCommitSha the commit the merge produced on the base branch (what a cherry-pick picks)
 */
public record PullRequest(
    int number,
    String title,
    String body,
    String head,
    String base,
    State state,
    String author,
    List<String> labels,
    Optional<String> milestone,
    Optional<Instant> mergedAt,
    Optional<String> mergeCommitSha,
    String url) {

  public enum State { OPEN, CLOSED, MERGED }

  public PullRequest {
    Objects.requireNonNull(title, "title");
    body = body == null ? "" : body;
    Objects.requireNonNull(state, "state");
    labels = List.copyOf(labels);
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(mergedAt, "mergedAt");
    Objects.requireNonNull(mergeCommitSha, "mergeCommitSha");
  }

  /** The same pull request with another title and body, as an edit leaves it. */
  public PullRequest withTitleAndBody(String title, String body) {
    return new PullRequest(number, title, body, head, base, state, author, labels, milestone, mergedAt,
        mergeCommitSha, url);
  }

  /** The same pull request with the body only changed. */
  public PullRequest withBody(String body) {
    return withTitleAndBody(title, body);
  }

  /** The same pull request with these labels. */
  public PullRequest withLabels(List<String> labels) {
    return new PullRequest(number, title, body, head, base, state, author, labels, milestone, mergedAt,
        mergeCommitSha, url);
  }

  /** The same pull request, merged at {@code when} as {@code commit}. */
  public PullRequest merged(Instant when, String commit) {
    return new PullRequest(number, title, body, head, base, State.MERGED, author, labels, milestone,
        Optional.of(when), Optional.of(commit), url);
  }

  public boolean isMerged() {
    return state == State.MERGED;
  }

  public boolean hasLabel(String label) {
    return labels.contains(label);
  }

  @Override
  public String toString() {
    return "#" + number + " " + title + " (" + head + " -> " + base + ", " + state.name().toLowerCase() + ")";
  }
}
