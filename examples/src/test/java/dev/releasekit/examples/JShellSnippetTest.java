package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The README's JShell snippet ({@code examples/jshell/demo.jsh}) evaluates without an error, snippet by snippet. */
class JShellSnippetTest {

  @Test
  void readmeSnippetRunsAndItsSecondRunIsANoOp() throws IOException {
    String script = Files.readString(Path.of("jshell/demo.jsh"), StandardCharsets.UTF_8);
    List<String> values = new ArrayList<>();
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = script;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        for (SnippetEvent event : shell.eval(info.source())) {
          assertThat(event.exception()).as(info.source()).isNull();
          assertThat(event.status()).as(info.source()).isNotEqualTo(Snippet.Status.REJECTED);
          if (event.value() != null) {
            values.add(event.value());
          }
        }
        rest = info.remaining();
      }
    }
    assertThat(values).anySatisfy(v -> assertThat(v).contains("Release 0.57.0 (4 steps, not run)"));
    assertThat(values).anySatisfy(v -> assertThat(v).contains("Plan for release 0.57.0").contains("WOULD_DO"));
    assertThat(values).anySatisfy(v -> assertThat(v).contains("Report for release 0.57.0"));
    assertThat(values.get(values.size() - 1)).as("the second run writes nothing").isEqualTo("true");
  }
}
