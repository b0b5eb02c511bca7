package dev.releasekit;

import java.util.List;

/**
 * A cherry-pick that does not apply: the one conflict a run goes up to instead of refusing to start, because the
 * picks before it are good and a person resolves exactly this change. {@link #pullRequest()}, {@link #commit()}
 * and {@link #files()} say which change failed and where.
 *
 * <pre>{@code
 * catch (CherryPickConflictException e) {
 *   System.err.println("resolve " + e.pullRequest().orElseThrow() + " in " + e.files() + ", then run again");
 * }
 * }</pre>
 */
public class CherryPickConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public CherryPickConflictException(String message, String pullRequest, String commit, List<String> files) {
    super(message, pullRequest, commit, files);
  }
}
