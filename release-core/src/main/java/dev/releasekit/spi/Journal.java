package dev.releasekit.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The run's record: typed entries kept in the repository's git directory and on origin under
 * {@code refs/releasekit/<version>}, so a fresh clone in CI sees what earlier runs did. Each entry is a key, a state
 * and a time; steps ask for "the latest entry for a key" and never parse the stored lines.
 *
 * <pre>{@code
 * Optional<Journal.Entry> cut = journal.latest("branch:release-0-57");
 * if (cut.isPresent() && cut.get().detail().equals(sourceCommit)) return StepResult.alreadyDone("cut earlier");
 * journal.record("branch:release-0-57", "created", sourceCommit);
 * }</pre>
 *
 * <p>Effects that cannot be observed afterwards (a post, a webhook) do not use the journal directly: they go
 * through {@link StepContext#perform(SideEffect)}, which records the intent and the completion around them.
 */
public interface Journal {

  /**
   * One entry.
   *
   * @param key what the entry is about, such as {@code tag:0.57} or {@code effect:announce slack}
   * @param state where that thing stands, such as {@code created}, {@code intent} or {@code done}
   * @param detail free text for people and for the step that wrote it, such as a commit id or a message id
   * @param time when it was recorded, from the release's clock
   * @param run the id of the run that recorded it
   */
  record Entry(String key, String state, String detail, Instant time, String run) {
    public Entry {
      Objects.requireNonNull(key, "key");
      state = state == null ? "" : state;
      detail = detail == null ? "" : detail;
      Objects.requireNonNull(time, "time");
      run = run == null ? "" : run;
    }
  }

  /** The latest entry recorded for {@code key} by any run of this release. */
  Optional<Entry> latest(String key);

  /** Whether any run of this release recorded {@code key}. */
  default boolean contains(String key) {
    return latest(key).isPresent();
  }

  /** Appends an entry; it reaches origin at the next step boundary. */
  void record(String key, String state, String detail);

  /** Every entry recorded so far for this release, oldest first. */
  List<Entry> entries();
}
