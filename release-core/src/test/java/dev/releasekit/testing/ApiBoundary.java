package dev.releasekit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The API boundary between modules: a module may use its own {@code internal} packages, never another module's.
 * Each module owns a root package ({@code dev.releasekit.github}, {@code dev.releasekit.docker},
 * {@code dev.releasekit.website}, {@code dev.releasekit.examples}); release-core owns everything else under
 * {@code dev.releasekit}, so its internals are {@code dev.releasekit.internal} and {@code dev.releasekit.*.internal}.
 * The rule reads bytecode, so a fully qualified use counts as much as an import; and since the compiler inlines
 * constants and drops unused imports, it also reads the {@code import} lines of the module's sources.
 *
 * <p>Every module checks its own classes, main and test, from its own build folders, in a test of one line:
 *
 * <pre>{@code
 * @Test
 * void usesNoOtherModulesInternals() {
 *   ApiBoundary.check("dev.releasekit.docker");
 * }
 * }</pre>
 */
public final class ApiBoundary {
  /** release-core's root package: it owns every package under it that no other module owns. */
  public static final String CORE = "dev.releasekit";

  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)");
  private static final List<String> MODULES =
      List.of("dev.releasekit.github", "dev.releasekit.docker", "dev.releasekit.website", "dev.releasekit.examples");

  private ApiBoundary() {
  }

  /**
   * Checks the module under test: its classes ({@code target/classes} and {@code target/test-classes}) and the
   * imports of its sources ({@code src/main/java} and {@code src/test/java}).
   */
  public static void check(String module) {
    rule(module).check(ownClasses());
    List<String> imports = foreignInternalImports(module, List.of(Path.of("src", "main", "java"),
        Path.of("src", "test", "java")));
    if (!imports.isEmpty()) {
      throw new AssertionError("Imports of another module's internal package; use that module's public API, or"
          + " move what you need into it:\n" + String.join("\n", imports));
    }
  }

  /** Every {@code import} of another module's internal package in the sources under {@code roots}. */
  public static List<String> foreignInternalImports(String module, List<Path> roots) {
    List<String> found = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = IMPORT.matcher(lines.get(i));
            if (matcher.find() && isInternal(matcher.group(1)) && !owner(matcher.group(1)).equals(module)) {
              found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip() + " (internal to "
                  + owner(matcher.group(1)) + ")");
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** The rule for classes that belong to {@code module}, named by its root package. */
  public static ArchRule rule(String module) {
    if (!module.equals(CORE) && !MODULES.contains(module)) {
      throw new IllegalArgumentException("Unknown module " + module + "; the modules are " + CORE + " and "
          + MODULES + ". A new module adds its root package to ApiBoundary.");
    }
    return classes().should(new ArchCondition<JavaClass>("use no other module's internal package") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
          if (isInternal(target) && !owner(target).equals(module)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                + ": " + target + " is internal to " + owner(target) + ". Use that module's public API, or move"
                + " what you need into it."));
          }
        }
      }
    }).because("a module's internal package may change without notice; only its public packages are API");
  }

  /** The module that owns {@code packageName}, by its root package. */
  public static String owner(String packageName) {
    for (String module : MODULES) {
      if (packageName.equals(module) || packageName.startsWith(module + ".")) {
        return module;
      }
    }
    return CORE;
  }

  private static boolean isInternal(String name) {
    return (name.equals(CORE) || name.startsWith(CORE + "."))
        && (name.endsWith(".internal") || name.contains(".internal."));
  }

  /** The module's own classes: the build folders of the working directory, which Surefire sets to the module. */
  public static JavaClasses ownClasses() {
    List<Path> folders = List.of(Path.of("target", "classes"), Path.of("target", "test-classes")).stream()
        .filter(Files::isDirectory).toList();
    if (folders.isEmpty()) {
      throw new IllegalStateException("No target/classes or target/test-classes in " + Path.of("").toAbsolutePath()
          + "; run the boundary test from the module's folder, as Maven does.");
    }
    // Only the packages of what the classes use matter, and those are in the class files themselves.
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter().importPaths(folders);
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }
}
