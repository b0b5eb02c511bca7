package dev.releasekit.git;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What origin held at one moment: one {@code ls-remote}, as a value. A step observes once, reads every branch and
 * tag it needs from the same snapshot, and hands that snapshot to its write as a compare-and-swap: the write is
 * pushed only if origin still holds what the snapshot says, so a concurrent push is refused, never overwritten.
 *
 * <pre>{@code
 * Origin origin = workspace.origin();                       // one ls-remote
 * CommitId dev = origin.branch("dev").orElseThrow();
 * if (origin.branch("release-0-57").isEmpty()) workspace.createBranch(origin, "release-0-57", dev);
 * }</pre>
 */
public final class Origin {
  private final Map<String, String> advertised;
  private final Map<String, CommitId> commits;

  /**
   * @param advertised every ref and the object origin advertised for it (a tag's own object for annotated tags)
   * @param commits every ref and the commit it leads to (annotated tags peeled)
   */
  public Origin(Map<String, String> advertised, Map<String, CommitId> commits) {
    this.advertised = Collections.unmodifiableMap(new TreeMap<>(advertised));
    this.commits = Collections.unmodifiableMap(new TreeMap<>(commits));
  }

  /** The commit of {@code refs/heads/<name>}. */
  public Optional<CommitId> branch(String name) {
    return ref("refs/heads/" + name);
  }

  /** The commit a tag leads to, through an annotated tag. */
  public Optional<CommitId> tag(String name) {
    return ref("refs/tags/" + name);
  }

  /** The commit of any ref, such as {@code refs/releasekit/0.57.0}. */
  public Optional<CommitId> ref(String fullName) {
    return Optional.ofNullable(commits.get(fullName));
  }

  /** Every ref and the object origin advertised for it, as {@code git ls-remote} prints them. */
  public Map<String, String> refs() {
    return advertised;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Origin that && that.advertised.equals(advertised);
  }

  @Override
  public int hashCode() {
    return Objects.hash(advertised);
  }

  @Override
  public String toString() {
    return "Origin" + advertised;
  }
}
