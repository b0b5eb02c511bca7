package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.Announcement;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Announcers and HTTP endpoints come from the context: overlaid in a plan, used once in a run. */
class ServicesFromTheContextTest {
  @TempDir
  Path temp;
  GitFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = GitFixture.homeAssistant(temp);
  }

  /** An announcer that records what reaches it, and can say whether a nonce went out. */
  static final class RecordingAnnouncer implements Announcer {
    final List<Announcement> sent = new ArrayList<>();
    SideEffect.Status found = SideEffect.Status.UNKNOWN;

    @Override
    public String name() {
      return "chat #releases";
    }

    @Override
    public String send(Announcement announcement) {
      sent.add(announcement);
      return "ts-" + sent.size();
    }

    @Override
    public SideEffect.Status find(Announcement announcement) {
      return found;
    }
  }

  private Release release() {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch();
  }

  @Test
  void aPlanShowsTheAnnouncementAndSendsNothing() {
    RecordingAnnouncer chat = new RecordingAnnouncer();

    Plan plan = release().announcer(chat).announce("Home Assistant {version} is out").plan();

    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.step(2).detail()).isEqualTo("post to chat #releases: Home Assistant 0.57.0 is out");
    assertThat(plan.step(2).output()).isEqualTo("Home Assistant 0.57.0 is out");
    assertThat(chat.sent).isEmpty();
  }

  @Test
  void aRunAnnouncesOnceWithAStableNonceAndARerunSendsNothing() {
    RecordingAnnouncer chat = new RecordingAnnouncer();

    Report report = release().announcer(chat).announce("Home Assistant {version} is out").run();
    Report again = release().announcer(chat).announce("Home Assistant {version} is out").run();

    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
    assertThat(report.step(2).detail()).contains("(ts-1)");
    assertThat(again.isNoOp()).isTrue();
    assertThat(chat.sent).singleElement().satisfies(a -> {
      assertThat(a.text()).isEqualTo("Home Assistant 0.57.0 is out");
      assertThat(a.nonce()).startsWith("releasekit-").hasSize("releasekit-".length() + 16);
    });
  }

  @Test
  void anAnnouncementWithNoAnnouncerWiredIsBlockedInThePlanSayingWhatToWire() {
    Plan plan = release().announce("Home Assistant {version} is out").plan();

    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(2).detail()).contains("No announcer is wired").contains("Release.announcer(");
    String before = fixture.fingerprint();
    assertThatThrownBy(() -> release().announce("x").run()).isInstanceOf(PreconditionException.class);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  /** An endpoint that counts what reaches it. */
  static final class CountingEndpoint implements HttpEndpoint {
    final List<String> received = new ArrayList<>();

    @Override
    public String name() {
      return "deploy";
    }

    @Override
    public Response get(String path, Map<String, String> headers) {
      received.add("GET " + path);
      return new Response(200, Map.of(), "idle".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Response send(String method, String path, Map<String, String> headers, byte[] body) {
      received.add(method + " " + path);
      return new Response(201, Map.of(), new byte[0]);
    }
  }

  /** A user's step that reads the endpoint, then posts to it (without the side-effect mechanism, on purpose). */
  private static final Step DEPLOY = new Step() {
    @Override
    public String description() {
      return "trigger the deploy";
    }

    @Override
    public StepResult apply(StepContext context) {
      HttpEndpoint deploy = context.endpoint("deploy").orElseThrow(() -> new PreconditionException(
          "Wire the deploy endpoint with Release.withEndpoint(...)."));
      String state = deploy.get("/status", Map.of()).text();
      int status = deploy.send("POST", "/deploys", Map.of(), new byte[0]).status();
      return StepResult.done("deploy was " + state + ", answered " + status);
    }
  };

  @Test
  void aPlanReadsAnEndpointForRealAndKeepsItsWritesInMemory() {
    CountingEndpoint deploy = new CountingEndpoint();

    Plan plan = release().withEndpoint(deploy).then(DEPLOY).plan();

    assertThat(plan.step(2).detail()).isEqualTo("deploy was idle, answered 202");
    assertThat(deploy.received).containsExactly("GET /status");

    Report report = release().withEndpoint(deploy).then(DEPLOY).run();

    assertThat(report.step(2).detail()).isEqualTo("deploy was idle, answered 201");
    assertThat(deploy.received).containsExactly("GET /status", "GET /status", "GET /status", "POST /deploys");
  }
}
