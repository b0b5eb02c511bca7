package dev.releasekit.spi;

import java.util.List;

/**
 * The run's record: JSON lines in the repository's git directory, mirrored as a ref under {@code refs/releasekit/}
 * on origin so a fresh clone in CI sees what earlier runs did. Steps whose effect cannot be observed (a chat
 * message, a webhook) record an intent before acting and a completion after, and look both up before acting again.
 *
 * <pre>{@code
 * if (journal.contains("announce:slack")) return StepResult.alreadyDone("announced earlier");
 * journal.record("announce:slack:intent", "sending");
 * slack.send(text);
 * journal.record("announce:slack", "sent");
 * }</pre>
 */
public interface Journal {

  /** Whether any run of this release recorded {@code key}. */
  boolean contains(String key);

  /** Appends an entry; it reaches origin with the next step boundary. */
  void record(String key, String detail);

  /** Every entry recorded so far for this release, oldest first, as JSON lines. */
  List<String> lines();
}
