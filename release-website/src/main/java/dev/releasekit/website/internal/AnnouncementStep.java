package dev.releasekit.website.internal;

import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.website.JsonWebhook;
import dev.releasekit.website.MessageTemplate;
import dev.releasekit.website.Slack;
import dev.releasekit.website.SlackWebhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link MessageTemplate} from the context's results and posts it through announcers of the context,
 * each through {@link StepContext#perform(SideEffect)} under the key {@code announce <name>} with the nonce core's
 * {@code Release.announce} uses, so both name one post the same way.
 */
public final class AnnouncementStep implements Step {
  private final MessageTemplate template;
  private final List<Announcer> only;

  /** Posts through {@code only}, or through every announcer of the release when it is empty. */
  public AnnouncementStep(MessageTemplate template, List<Announcer> only) {
    this.template = template;
    this.only = List.copyOf(only);
  }

  @Override
  public String description() {
    String line = template.text().lines().findFirst().orElse("");
    String shown = line.length() > 60 ? line.substring(0, 57) + "..." : line;
    return "announce \"" + shown + "\"" + (only.isEmpty() ? ""
        : " on " + only.stream().map(Announcer::name).collect(Collectors.joining(", ")));
  }

  @Override
  public List<Object> services() {
    return List.copyOf(only);
  }

  @Override
  public StepResult apply(StepContext context) {
    List<Announcer> targets = targets(context);
    String text = template.render(context);
    List<String> details = new ArrayList<>();
    boolean wrote = false;
    for (Announcer announcer : targets) {
      String key = "announce " + announcer.name();
      Announcement announcement = new Announcement(text, nonce(context, key));
      // In a rehearsal the context hands out overlays; the step's own announcers still say what they are.
      Announcer typed = only.stream().filter(a -> a.name().equals(announcer.name())).findFirst().orElse(announcer);
      SideEffect effect = SideEffect.builder(key)
          .describedAs("post to " + announcer.name() + ": " + text)
          .observableAt(where(typed))
          .performedBy(() -> announcer.send(announcement))
          .checkedBy(() -> announcer.find(announcement))
          .build();
      StepResult one;
      try {
        one = context.perform(effect);
      } catch (ConflictException e) {
        throw typed instanceof Slack ? new ConflictException("Slack could not tell from the channel's history"
            + " whether the post went out: check that the bot has the channels:history scope, is a member of the"
            + " channel, and is not rate-limited. " + e.getMessage()) : e;
      }
      wrote |= one.outcome() != Outcome.ALREADY_DONE;
      details.add(one.detail());
    }
    String detail = String.join("; ", details);
    return (wrote ? StepResult.done(detail) : StepResult.alreadyDone(detail)).withOutput(text);
  }

  private List<Announcer> targets(StepContext context) {
    List<Announcer> wired = context.announcers();
    if (only.isEmpty()) {
      if (wired.isEmpty()) {
        throw new PreconditionException("No announcer is wired, so there is nowhere to announce. Wire one with"
            + " Release.announcer(...), such as Slack.builder()...build(), or use slack.announce(template).");
      }
      return wired;
    }
    List<Announcer> targets = new ArrayList<>();
    for (Announcer mine : only) {
      targets.add(wired.stream().filter(a -> a.name().equals(mine.name())).findFirst()
          .orElseThrow(() -> new PreconditionException("The announcer " + mine.name() + " is not wired on this"
              + " release. Wire it with Release.announcer(...).")));
    }
    return targets;
  }

  private static String where(Announcer announcer) {
    if (announcer instanceof Slack slack) {
      return "the channel " + slack.channel();
    }
    if (announcer instanceof SlackWebhook webhook) {
      return "the channel " + webhook.channel() + " (an incoming webhook's posts cannot be read back)";
    }
    if (announcer instanceof JsonWebhook webhook) {
      return "the receiver of " + webhook.name();
    }
    return announcer.name();
  }

  /** Core's convention: the same in every run of this release, repository and announcer, different otherwise. */
  static String nonce(StepContext context, String key) {
    String seed = context.repository() + "\n" + context.version() + "\n" + key;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "releasekit-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
