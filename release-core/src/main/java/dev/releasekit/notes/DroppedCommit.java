package dev.releasekit.notes;

import dev.releasekit.git.Commit;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit of the release range that has no line in the notes, and why. Reports list these so a release manager
 * can check that nothing was lost by mistake.
 *
 * <pre>{@code
 * for (DroppedCommit dropped : notes.dropped()) {
 *   System.out.println(dropped);
 *   // #9987 dropped: REVERTED - pull request #9987 is labelled reverted (commit 3f2a9c1 "Add Alexa ... (#9987)")
 * }
 * }</pre>
 *
 * @param commit the commit
 * @param pullRequest the pull request number in its subject, when it has one
 * @param reason why it was dropped
 * @param detail a sentence for reports
 */
public record DroppedCommit(Commit commit, Optional<Integer> pullRequest, Reason reason, String detail) {

  /** Why a commit has no line in the notes. */
  public enum Reason {
    /**
     * The subject has no {@code (#N)} and is not GitHub's {@code Merge pull request #N from ...}: a direct push, a
     * merge of branches, a version bump.
     */
    NO_PULL_REQUEST_NUMBER,
    /** The subject repeats the previous commit's subject (a pull request merged twice, a cherry-pick repeated). */
    DUPLICATE_SUBJECT,
    /** The pull request already has a line from an earlier commit. */
    DUPLICATE_PULL_REQUEST,
    /** The number is not among the given pull requests: an issue, or a number from another repository. */
    NOT_A_PULL_REQUEST,
    /** The pull request carries the style's reverted label. */
    REVERTED,
    /** The pull request is milestoned for another release, which announces it. */
    OTHER_MILESTONE
  }

  public DroppedCommit {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(pullRequest, "pullRequest");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line naming the commit, its pull request and why it was dropped. */
  @Override
  public String toString() {
    String head = pullRequest.map(n -> "#" + n).orElse(commit.shortId()) + " dropped: " + reason + " - " + detail;
    return detail.contains(commit.shortId()) ? head
        : head + " (commit " + commit.shortId() + " \"" + commit.subject() + "\")";
  }
}
