package dev.releasekit.git;

import dev.releasekit.PreconditionException;

/**
 * A commit's full id, as a value: forty lower-case hex digits. {@link #abbreviated()} is the seven-digit form
 * people read in reports.
 *
 * <pre>{@code
 * CommitId tip = workspace.origin().branch("dev").orElseThrow();
 * System.out.println("dev is at " + tip.abbreviated());
 * }</pre>
 *
 * @param name the forty-digit id
 */
public record CommitId(String name) {
  public CommitId {
    if (name == null || !name.matches("[0-9a-f]{40}")) {
      throw new PreconditionException("'" + name + "' is not a full commit id (forty hex digits); pass the id"
          + " git rev-parse prints.");
    }
  }

  public static CommitId of(String name) {
    return new CommitId(name);
  }

  /** The first seven digits, as {@code git log --oneline} shows them. */
  public String abbreviated() {
    return name.substring(0, 7);
  }

  @Override
  public String toString() {
    return name;
  }
}
