package dev.releasekit.examples;

import dev.releasekit.Report;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.website.testing.SiteReleaseDay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs Home Assistant's whole release day, core and website (every website step), on folders that
 * {@link SiteReleaseDay#prepare} made, then prints the process's peak resident memory ({@code VmHWM} of
 * {@code /proc/self/status}) as {@code peak-rss-kb <n>}: what {@link ColdStartBenchmark} compares with 256 MB.
 *
 * <pre>{@code
 * java -cp "$CP" dev.releasekit.examples.RunReleaseDay <core clone> <core origin> <site clone> <site origin>
 * }</pre>
 */
public final class RunReleaseDay {
  static final String PEAK = "peak-rss-kb ";

  private RunReleaseDay() {
  }

  public static void main(String[] args) throws IOException {
    GitConfiguration.install();
    Report report = SiteReleaseDay.releaseDay(Path.of(args[0]), LocalHosting.forOrigin(Path.of(args[1])),
        Path.of(args[2]), LocalHosting.forOrigin(Path.of(args[3]))).run();
    System.out.println(report.steps().size() + " steps run");
    System.out.println(PEAK + peakResidentKilobytes());
  }

  /** The high-water mark of this process's resident set, in kB, as Linux counts it; -1 elsewhere. */
  static long peakResidentKilobytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
  }
}
