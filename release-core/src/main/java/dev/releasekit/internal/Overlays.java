package dev.releasekit.internal;

import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.SideEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The overlays of a plan for announcers and HTTP endpoints: reads reach the service, writes stay in memory. */
public final class Overlays {
  private Overlays() {
  }

  /** An announcer that records what it would send and sends nothing; {@code find} still asks the real one. */
  public static final class RecordingAnnouncer implements Announcer {
    private final Announcer real;
    private final List<Announcement> sent = new ArrayList<>();

    public RecordingAnnouncer(Announcer real) {
      this.real = real;
    }

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public synchronized String send(Announcement announcement) {
      sent.add(announcement);
      return "(not sent in a plan)";
    }

    @Override
    public SideEffect.Status find(Announcement announcement) {
      return real.find(announcement);
    }

    public synchronized List<Announcement> sent() {
      return List.copyOf(sent);
    }
  }

  /** An endpoint whose reads are real and whose writes are recorded and answered with an empty 202. */
  public static final class RecordingEndpoint implements HttpEndpoint {
    private final HttpEndpoint real;
    private final List<String> writes = new ArrayList<>();

    public RecordingEndpoint(HttpEndpoint real) {
      this.real = real;
    }

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public Response get(String path, Map<String, String> headers) {
      return real.get(path, headers);
    }

    @Override
    public synchronized Response send(String method, String path, Map<String, String> headers, byte[] body) {
      writes.add(method + " " + path);
      return new Response(202, Map.of("X-Releasekit-Plan", "not sent"), new byte[0]);
    }

    public synchronized List<String> writes() {
      return List.copyOf(writes);
    }
  }
}
