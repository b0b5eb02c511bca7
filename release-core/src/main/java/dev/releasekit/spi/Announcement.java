package dev.releasekit.spi;

import java.util.Objects;

/**
 * A message for an {@link Announcer}, with the release's nonce: a stable token the announcer attaches to the post
 * (Slack message metadata, an {@code Idempotency-Key} header) so that, after a crash, it can find out whether the
 * post went out.
 *
 * @param text what people read
 * @param nonce derived from the release and the announcement, the same in every run
 */
public record Announcement(String text, String nonce) {
  public Announcement {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(nonce, "nonce");
  }
}
