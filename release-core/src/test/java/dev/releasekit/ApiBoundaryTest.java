package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.releasekit.local.LocalProject;
import dev.releasekit.testing.ApiBoundary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiBoundaryTest {
  @Test
  void usesNoOtherModulesInternalPackage() {
    ApiBoundary.check(ApiBoundary.CORE);
  }

  @Test
  void coreOwnsEveryPackageNoOtherModuleOwns() {
    assertThat(ApiBoundary.owner("dev.releasekit.internal.steps")).isEqualTo("dev.releasekit");
    assertThat(ApiBoundary.owner("dev.releasekit.git.internal")).isEqualTo("dev.releasekit");
    assertThat(ApiBoundary.owner("dev.releasekit.docker.internal")).isEqualTo("dev.releasekit.docker");
    assertThat(ApiBoundary.owner("dev.releasekit.github")).isEqualTo("dev.releasekit.github");
    assertThat(ApiBoundary.owner("dev.releasekit.githubx.internal")).isEqualTo("dev.releasekit");
  }

  @Test
  void anotherModuleUsingCoresInternalsFails() {
    // LocalProject uses git.internal and local.internal: its own module's, so fine in core, and a violation
    // for any class that belongs to another module.
    JavaClasses classes = new ClassFileImporter().importClasses(LocalProject.class);
    assertThatCode(() -> ApiBoundary.rule(ApiBoundary.CORE).check(classes)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ApiBoundary.rule("dev.releasekit.github").check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.releasekit.git.internal is internal to dev.releasekit.");
  }

  @Test
  void anImportTheCompilerDropsIsStillFound(@TempDir Path dir) throws IOException {
    // An unused import, or one of a constant the compiler inlines, leaves no trace in the class file.
    Path source = dir.resolve("dev/releasekit/examples/Uses.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package dev.releasekit.examples;\n\n"
        + "import dev.releasekit.docker.internal.MediaTypes;\n"
        + "import static dev.releasekit.internal.steps.Ranges.*;\n"
        + "import dev.releasekit.examples.internal.Own;\n"
        + "import dev.releasekit.docker.Registry;\n");
    assertThat(ApiBoundary.foreignInternalImports("dev.releasekit.examples", List.of(dir)))
        .containsExactly(
            source + ":3: import dev.releasekit.docker.internal.MediaTypes; (internal to dev.releasekit.docker)",
            source + ":4: import static dev.releasekit.internal.steps.Ranges.*; (internal to dev.releasekit)");
    assertThat(ApiBoundary.foreignInternalImports("dev.releasekit.docker", List.of(dir)))
        .containsExactly(
            source + ":4: import static dev.releasekit.internal.steps.Ranges.*; (internal to dev.releasekit)",
            source + ":5: import dev.releasekit.examples.internal.Own; (internal to dev.releasekit.examples)");
  }

  @Test
  void anUnknownModuleIsRefused() {
    assertThatThrownBy(() -> ApiBoundary.rule("dev.releasekit.slack"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adds its root package to ApiBoundary");
  }
}
