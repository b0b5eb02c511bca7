package dev.releasekit.github.internal;

import java.util.List;
import java.util.Objects;

/**
 * What {@code base...head} holds: GitHub's compare view, with every commit of every page.
 *
 * <pre>{@code
 * Comparison c = git.compare("master", "release-0-57");
 * c.commits().forEach(commit -> System.out.println(commit.subject() + " " + commit.login().orElse("?")));
 * }</pre>
 *
 * @param status {@code ahead}, {@code behind}, {@code diverged} or {@code identical}
 * @param commits the commits reachable from head and not from base, oldest first
 */
public record Comparison(String status, int aheadBy, int behindBy, List<CommitSummary> commits) {

  public Comparison {
    Objects.requireNonNull(status, "status");
    commits = List.copyOf(commits);
  }
}
