package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GitConfiguration} reads the system-wide file where git would, without starting git. Each case runs in a
 * child JVM, since JGit's reader is one per JVM, with an environment of its own: a {@code git} on {@code PATH}
 * that records any start in a file, under a prefix whose {@code etc/gitconfig} names a user.
 */
class GitConfigurationTest {
  @TempDir
  Path temp;

  @Test
  void theSystemFileIsThePrefixOfTheGitOnThePathAndGitIsNeverStarted() throws Exception {
    Path prefix = gitUnder(temp.resolve("opt"));

    String read = child(Map.of("PATH", prefix.resolve("bin").toString()));

    assertThat(read).isEqualTo(prefix.resolve("etc/gitconfig") + " name=From the system file");
    assertThat(temp.resolve("git-started")).as("git was never started").doesNotExist();
  }

  @Test
  void gitConfigSystemNamesTheFileAndGitConfigNoSystemSkipsIt() throws Exception {
    Path prefix = gitUnder(temp.resolve("opt"));
    Path named = Files.writeString(temp.resolve("named"), "[user]\n\tname = Named\n", StandardCharsets.UTF_8);

    String explicit = child(Map.of("PATH", prefix.resolve("bin").toString(), "GIT_CONFIG_SYSTEM",
        named.toString()));
    String skipped = child(Map.of("PATH", prefix.resolve("bin").toString(), "GIT_CONFIG_NOSYSTEM", "1"));

    assertThat(explicit).isEqualTo(named + " name=Named");
    assertThat(skipped).isEqualTo("none name=null");
    assertThat(temp.resolve("git-started")).doesNotExist();
  }

  @Test
  void withoutGitOnThePathThereIsNoSystemFile() throws Exception {
    assertThat(child(Map.of("PATH", Files.createDirectories(temp.resolve("empty")).toString())))
        .isEqualTo("none name=null");
  }

  /** A prefix holding {@code bin/git}, a script that records being started, and {@code etc/gitconfig}. */
  private Path gitUnder(Path prefix) throws IOException {
    Path git = Files.createDirectories(prefix.resolve("bin")).resolve("git");
    Files.writeString(git, "#!/bin/sh\ntouch '" + temp.resolve("git-started") + "'\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(Files.createDirectories(prefix.resolve("etc")).resolve("gitconfig"),
        "[user]\n\tname = From the system file\n", StandardCharsets.UTF_8);
    return prefix;
  }

  /** What {@link Child} prints in a JVM whose environment is {@code environment} and nothing else. */
  private String child(Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + Files.createDirectories(temp.resolve("home")),
        "-cp", System.getProperty("java.class.path"), Child.class.getName()))
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("HOME", temp.resolve("home").toString());
    builder.environment().put("XDG_CONFIG_HOME", temp.resolve("xdg").toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child ends").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /** Installs the reader and prints the system file JGit opens and the user name it reads from it. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      GitConfiguration.install();
      var file = SystemReader.getInstance().openSystemConfig(null, org.eclipse.jgit.util.FS.DETECTED).getFile();
      String name = SystemReader.getInstance().getSystemConfig().getString("user", null, "name");
      System.out.println((file == null ? "none" : file.getPath()) + " name=" + name);
    }
  }
}
