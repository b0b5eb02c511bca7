package dev.releasekit.spi;

/**
 * Tells people about a release somewhere they read: a chat channel, a webhook. A post cannot be recalled, so an
 * announcer is never called directly by a step: the announce step hands it to the engine's side-effect mechanism
 * ({@link StepContext#perform(SideEffect)}), which sends it at most once across runs, never inside a plan, and asks
 * {@link #find(Announcement)} after a crash instead of sending blindly again.
 *
 * <pre>{@code
 * Release.of("1.31.0").conventions(Conventions.postHog())
 *     .announcer(slack)                                  // wired once, like the hosting
 *     .announce("PostHog {version} is out: {release.url}");
 * }</pre>
 *
 * <p>Implementations live in {@code release-website}. Inside a plan the engine wraps every announcer in an overlay
 * that records and never sends.
 */
public interface Announcer {

  /** Where this announcer posts, for reports and journal keys: {@code slack #general}. Stable across runs. */
  String name();

  /**
   * Sends the announcement and returns a receipt (a message id, or an empty string). Throws
   * {@link SideEffect.NotPerformedException} when the service's answer proves nothing was posted.
   */
  String send(Announcement announcement);

  /**
   * Whether an announcement with this nonce already went out, for the case where a run died after sending and
   * before recording it. The default cannot tell, so such a case blocks for a person to confirm or resend.
   */
  default SideEffect.Status find(Announcement announcement) {
    return SideEffect.Status.UNKNOWN;
  }
}
