package dev.releasekit.notes;

import dev.releasekit.git.Commit;
import dev.releasekit.notes.internal.GitHubEmails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The commit log PostHog's checklist writes with {@code git log --pretty=format:"%s %ae" old..head > log.txt}, and
 * the external contributors in it.
 *
 * <pre>{@code
 * CommitLog log = CommitLog.of(workspace.gitLog("1.30.0", "release-1.31.0"));   // git's order, newest first
 * Files.writeString(Path.of("log.txt"), log.text());
 * System.out.print(log.externalContributors(Organisation.builder().domain("posthog.com").build()).text());
 * }</pre>
 *
 * <p>Lines keep the order of the given list. Given {@code Workspace.gitLog(from, to)}, {@link #text()} is byte
 * for byte what {@code git log --pretty=format:"%s %ae" from..to} prints: the same commits in git's walk order
 * (newest first, ties in committer time, clock skew and merges included), {@code %s} as git forms it (the first
 * paragraph, each line right-trimmed, joined by spaces), {@code %ae} as recorded, a newline between lines and none
 * after the last. The tests hold this against the git CLI on generated histories. Two limits: {@code .mailmap} is
 * not read (nor is it by {@code %ae}), and bytes that are not valid UTF-8 in a commit without an {@code encoding}
 * header become U+FFFD, where git copies them. {@code Workspace.log} (oldest first, for replaying history) gives
 * the same lines in another order.
 */
public final class CommitLog {
  private final List<Commit> commits;

  private CommitLog(List<Commit> commits) {
    this.commits = List.copyOf(commits);
  }

  public static CommitLog of(List<Commit> commits) {
    return new CommitLog(Objects.requireNonNull(commits, "commits"));
  }

  public List<Commit> commits() {
    return commits;
  }

  /** One {@code %s %ae} line per commit: the subject, a space, the author email. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>(commits.size());
    for (Commit commit : commits) {
      lines.add(orEmpty(commit.subject()) + " " + orEmpty(commit.authorEmail()));
    }
    return List.copyOf(lines);
  }

  /**
   * The lines joined by newlines with none after the last, as {@code --pretty=format:} separates them; see the
   * class comment for when this is byte for byte git's output.
   */
  public String text() {
    return String.join("\n", lines());
  }

  /**
   * The distinct authors who are not members of the organisation, first seen first. Authors are the same person
   * when their emails match (ignoring case) or when their noreply emails carry the same login. Bots (a login or
   * name ending in {@code [bot]}) are nobody to thank and are left out.
   */
  public ExternalContributors externalContributors(Organisation organisation) {
    Objects.requireNonNull(organisation, "organisation");
    Set<String> seenEmails = new HashSet<>();
    Set<String> seenLogins = new HashSet<>();
    List<Contributor> external = new ArrayList<>();
    for (Commit commit : commits) {
      String email = orEmpty(commit.authorEmail()).strip();
      Optional<String> login = GitHubEmails.login(email);
      String name = commit.authorName() == null || commit.authorName().isBlank()
          ? login.orElse(email) : commit.authorName().strip();
      // Both sets are updated before deciding, so a later commit matching either one is known as the same person.
      boolean newEmail = seenEmails.add(email.toLowerCase(Locale.ROOT));
      boolean newLogin = login.map(l -> seenLogins.add(l.toLowerCase(Locale.ROOT))).orElse(true);
      if (!newEmail || !newLogin || email.isEmpty()) {
        continue;
      }
      if (GitHubEmails.isBot(name) || login.map(GitHubEmails::isBot).orElse(false)) {
        continue;
      }
      Contributor contributor = new Contributor(email, name, login);
      if (!organisation.includes(contributor)) {
        external.add(contributor);
      }
    }
    return new ExternalContributors(external);
  }

  @Override
  public String toString() {
    return "CommitLog[" + commits.size() + " commits]";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
