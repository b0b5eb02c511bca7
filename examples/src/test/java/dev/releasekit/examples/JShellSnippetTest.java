package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's JShell snippet ({@code examples/jshell/demo.jsh}) in the real {@code jshell} tool, not the JShell
 * API: the API joins lines that the tool reads as separate snippets, so a snippet could pass here and fail for a
 * person. The tool runs as a child process on the test's class path, once on the file and once with the snippet
 * pasted line by line on its standard input.
 */
class JShellSnippetTest {
  private static final Path SCRIPT = Path.of("jshell/demo.jsh");
  /** A safety net against a tool that never ends; not a timing assertion. */
  private static final long WATCHDOG_MINUTES = 5;

  @TempDir
  Path temp;

  @Test
  void theScriptFileShowsTheReleaseThePlanAndTheReportAndItsSecondRunIsANoOp() throws Exception {
    String output = jshell(List.of(SCRIPT.toAbsolutePath().toString()), "/exit\n");

    assertShowsTheWholeSnippet(output);
  }

  @Test
  void theSnippetPastedLineByLineShowsTheSameAsTheFile() throws Exception {
    String output = jshell(List.of(), Files.readString(SCRIPT, StandardCharsets.UTF_8) + "/exit\n");

    assertShowsTheWholeSnippet(output);
    assertThat(output).as("jshell echoes each declaration when pasted")
        .contains("release ==> Release 0.57.0 (4 steps, not run)");
  }

  @Test
  void theReadmeShowsTheScriptByteForByte() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## JShell"));
    int start = section.indexOf("```java\n") + "```java\n".length();
    String snippet = section.substring(start, section.indexOf("```\n", start));

    assertThat(snippet).isEqualTo(Files.readString(SCRIPT, StandardCharsets.UTF_8));
  }

  private static void assertShowsTheWholeSnippet(String output) {
    assertThat(output)
        .doesNotContain("Error:")
        .doesNotContain("illegal start")
        .doesNotContain("Exception")
        .contains("Release 0.57.0 (4 steps, not run)\n  1) merge master into dev\n")
        .contains("4) open pull request release-0-57 -> master")
        .contains("Plan for release 0.57.0 (4 steps):")
        .contains("Report for release 0.57.0 (run ");
    String plan = output.substring(output.indexOf("Plan for release"), output.indexOf("Report for release"));
    assertThat(plan.lines().filter(line -> line.matches("  \\d\\) WOULD_DO .*"))).hasSize(4);
    String report = output.substring(output.indexOf("Report for release"));
    assertThat(report.lines().filter(line -> line.matches("  \\d\\) DONE .*"))).hasSize(4);
    // After its prompt, the tool writes a backspace before what the snippet prints.
    List<String> printed = report.lines().map(line -> line.replaceFirst("^(jshell>[\\s\\x08]*)+", "").strip())
        .filter(line -> !line.isEmpty() && !line.startsWith("|")).toList();
    assertThat(printed.get(printed.size() - 1)).as("the last line printed (not the tool's own '|' lines): the"
        + " second run is a no-op")
        .isEqualTo("true");
  }

  /**
   * Runs the {@code jshell} of the JDK running the tests, with {@code arguments} after its options, writes
   * {@code input} to its standard input, and returns what it printed (standard output and error together). Its
   * preferences, its home and the snippet's temporary folders are in the test's folder.
   */
  private String jshell(List<String> arguments, String input) throws IOException, InterruptedException {
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    assertThat(jshell).as("the tests run on a JDK, which has jshell").isExecutable();
    Path home = Files.createDirectories(temp.resolve("home"));
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    List<String> command = new ArrayList<>(List.of(jshell.toString(),
        "-J-Duser.home=" + home, "-J-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
        "-R-Duser.home=" + home, "-R-Djava.io.tmpdir=" + tmp,
        "--class-path", System.getProperty("java.class.path")));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // Line by line, as a terminal hands pasted text to the tool.
    try (OutputStream stdin = process.getOutputStream()) {
      for (String line : input.split("(?<=\n)")) {
        stdin.write(line.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      }
    }
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(WATCHDOG_MINUTES, TimeUnit.MINUTES)).as("jshell ends").isTrue();
    return new String(output, StandardCharsets.UTF_8);
  }
}
