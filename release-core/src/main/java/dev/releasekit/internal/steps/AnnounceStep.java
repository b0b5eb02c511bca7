package dev.releasekit.internal.steps;

import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Posts a text through every announcer of the release, each once across all runs, through the side-effect
 * mechanism: a plan shows the text and sends nothing; after a crash the announcer's {@code find} decides.
 */
public final class AnnounceStep implements Step {
  private final String text;

  public AnnounceStep(String text) {
    this.text = text;
  }

  @Override
  public String description() {
    return "announce \"" + abbreviate(text) + "\"";
  }

  private static String abbreviate(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }

  @Override
  public StepResult apply(StepContext context) {
    List<Announcer> announcers = context.announcers();
    if (announcers.isEmpty()) {
      throw new PreconditionException("No announcer is wired, so there is nowhere to announce. Wire one with"
          + " Release.announcer(...) (release-website has Slack and webhooks).");
    }
    String message = text.replace("{version}", context.version().toString());
    List<String> details = new ArrayList<>();
    boolean wrote = false;
    for (Announcer announcer : announcers) {
      String key = "announce " + announcer.name();
      Announcement announcement = new Announcement(message, nonce(context, key));
      StepResult one = context.perform(SideEffect.builder(key)
          .describedAs("post to " + announcer.name() + ": " + message)
          .observableAt(announcer.name())
          .performedBy(() -> announcer.send(announcement))
          .checkedBy(() -> announcer.find(announcement))
          .build());
      wrote |= one.outcome() != Outcome.ALREADY_DONE;
      details.add(one.detail());
    }
    String detail = String.join("; ", details);
    return (wrote ? StepResult.done(detail) : StepResult.alreadyDone(detail)).withOutput(message);
  }

  /** The same in every run of this release and announcer, and different for any other. */
  static String nonce(StepContext context, String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((context.repository() + "\n" + context.version()
          + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return "releasekit-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
