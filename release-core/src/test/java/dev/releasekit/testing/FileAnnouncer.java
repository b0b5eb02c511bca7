package dev.releasekit.testing;

import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.SideEffect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A channel that is a file, for the chaos suites: each post is one line ({@code <nonce> TAB <text>}) appended and
 * forced to disk before {@code send} returns, so a post survives the process and two processes see the same
 * channel. {@code find} reads the channel's history, as the Slack announcer searches its channel. It reports
 * {@code POST n} after each post and, at the {@code parkAt}-th, parks with the post out and nothing recorded: the
 * moment a crash is worst for "never posted twice".
 */
public final class FileAnnouncer implements Announcer {
  private final Path file;
  private final Consumer<String> events;
  private final int parkAt;
  private final AtomicInteger posts = new AtomicInteger();

  public FileAnnouncer(Path file, Consumer<String> events, int parkAt) {
    this.file = file;
    this.events = events;
    this.parkAt = parkAt;
  }

  /** The channel of a flow's repository: a file in its origin folder, so a copy of the origin copies it. */
  public static Path channelOf(Path origin) {
    return origin.resolve("releasekit-posts.txt");
  }

  @Override
  public String name() {
    return "file #releases";
  }

  @Override
  public String send(Announcement announcement) {
    String line = announcement.nonce() + "\t" + announcement.text().replace("\n", "\\n") + "\n";
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = posts.incrementAndGet();
    events.accept("POST " + n + " " + name());
    if (n == parkAt) {
      events.accept("PARKED post " + n);
      Park.forever();
    }
    return "post-" + n;
  }

  @Override
  public SideEffect.Status find(Announcement announcement) {
    try {
      boolean posted = Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .anyMatch(l -> l.startsWith(announcement.nonce() + "\t"));
      return posted ? SideEffect.Status.PERFORMED : SideEffect.Status.NOT_PERFORMED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
