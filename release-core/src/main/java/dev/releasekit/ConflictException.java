package dev.releasekit;

import java.util.List;
import java.util.Optional;

/**
 * A state exists that contradicts the one a step wants, and releasekit will not overwrite it: a branch or tag on
 * another commit, a diverged branch, a release that points elsewhere, or a cherry-pick that does not apply. A
 * create the hosting refused because the object exists already is the subclass {@link AlreadyExistsException}.
 *
 * <p>For a cherry-pick conflict, {@link #pullRequest()}, {@link #commit()} and {@link #files()} say which change
 * failed and where, so a person can resolve it by hand and run again:
 *
 * <pre>{@code
 * catch (ConflictException e) {
 *   e.pullRequest().ifPresent(pr -> System.err.println("resolve " + pr + " in " + e.files()));
 * }
 * }</pre>
 */
public class ConflictException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final String pullRequest;
  private final String commit;
  private final String[] files;

  public ConflictException(String message) {
    this(message, null, null, List.of());
  }

  public ConflictException(String message, String pullRequest, String commit, List<String> files) {
    super(message);
    this.pullRequest = pullRequest;
    this.commit = commit;
    this.files = files.toArray(new String[0]);
  }

  /** The pull request whose change conflicts (its URL or {@code #N}), for a cherry-pick conflict. */
  public Optional<String> pullRequest() {
    return Optional.ofNullable(pullRequest);
  }

  /** The commit that did not apply, for a cherry-pick or merge conflict. */
  public Optional<String> commit() {
    return Optional.ofNullable(commit);
  }

  /** The conflicting paths, for a cherry-pick or merge conflict; empty otherwise. */
  public List<String> files() {
    return List.of(files);
  }
}
