package dev.releasekit.internal.steps;

import dev.releasekit.PushRefusedException;
import dev.releasekit.PreconditionException;
import dev.releasekit.git.Commit;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a change is already on a branch, by the three ways it can get there: merged before the branch was cut
 * (the commit is an ancestor), cherry-picked with {@code -x} (a trailer names it), or applied by hand (same
 * patch-id). Labels are never trusted for this.
 *
 * <p>The branch is read at one tip, and {@link #pickUnlessThere} brings it up to origin's tip before each pick, so
 * a pick another run pushed in the meantime is recognised, not applied a second time.
 */
final class BranchContents {
  /** What {@link #find(String)} says of a change merged before the branch was cut: on the branch, never picked. */
  static final String BEFORE_CUT = "merged before the branch was cut";
  /** What {@link #pickUnlessThere} says of a pick whose result is the branch's own tree. */
  static final String NO_CHANGE = "already on the branch (picking it changes nothing)";

  private static final Pattern TRAILER = Pattern.compile("\\(cherry picked from commit ([0-9a-f]{40})\\)");
  /** How often a pick is tried again when origin's branch moved between its look and its push. */
  private static final int ATTEMPTS = 3;

  private final Workspace workspace;
  private final String base;
  private final String since;
  private final Set<String> trailers = new HashSet<>();
  /** The commits whose patch-ids count: the branch's own, or (when it has none of its own) all that are scanned. */
  private final List<Commit> patchSource;
  private String tip;
  private Set<String> patchIds;

  /**
   * The branch at {@code tip}; trailers are looked for in every commit since {@code since} (null: all history),
   * for branches already merged into {@code base}, whose picks are no longer "their own".
   */
  BranchContents(Workspace workspace, String tip, String base, String since) {
    this.workspace = workspace;
    this.base = base;
    this.since = since;
    this.tip = tip;
    List<Commit> own = workspace.log(base, tip);
    List<Commit> scanned = since != null && since.equals(base) ? own : workspace.log(since, tip);
    scanned.forEach(this::readTrailers);
    this.patchSource = new ArrayList<>(own.isEmpty() ? scanned : own);
  }

  /** The tip of the branch these contents describe: the one they were read at, or the last pick's. */
  String tip() {
    return tip;
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
      for (Commit c : patchSource) {
        if (!c.isMerge()) {
          patchIds.add(workspace.patchId(c.id()));
        }
      }
    }
    return patchIds.contains(workspace.patchId(commit)) ? "same change already on the branch (patch-id)" : null;
  }

  /**
   * Cherry-picks {@code commit} onto origin's {@code branch} unless its change is there, checked against the very
   * tip the pick is applied to: origin is observed now, and what was pushed since these contents were read (by
   * another run of the same release, or by hand) is searched too. Returns null when it picked the commit, or how
   * the change is already there: found by {@link #find}, or {@link #NO_CHANGE} when picking it onto the tip changes
   * no file (no commit is made and nothing is pushed). When origin's branch moves between the look and the push,
   * the push is refused, and the pick is looked at again on the new tip. A conflict throws as
   * {@link Workspace#cherryPick(Origin, String, String)} does.
   */
  String pickUnlessThere(String branch, String commit) {
    for (int attempt = 1; ; attempt++) {
      Origin origin = workspace.origin();
      String now = tipOf(origin, branch);
      advanceTo(now);
      String found = find(commit);
      if (found != null) {
        return found;
      }
      CommitId result;
      try {
        result = workspace.cherryPick(origin, branch, commit);
      } catch (PushRefusedException e) {
        // Only a push refused because origin moved is looked at again; a lock, a hook or a permission is not.
        if (e.reason() != PushRefusedException.Reason.NON_FAST_FORWARD || attempt >= ATTEMPTS
            || tipOf(workspace.origin(), branch).equals(now)) {
          throw e;
        }
        continue;
      }
      if (result.name().equals(now)) {
        return NO_CHANGE;
      }
      advanceTo(result.name());
      return null;
    }
  }

  private static String tipOf(Origin origin, String branch) {
    return origin.branch(branch).map(CommitId::name).orElseThrow(() -> new PreconditionException("Origin has no"
        + " branch '" + branch + "' to pick onto any more. Someone deleted it; restore it, then run again."));
  }

  /** Reads the branch up to {@code newTip}: the commits since the tip read last are searched too. */
  private void advanceTo(String newTip) {
    if (newTip.equals(tip)) {
      return;
    }
    if (!workspace.isAncestor(tip, newTip)) {
      // Not a descendant (releasekit never forces, but a person might have): read the branch afresh.
      BranchContents fresh = new BranchContents(workspace, newTip, base, since);
      trailers.clear();
      trailers.addAll(fresh.trailers);
      patchSource.clear();
      patchSource.addAll(fresh.patchSource);
      patchIds = null;
      tip = newTip;
      return;
    }
    for (Commit commit : workspace.log(tip, newTip)) {
      readTrailers(commit);
      patchSource.add(commit);
      if (patchIds != null && !commit.isMerge()) {
        patchIds.add(workspace.patchId(commit.id()));
      }
    }
    tip = newTip;
  }

  private void readTrailers(Commit commit) {
    Matcher m = TRAILER.matcher(commit.message());
    while (m.find()) {
      trailers.add(m.group(1));
    }
  }
}
