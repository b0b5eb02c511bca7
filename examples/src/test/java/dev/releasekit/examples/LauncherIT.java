package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.releasekit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code examples/releasekit}: the jar started with the class-data archive the build made and
 * the flags of a short-lived process, answering exactly as {@code java -jar} does.
 */
class LauncherIT {
  @TempDir
  Path temp;

  @Test
  void theLauncherPlansAsTheJarDoesAndWritesNothing() {
    GitFixture core = GitFixture.homeAssistant(temp);
    String before = core.fingerprint();

    Tool.Result launched = Jar.launch("", "plan", "ha-preparation", "--version", "0.57", "--core",
        core.workTree().toString());
    Tool.Result direct = Jar.run("plan", "ha-preparation", "--version", "0.57", "--core", core.workTree().toString());

    assertThat(launched.code()).as(launched.toString()).isZero();
    // The rehearsed commits carry the time of each plan, so their ids differ between the two.
    assertThat(withoutCommitIds(launched.out())).isEqualTo(withoutCommitIds(direct.out())).contains("WOULD_DO");
    assertThat(launched.err()).as("no JVM or archive warnings").doesNotContain("warning").doesNotContain("cds");
    assertThat(core.fingerprint()).isEqualTo(before);
  }

  private static String withoutCommitIds(String text) {
    return text.replaceAll("\\b[0-9a-f]{7}\\b", "<commit>");
  }

  @Test
  void theArchiveTheBuildShipsIsOneTheJvmAccepts() {
    assumeThat(Jar.path().resolveSibling("releasekit.jsa")).as("built without -Dreleasekit.skipCds").exists();

    // -Xshare:on makes a JVM that cannot map the archive fail instead of starting without it.
    Tool.Result listed = Jar.launch("-Xshare:on", "list");

    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("ha-preparation", "posthog-launch");
  }

  @Test
  void aMissingJarIsBadUsageThatSaysHowToBuildIt() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", Path.of("releasekit").toAbsolutePath().toString(), "list")
        .redirectErrorStream(true);
    builder.environment().put("RELEASEKIT_JAR", temp.resolve("none.jar").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(64);
    assertThat(out).contains("no jar at " + temp.resolve("none.jar")).contains("mvn -B -q -DskipTests install");
  }
}
