package dev.releasekit;

import java.util.List;
import java.util.Objects;

/**
 * A hosting refused to create an object because one exists already: a second open pull request from the same
 * head into the same base, a second release for a tag, a label whose name is taken (GitHub compares label names
 * without regard to case). GitHub answers these with {@code 422 Validation Failed}; {@code LocalHosting} refuses
 * them the same way, so a step behaves alike on both.
 *
 * <p>It is what a create meets when someone (another run of the same release, or a person) made the object
 * between the step's look and its create. The built-in steps catch it, look again, and adopt what they find when
 * it is what they wanted (the step is then ALREADY_DONE); what they find otherwise blocks with a
 * {@link ConflictException} that says what to do.
 *
 * <pre>{@code
 * try {
 *   pr = hosting.openPullRequest("release-0-57", "master", "0.57", notes);
 * } catch (AlreadyExistsException e) {
 *   pr = hosting.findPullRequest("release-0-57", "master").orElseThrow();   // e.kind() == PULL_REQUEST
 * }
 * }</pre>
 */
public class AlreadyExistsException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final Change.Kind kind;
  private final String target;

  /**
   * @param kind what exists: {@link Change.Kind#PULL_REQUEST}, {@link Change.Kind#RELEASE},
   *     {@link Change.Kind#LABEL} or {@link Change.Kind#MILESTONE}
   * @param target which one, as a {@link Change} names it: {@code release-0-57 -> master}, a tag, a label name
   */
  public AlreadyExistsException(Change.Kind kind, String target, String message) {
    super(message, null, null, List.of());
    this.kind = Objects.requireNonNull(kind, "kind");
    this.target = Objects.requireNonNull(target, "target");
  }

  /** What kind of object exists already. */
  public Change.Kind kind() {
    return kind;
  }

  /** Which object: {@code head -> base} for a pull request, the tag for a release, the name for a label. */
  public String target() {
    return target;
  }
}
