package dev.releasekit.notes;

import java.util.List;

/**
 * The people outside the organisation who wrote commits of a release, in the order their first commit appears.
 * PostHog's checklist asks for them to thank them in the release announcement.
 *
 * <pre>{@code
 * ExternalContributors external = CommitLog.of(commits).externalContributors(organisation);
 * System.out.print(external.text());
 * // - Jane Doe (@janedoe) <52345+janedoe@users.noreply.github.com>
 * // - Bob <bob@example.org>
 * }</pre>
 *
 * @param contributors the contributors, first seen first
 */
public record ExternalContributors(List<Contributor> contributors) {
  public ExternalContributors {
    contributors = List.copyOf(contributors);
  }

  public boolean isEmpty() {
    return contributors.isEmpty();
  }

  public int size() {
    return contributors.size();
  }

  /** One Markdown bullet per contributor, each line ending with a newline; empty when there is nobody. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (Contributor contributor : contributors) {
      out.append("- ").append(contributor).append('\n');
    }
    return out.toString();
  }
}
