package dev.releasekit.examples;

import dev.releasekit.local.LocalProject;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cold start and memory of releasekit as a whole process, measured in one run against a bare JVM. It launches
 * child JVMs, round after round, and prints medians and ratios:
 * <ul>
 *   <li>a bare JVM that prints one line ({@link PrintOneLine});</li>
 *   <li>a plan of Home Assistant's preparation ({@link PlanPreparation}, four steps) on a {@code LocalProject}
 *       sandbox made beforehand: without an archive, with an AppCDS archive made by a training run of the same
 *       command (on JDK 25 and later an AOT cache, {@code -XX:AOTCacheOutput}/{@code -XX:AOTCache}), and with the
 *       archive plus the flags a launcher script may add for a short-lived process;</li>
 *   <li>Home Assistant's whole release day, core and website ({@link RunReleaseDay}, every step run on folders
 *       {@link SiteReleaseDay#prepare} made), whose peak resident memory ({@code VmHWM}) is compared with 256 MB.</li>
 * </ul>
 * Wall-clock time is each child's, from start to exit; CPU time is user plus system time of the reaped child, read
 * from this process's {@code /proc/self/stat} ({@code cutime}, {@code cstime}), which stays meaningful on a busy
 * machine where wall-clock time does not.
 *
 * <p>A class-data archive matches only the exact class path it was made with, and holds nothing from directories
 * or signed jars, so the children run on the class path {@link AppCdsArchive} rewrites: jars only, none signed,
 * as a shaded jar has them.
 *
 * <pre>{@code
 * mvn -q -DskipTests install && mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.ColdStartBenchmark
 * # arguments: [rounds, default 7] [path of the java to measure, default this JVM's]
 * }</pre>
 */
public final class ColdStartBenchmark {
  private static final long MB = 1024;
  private static final double TICKS_PER_SECOND = 100;

  private ColdStartBenchmark() {
  }

  /**
   * What "plan" is: the child JVM's arguments after its options, on the clone {@code workTree}. When the runnable
   * jar exists this becomes {@code List.of("-jar", jar, "plan", ...)}; its archive must then be made on that
   * command too.
   */
  static List<String> planCommand(String classPath, Path workTree) {
    return List.of("-cp", classPath, PlanPreparation.class.getName(), workTree.toString());
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path java = args.length > 1 ? Path.of(args[1])
        : Path.of(System.getProperty("java.home"), "bin", "java");
    int feature = AppCdsArchive.featureVersion(java);
    Path dir = Files.createTempDirectory("releasekit-coldstart-");
    String classPath = AppCdsArchive.jarsOnly(AppCdsArchive.classPath(), dir.resolve("classpath"));
    String bareClassPath = AppCdsArchive.location(PrintOneLine.class).toString();
    Path workTree = LocalProject.homeAssistant(dir.resolve("ha")).workTree();
    List<String> plan = planCommand(classPath, workTree);

    // A plan writes nothing, so the training run may plan the very sandbox that is measured.
    Path archive = dir.resolve(feature >= 25 ? "releasekit.aot" : "releasekit.jsa");
    AppCdsArchive.train(java, archive, plan);
    List<String> withArchive = AppCdsArchive.useFlags(feature, archive);
    List<String> launcherFlags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    Map<String, List<String>> rows = new LinkedHashMap<>();
    rows.put("bare JVM printing one line", List.of("-cp", bareClassPath, PrintOneLine.class.getName()));
    rows.put("plan, class path of jars", plan);
    rows.put("plan + " + (feature >= 25 ? "AOT cache" : "AppCDS archive"), concat(withArchive, plan));
    rows.put("plan + archive + " + String.join(" ", launcherFlags), concat(withArchive, launcherFlags, plan));
    // The runnable jar and the archive the build ships beside it (made by a training plan at package time).
    Optional<Path> jar = Stream.of("target/releasekit.jar", "examples/target/releasekit.jar").map(Path::of)
        .filter(Files::isRegularFile).findFirst();
    Optional<Path> launcher = jar.map(j -> j.toAbsolutePath().getParent().resolveSibling("releasekit"))
        .filter(Files::isRegularFile);
    List<String> jarPlanArguments = List.of("plan", "ha-preparation", "--version", "0.57", "--core",
        workTree.toString());
    if (jar.isPresent()) {
      List<String> jarPlan = concat(List.of("-jar", jar.get().toString()), jarPlanArguments);
      rows.put("releasekit.jar plan ha-preparation", jarPlan);
      Path shipped = jar.get().resolveSibling("releasekit.jsa");
      if (feature == Runtime.version().feature() && feature < 25 && Files.isRegularFile(shipped)) {
        rows.put("releasekit.jar + shipped archive", concat(List.of("-XX:SharedArchiveFile=" + shipped), jarPlan));
      }
    }
    // The launcher script, as a CI step or a person calls it: the shipped archive and the launcher flags.
    launcher.ifPresent(script -> rows.put("examples/releasekit plan ha-preparation",
        concat(List.of(LAUNCHER, script.toString()), jarPlanArguments)));

    Map<String, long[]> wall = new LinkedHashMap<>();
    Map<String, long[]> cpu = new LinkedHashMap<>();
    rows.keySet().forEach(row -> {
      wall.put(row, new long[rounds]);
      cpu.put(row, new long[rounds]);
    });
    rows.values().forEach(command -> launch(java, command));   // warms the page cache; not counted
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<String>> row : rows.entrySet()) {
        Measured measured = launch(java, row.getValue());
        wall.get(row.getKey())[round] = measured.wallNanos;
        cpu.get(row.getKey())[round] = measured.cpuMillis;
      }
    }

    System.out.printf("cold start, median of %d rounds, %s (Java %d):%n", rounds, java, feature);
    for (String row : rows.keySet()) {
      System.out.printf("  %-62s wall %6.0f ms   cpu %6d ms%n", row, median(wall.get(row)) / 1e6,
          median(cpu.get(row)));
    }
    List<String> names = new ArrayList<>(rows.keySet());
    double bareWall = median(wall.get(names.get(0)));
    double bareCpu = Math.max(1, median(cpu.get(names.get(0))));
    for (int i = 1; i < names.size(); i++) {
      System.out.printf("  %-62s wall x%5.1f   cpu x%5.1f   (aim: wall under x10)%n",
          names.get(i).replaceFirst("^plan", "plan / bare"), median(wall.get(names.get(i))) / bareWall,
          median(cpu.get(names.get(i))) / bareCpu);
    }

    String day = "Home Assistant's whole release day (core and website), peak resident memory (VmHWM)";
    System.out.printf("%s:%n", day);
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("default flags", List.of());
    variants.put("archive", withArchive);
    variants.put("archive + launcher flags", concat(withArchive, launcherFlags));
    for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
      SiteReleaseDay prepared = SiteReleaseDay.prepare(dir.resolve("day-"
          + variant.getKey().replaceAll("\\W+", "-")));
      Measured measured = launch(java, concat(variant.getValue(), List.of("-cp", classPath,
          RunReleaseDay.class.getName(), prepared.core().workTree().toString(), prepared.core().origin().toString(),
          prepared.website().workTree().toString(), prepared.website().origin().toString())));
      long peakKb = measured.output.lines().filter(line -> line.startsWith(RunReleaseDay.PEAK))
          .mapToLong(line -> Long.parseLong(line.substring(RunReleaseDay.PEAK.length()))).findFirst()
          .orElseThrow(() -> new IllegalStateException("no peak printed:\n" + measured.output));
      System.out.printf("  %-26s %5d MB (aim: under 256 MB)   %s, wall %.0f ms%n", variant.getKey(),
          peakKb / MB, measured.output.lines().filter(line -> line.endsWith("steps run")).findFirst()
              .orElse(""), measured.wallNanos / 1e6);
    }
    // The same day through the launcher, as a CI step runs it: the jar's own flow, its peak read by GNU time.
    if (launcher.isPresent() && Files.isExecutable(Path.of(GNU_TIME))) {
      SiteReleaseDay prepared = SiteReleaseDay.prepare(dir.resolve("day-launcher"));
      // The flow regenerates the credits page, which needs the organisation's contributors.
      prepared.website().hosting().seed().user("balloob", "Paulus Schoutsen");
      prepared.website().hosting().seed().repository("home-assistant/core").contributor("balloob", 500).create();
      Measured measured = launchCommand(List.of(GNU_TIME, "-f", "PEAK_KB %M", LAUNCHER, launcher.get().toString(),
          "run", "ha-release-day", "--version", "0.57", "--date", "2017-11-04", "--core",
          prepared.core().workTree().toString(), "--website", prepared.website().workTree().toString(),
          "--post-title", "0.57: Translations, Hacktoberfest, Timers"), Map.of("JAVA_HOME", java.getParent()
              .getParent().toString()));
      long peakKb = measured.output.lines().filter(line -> line.startsWith("PEAK_KB "))
          .mapToLong(line -> Long.parseLong(line.substring("PEAK_KB ".length()))).findFirst()
          .orElseThrow(() -> new IllegalStateException("no peak printed:\n" + measured.output));
      System.out.printf("  %-26s %5d MB (aim: under 256 MB)   releasekit run ha-release-day, wall %.0f ms%n",
          "examples/releasekit", peakKb / MB, measured.wallNanos / 1e6);
    }
  }

  private static final String LAUNCHER = "sh";
  private static final String GNU_TIME = "/usr/bin/time";

  private record Measured(long wallNanos, long cpuMillis, String output) {
  }

  /**
   * Runs {@code java} with {@code arguments} to its end, timing it; its output is kept, never printed. A row whose
   * arguments start with {@link #LAUNCHER} is the launcher script, run on the same {@code java}.
   */
  private static Measured launch(Path java, List<String> arguments) {
    if (!arguments.isEmpty() && arguments.get(0).equals(LAUNCHER)) {
      return launchCommand(arguments, Map.of("JAVA_HOME", java.getParent().getParent().toString()));
    }
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(arguments);
    return launchCommand(command, Map.of());
  }

  private static Measured launchCommand(List<String> command, Map<String, String> environment) {
    try {
      long cpuBefore = childrenCpuMillis();
      long start = System.nanoTime();
      String output = AppCdsArchive.run(command, environment);
      long wall = System.nanoTime() - start;
      return new Measured(wall, childrenCpuMillis() - cpuBefore, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** User plus system time of this process's reaped children, in ms; 0 where there is no {@code /proc}. */
  private static long childrenCpuMillis() throws IOException {
    Path stat = Path.of("/proc/self/stat");
    if (!Files.isReadable(stat)) {
      return 0;
    }
    String text = Files.readString(stat);
    // Fields after the command name, which is in parentheses and may hold spaces: cutime and cstime are the
    // 16th and 17th fields of the whole line.
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    return Math.round(ticks * 1000 / TICKS_PER_SECOND);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static List<String> concat(List<String> first, List<String> second, List<String> third) {
    return concat(concat(first, second), third);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
