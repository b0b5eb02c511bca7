package dev.releasekit.internal.steps;

import dev.releasekit.git.Commit;
import dev.releasekit.git.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a change is already on a branch, by the three ways it can get there: merged before the branch was cut
 * (the commit is an ancestor), cherry-picked with {@code -x} (a trailer names it), or applied by hand (same
 * patch-id). Labels are never trusted for this.
 */
final class BranchContents {
  /** What {@link #find(String)} says of a change merged before the branch was cut: on the branch, never picked. */
  static final String BEFORE_CUT = "merged before the branch was cut";

  private static final Pattern TRAILER = Pattern.compile("\\(cherry picked from commit ([0-9a-f]{40})\\)");

  private final Workspace workspace;
  private final String tip;
  private final List<Commit> own;
  private final Set<String> trailers = new HashSet<>();
  private final List<Commit> scanned;
  private Set<String> patchIds;

  /**
   * As above, but trailers are looked for in every commit since {@code since} (null: all history), for branches
   * already merged into {@code base}, whose picks are no longer "their own".
   */
  BranchContents(Workspace workspace, String tip, String base, String since) {
    this.workspace = workspace;
    this.tip = tip;
    this.own = workspace.log(base, tip);
    this.scanned = since != null && since.equals(base) ? own : workspace.log(since, tip);
    for (Commit commit : scanned) {
      Matcher m = TRAILER.matcher(commit.message());
      while (m.find()) {
        trailers.add(m.group(1));
      }
    }
  }

  /** How the change of {@code commit} is on the branch, or null when it is not. */
  String find(String commit) {
    if (workspace.isAncestor(commit, tip)) {
      return BEFORE_CUT;
    }
    if (trailers.contains(commit)) {
      return "cherry-picked (trailer)";
    }
    if (patchIds == null) {
      patchIds = new HashSet<>();
      for (Commit c : own.isEmpty() ? scanned : own) {
        if (!c.isMerge()) {
          patchIds.add(workspace.patchId(c.id()));
        }
      }
    }
    return patchIds.contains(workspace.patchId(commit)) ? "same change already on the branch (patch-id)" : null;
  }

  void picked(String original) {
    trailers.add(original);
  }
}
