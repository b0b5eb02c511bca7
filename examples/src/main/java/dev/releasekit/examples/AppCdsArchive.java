package dev.releasekit.examples;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes the class-data archive the jar starts with: a training run ({@link CdsTraining}: the jar's command line
 * listing its flows and planning Home Assistant's preparation on a fresh sandbox) records the classes it loads
 * ({@code -XX:DumpLoadedClassList}), and {@code -Xshare:dump} writes a static archive of them, the JDK's own
 * classes included (JDK 25 and later: {@code -XX:AOTCacheOutput}, an AOT cache that also holds linked classes), on a
 * class path the archive accepts. The build's {@code appcds} profile runs it at {@code package};
 * {@link ColdStartBenchmark} makes its own.
 *
 * <p>Static rather than dynamic ({@code -XX:ArchiveClassesAtExit}) on JDK 17, because {@code ColdStartBenchmark}
 * measured it faster to start, for two reasons a dynamic archive cannot share: it holds picocli, whose classes are
 * Java 5 bytecode that JDK 17 archives only statically, and it pregenerates the method-handle forms the JDK would
 * otherwise spin at run time for the call sites the training run linked.
 *
 * <pre>{@code
 * java -cp examples.jar dev.releasekit.examples.AppCdsArchive target/releasekit.jsa target/cds "$CLASS_PATH"
 * java -XX:SharedArchiveFile=target/releasekit.jsa -cp "$(cat target/cds/classpath.txt)" ...
 * }</pre>
 *
 * <p>An archive matches only the exact class path it was made with: the same jars, in the same order, unchanged.
 * It holds no class from a directory (the JVM refuses a non-empty directory on the class path when dumping) or
 * from a signed jar (skipped; and JDK 17.0.15 crashes at the end of a dump when lambdas of a signed jar's
 * interfaces were loaded). JGit's jar is signed. So the class path is rewritten first: each directory packed into
 * a jar and each signed jar copied without its signature files, as a shaded jar has them; a class path that is
 * one shaded jar stays as it is.
 */
public final class AppCdsArchive {
  private AppCdsArchive() {
  }

  /** Arguments: the archive to write, a folder for rewritten jars and {@code classpath.txt}, the class path. */
  public static void main(String[] args) throws IOException {
    Path archive = Path.of(args[0]);
    Path folder = Path.of(args[1]);
    List<Path> entries = Arrays.stream(args[2].split(File.pathSeparator)).filter(e -> !e.isBlank())
        .map(Path::of).toList();
    String classPath = jarsOnly(entries, folder);
    Files.writeString(folder.resolve("classpath.txt"), classPath + "\n", StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = folder.resolve("training.log");
    try {
      Files.writeString(log, train(java, archive, List.of("-cp", classPath, CdsTraining.class.getName())),
          StandardCharsets.UTF_8);
    } catch (IllegalStateException e) {
      // The archive only speeds up the start: a JVM that cannot dump one (JDK 17.0.15 crashed in a dump once)
      // leaves the jar as it is, never the build broken.
      Files.writeString(log, String.valueOf(e.getMessage()), StandardCharsets.UTF_8);
      Files.deleteIfExists(archive);
      System.out.println("No class-data archive: its training run failed (" + log + "). The jar starts without"
          + " one, only slower.");
    }
  }


  /** The flags that start a JVM with the archive, failing rather than starting without it. */
  static List<String> useFlags(int feature, Path archive) {
    return feature >= 25 ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive)
        : List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
  }

  /**
   * Runs {@code command} (the arguments after {@code java}'s options: {@code -cp <path> <main class> ...} or
   * {@code -jar <jar> ...}) once to write {@code archive}, and returns what the JVMs printed.
   */
  static String train(Path java, Path archive, List<String> command) throws IOException {
    if (featureVersion(java) >= 25) {
      List<String> arguments = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + archive));
      arguments.addAll(command);
      return run(java, arguments);
    }
    Path classList = archive.resolveSibling(archive.getFileName() + ".classlist");
    try {
      List<String> arguments = new ArrayList<>(List.of("-XX:DumpLoadedClassList=" + classList));
      arguments.addAll(command);
      String trained = run(java, arguments);
      return trained + run(java, List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
          "-XX:SharedArchiveFile=" + archive, "-cp", classPathOf(command)));
    } finally {
      Files.deleteIfExists(classList);
    }
  }

  /** The class path a command line of {@code java}'s runs on: its {@code -cp} value, or its {@code -jar}. */
  static String classPathOf(List<String> command) {
    for (int i = 0; i + 1 < command.size(); i++) {
      if (List.of("-cp", "-classpath", "--class-path", "-jar").contains(command.get(i))) {
        return command.get(i + 1);
      }
    }
    throw new IllegalArgumentException("no -cp or -jar in " + command);
  }

  /** Runs {@code java} with {@code arguments} to its end and returns its output; fails when it fails. */
  static String run(Path java, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(arguments);
    return run(command, Map.of());
  }

  /** Runs {@code command} with {@code environment} added to its end and returns its output; fails when it fails. */
  static String run(List<String> command, Map<String, String> environment) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("exit " + exit + " from " + command + ":\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The feature release of the JDK that {@code java} belongs to, from its {@code release} file. */
  static int featureVersion(Path java) throws IOException {
    Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
    String version = Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION="))
        .findFirst().orElseThrow().replaceAll("[^0-9.]", "");
    return Integer.parseInt(version.split("\\.")[0]);
  }

  /**
   * {@code entries} as jars an archive accepts: each directory packed into a jar, each signed jar copied without
   * its signature; the new jars are written to {@code out}. Returns the class path.
   */
  static String jarsOnly(List<Path> entries, Path out) throws IOException {
    Files.createDirectories(out);
    List<String> jars = new ArrayList<>();
    int index = 0;
    for (Path entry : entries) {
      Path target = out.resolve(index++ + "-" + entry.getFileName() + (Files.isDirectory(entry) ? ".jar" : ""));
      if (Files.isDirectory(entry)) {
        packDirectory(entry, target);
        jars.add(target.toString());
      } else if (Files.isRegularFile(entry) && signed(entry)) {
        copyUnsigned(entry, target);
        jars.add(target.toString());
      } else if (Files.isRegularFile(entry)) {
        jars.add(entry.toString());
      }
    }
    return String.join(File.pathSeparator, jars);
  }

  /** The class path this program runs on: exec:java's class loader, or {@code java.class.path}. */
  static List<Path> classPath() {
    List<Path> entries = new ArrayList<>();
    if (AppCdsArchive.class.getClassLoader() instanceof URLClassLoader loader) {
      for (URL url : loader.getURLs()) {
        entries.add(path(url));
      }
    } else {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  /** The jar or folder {@code type} was loaded from. */
  static Path location(Class<?> type) {
    return path(type.getProtectionDomain().getCodeSource().getLocation());
  }

  private static Path path(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(url.toString(), e);
    }
  }

  private static boolean signed(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().anyMatch(entry -> signature(entry.getName()));
    }
  }

  private static boolean signature(String name) {
    return name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
  }

  private static void copyUnsigned(Path jar, Path target) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!signature(entry.getName())) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }

  private static void packDirectory(Path directory, Path target) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }
}
