package dev.releasekit;

import java.util.Objects;

/**
 * One observable change a step made or would make: a file edited on a branch (with its unified diff), a ref
 * created or moved, a pull request opened, a label added, a release published, an image tagged.
 *
 * <pre>{@code
 * plan.changes().stream()
 *     .filter(c -> c.kind() == Change.Kind.FILE)
 *     .forEach(c -> System.out.println(c.diff()));
 * }</pre>
 *
 * @param kind what was changed
 * @param target what it applies to: a path, a ref name, {@code #12}, a tag, an image reference
 * @param summary one line for people, such as {@code create refs/heads/release-0-57 at 1a2b3c4}
 * @param diff a unified diff for files, otherwise empty
 */
public record Change(Kind kind, String target, String summary, String diff) {

  /** The kinds of things a step touches. */
  public enum Kind {
    FILE, REF, PULL_REQUEST, LABEL, MILESTONE, RELEASE, IMAGE, ANNOUNCEMENT, COMMAND, EFFECT
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(summary, "summary");
    diff = diff == null ? "" : diff;
  }

  public static Change of(Kind kind, String target, String summary) {
    return new Change(kind, target, summary, "");
  }

  @Override
  public String toString() {
    return summary;
  }
}
