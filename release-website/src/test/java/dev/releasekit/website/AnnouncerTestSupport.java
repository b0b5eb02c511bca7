package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Release;
import dev.releasekit.spi.Step;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.testing.ChildAnnounce;
import dev.releasekit.website.testing.LeakGuard;
import dev.releasekit.website.testing.SlackStub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A git sandbox, the Slack stub and a fake clock for every announcer test; every test is guarded for leaks. */
@ExtendWith(LeakGuard.class)
abstract class AnnouncerTestSupport {
  @TempDir
  Path temp;
  GitFixture fixture;
  SlackStub stub;
  FakeTime time = FakeTime.at("2017-11-04T12:00:00Z");

  @BeforeEach
  void startTheSandboxAndTheStub() {
    fixture = GitFixture.homeAssistant(temp.resolve("project"));
    stub = SlackStub.start();
  }

  @AfterEach
  void stopTheStub() {
    stub.close();
  }

  Release release(Step step) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).then(step);
  }

  String journal() {
    return fixture.file("refs/releasekit/0.57.0", "journal.jsonl");
  }

  /** Runs the release of {@link ChildAnnounce} in a child JVM and kills it with SIGKILL at {@code window}. */
  void killAt(String kind, String window) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
        ChildAnnounce.class.getName(), fixture.workTree().toString(), fixture.origin().toString(), kind, window,
        String.valueOf(stub.server().port())).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals("PARKED")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the child reached the window; it said:\n%s", seen).isEqualTo("PARKED");
      child.destroyForcibly();
      child.waitFor();
    }
  }
}
