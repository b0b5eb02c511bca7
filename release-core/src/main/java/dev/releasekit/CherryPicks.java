package dev.releasekit;

import java.util.Objects;

/**
 * How {@link Release#cherryPickMilestone(String, CherryPicks)} picks: in merge order (the default) or by pull
 * request number, and whether a conflict stops the step (the default) or the rest are picked first. Whatever the
 * options, each pick is checked against origin's tip it is applied to, so a change another run (or a person)
 * pushed meanwhile is reported as already there, and a pick that would change nothing is never committed.
 *
 * <pre>{@code
 * release.cherryPickMilestone("0.57", CherryPicks.inMergeOrder().continuingPastConflicts());
 * }</pre>
 *
 * @param order the order picks are applied in
 * @param onConflict what a conflicting pick does to the rest
 */
public record CherryPicks(Order order, OnConflict onConflict) {
  /** The order picks are applied in. */
  public enum Order { MERGE_TIME, NUMBER }

  /** What a conflicting pick does to the rest. */
  public enum OnConflict { STOP, CONTINUE }

  public CherryPicks {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(onConflict, "onConflict");
  }

  /** Merge order, stopping at the first conflict. */
  public static CherryPicks inMergeOrder() {
    return new CherryPicks(Order.MERGE_TIME, OnConflict.STOP);
  }

  /** Ascending pull request number, as hass-release picks, stopping at the first conflict. */
  public static CherryPicks inNumberOrder() {
    return new CherryPicks(Order.NUMBER, OnConflict.STOP);
  }

  /** Picks the rest after a conflict, then reports every conflict. */
  public CherryPicks continuingPastConflicts() {
    return new CherryPicks(order, OnConflict.CONTINUE);
  }
}
