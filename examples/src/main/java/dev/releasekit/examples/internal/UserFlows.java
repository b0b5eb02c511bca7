package dev.releasekit.examples.internal;

import dev.releasekit.Release;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * A user's own flow: a Java source file compiled in-process against the jar, or a JShell script evaluated in this
 * JVM; either hands over the {@link Release} to plan or run.
 */
public final class UserFlows {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  /** Releases on their way out of a JShell script, each under its own key for the time of one hand-over. */
  private static final Map<String, Release> HANDED = new ConcurrentHashMap<>();

  private UserFlows() {
  }

  static Release load(Path file, List<String> arguments) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("The flow file " + file + " does not exist.");
    }
    return file.toString().endsWith(".java") ? fromJava(file, arguments) : fromJShell(file, arguments);
  }

  /** A script hands its release over through here; {@code key} is one the caller chose for this evaluation. */
  public static void handOver(String key, Release release) {
    HANDED.put(key, release);
  }

  private static Release fromJava(Path file, List<String> arguments) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new UsageException("A .java flow needs a JDK (javac), not a JRE: run the jar with a JDK's java.");
    }
    try {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
      Matcher pkg = PACKAGE.matcher(source);
      String className = pkg.find() ? pkg.group(1) + "." + simpleName : simpleName;
      Path classes = Files.createTempDirectory("releasekit-flow-");
      StringWriter diagnostics = new StringWriter();
      int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
        @Override
        public void write(int b) {
          diagnostics.write(b);
        }
      }, true, StandardCharsets.UTF_8), "-proc:none", "--release", "17", "-classpath",
          System.getProperty("java.class.path"), "-d", classes.toString(), file.toString());
      if (status != 0) {
        throw new UsageException("The flow " + file + " does not compile:\n" + diagnostics.toString().strip());
      }
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
          UserFlows.class.getClassLoader())) {
        Class<?> type = Class.forName(className, true, loader);
        Method method = type.getMethod("release", String[].class);
        if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != Release.class) {
          throw new NoSuchMethodException("release");
        }
        return (Release) method.invoke(null, (Object) arguments.toArray(new String[0]));
      }
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new UsageException("The flow " + file + " must declare a public class " + file.getFileName()
          .toString().replaceFirst("\\.java$", "") + " with 'public static Release release(String... args)'.", e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new UsageException("The flow " + file + " failed: " + e.getCause(), e.getCause());
    } catch (IOException e) {
      throw new UsageException("The flow " + file + " cannot be compiled: " + e.getMessage(), e);
    }
  }

  private static Release fromJShell(Path file, List<String> arguments) {
    String script;
    try {
      script = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("The flow " + file + " cannot be read: " + e.getMessage(), e);
    }
    String key = UUID.randomUUID().toString();
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      String declareArgs = "String[] args = new String[] {" + arguments.stream().map(UserFlows::literal)
          .collect(Collectors.joining(", ")) + "};";
      boolean argsDeclared = false;
      String last = null;
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = script;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        // args is declared after the script's leading imports: an import added later makes JShell recompile
        // the variables declared before it, which resets them to null.
        if (!argsDeclared && !info.source().strip().startsWith("import ")) {
          eval(shell, file, declareArgs);
          argsDeclared = true;
        }
        for (SnippetEvent event : eval(shell, file, info.source())) {
          if (event.snippet() instanceof VarSnippet variable && event.status().isActive()
              && variable.typeName().endsWith("Release")) {
            last = variable.name();
          }
        }
        rest = info.remaining();
      }
      String variable = shell.variables().anyMatch(v -> v.name().equals("release")) ? "release" : last;
      if (variable == null) {
        throw new UsageException("The script " + file + " holds no Release: end it with a variable named release,"
            + " or an expression, such as Release.of(\"0.57\").in(Path.of(\"core\")).cutBranch().");
      }
      eval(shell, file, UserFlows.class.getName() + ".handOver(\"" + key + "\", " + variable + ");");
      Release release = HANDED.get(key);
      if (release == null) {
        throw new UsageException("The script " + file + " did not hand over its release.");
      }
      return release;
    } finally {
      HANDED.remove(key);
    }
  }

  private static List<SnippetEvent> eval(JShell shell, Path file, String source) {
    List<SnippetEvent> events = shell.eval(source);
    for (SnippetEvent event : events) {
      if (event.exception() != null) {
        if (event.exception() instanceof jdk.jshell.EvalException thrown) {
          throw new UsageException("The script " + file + " threw " + thrown.getExceptionClassName() + ": "
              + thrown.getMessage() + " in: " + source.strip());
        }
        throw new UsageException("The script " + file + " failed in: " + source.strip() + ": "
            + event.exception().getMessage());
      }
      if (event.status() == Snippet.Status.REJECTED) {
        String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT))
            .collect(Collectors.joining("; "));
        throw new UsageException("The script " + file + " does not compile: " + source.strip() + ": " + why);
      }
    }
    return events;
  }

  private static String literal(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
