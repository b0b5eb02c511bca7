package dev.releasekit.internal;

import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.ReleaseResults;
import dev.releasekit.ResultKey;
import dev.releasekit.spi.PullRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed results of a plan or report as named fields: {@code version}, {@code outcome}, {@code tag},
 * {@code pr-number}, {@code pr-url}, {@code release-url}. One place, so the JSON form and GitHub Actions' outputs
 * never disagree.
 */
public final class ResultFields {
  private ResultFields() {
  }

  /**
   * The fields present, in a fixed order. A plan's pull request that does not exist yet has no number or address,
   * so it is left out rather than shown with the rehearsal's placeholder.
   */
  public static Map<String, String> of(ReleaseResults results) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", results.version());
    fields.put("outcome", outcome(results));
    results.result(ResultKey.TAG).ifPresent(tag -> fields.put("tag", tag.name()));
    results.result(ResultKey.RELEASE_PR).filter(pr -> !OverlayHosting.isPlaceholder(pr.number()))
        .ifPresent(pr -> pullRequest(fields, pr));
    results.result(ResultKey.PUBLISHED_RELEASE).ifPresent(release -> fields.put("release-url", release.url()));
    return fields;
  }

  private static void pullRequest(Map<String, String> fields, PullRequest pr) {
    fields.put("pr-number", Integer.toString(pr.number()));
    fields.put("pr-url", pr.url());
  }

  /**
   * {@code blocked} when a step is BLOCKED or a plan's precondition fails (a run would refuse to start);
   * {@code already-done} when every step is; otherwise {@code would-do} for a plan and {@code done} for a report.
   */
  public static String outcome(ReleaseResults results) {
    boolean preconditionFails = results instanceof Plan plan && plan.preconditions().stream().anyMatch(
        p -> p.blocks());
    if (results.isBlocked() || preconditionFails) {
      return "blocked";
    }
    if (results.steps().stream().allMatch(s -> s.outcome() == Outcome.ALREADY_DONE)) {
      return "already-done";
    }
    return results.rehearsed() ? "would-do" : "done";
  }
}
