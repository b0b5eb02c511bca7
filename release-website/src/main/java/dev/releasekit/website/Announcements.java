package dev.releasekit.website;

import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.Step;
import dev.releasekit.website.internal.AnnouncementStep;
import java.util.List;

/**
 * Steps that tell people about the release, each post sent exactly once. Put them last: a template's fields are
 * the typed results of earlier steps ({@link MessageTemplate}), so an announcement that links the release, the
 * blog post or the pull request only runs after the step that made it exists, and a plan without that step is
 * BLOCKED instead of posting an empty link.
 *
 * <pre>{@code
 * Slack slack = Slack.builder().token(Secret.fromEnv("SLACK_BOT_TOKEN")).channel("C0RELEASES").build();
 * Release.of("1.31.0").conventions(Conventions.postHog())
 *     .tag().publishRelease()
 *     .then(slack.announce("PostHog {version} is out: {release.url}"))      // or Announcements.announce(...)
 *     .plan();                                                              // shows the exact text, sends nothing
 * }</pre>
 *
 * <p>Each post goes through the engine's side-effect mechanism under the key {@code announce <announcer name>}:
 * journalled on origin before and after, never sent in a plan, sent at most once across runs, and after a crash in
 * between the announcer's {@link Announcer#find} decides (Slack searches the channel for the release's nonce), or
 * the step is BLOCKED until you run again with {@code .confirm("announce slack #releases")} or
 * {@code .resend(...)}. One release posts once per announcer: a second announcement through the same announcer
 * is ALREADY_DONE.
 */
public final class Announcements {
  private Announcements() {
  }

  /** Posts {@code template} through every announcer wired on the release with {@code Release.announcer(...)}. */
  public static Step announce(String template) {
    return announce(MessageTemplate.of(template));
  }

  /** Posts {@code template} through every announcer wired on the release. */
  public static Step announce(MessageTemplate template) {
    return new AnnouncementStep(template, List.of());
  }

  /** Posts {@code template} through {@code announcers} only; the step wires them on the release. */
  public static Step announce(MessageTemplate template, Announcer... announcers) {
    return new AnnouncementStep(template, List.of(announcers));
  }
}
