package dev.releasekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The request-count benchmarks still run, and their counts hold: requests are counted, not timed, so they may be
 * asserted. The credits benchmark once failed for a whole session after the token preflight came, because nothing
 * ran it.
 */
class RequestBenchmarksTest {
  @Test
  void releaseDayRequestsStayWithinTheAimOfTheMinimum() throws Exception {
    String out = printed(() -> GitHubRequestBenchmark.main(new String[0]));

    Matcher ratio = Pattern.compile("releasekit / minimum\\s+= (\\d+) / (\\d+) =").matcher(out);
    assertThat(ratio.find()).as(out).isTrue();
    assertThat(Double.parseDouble(ratio.group(1)) / Double.parseDouble(ratio.group(2))).isLessThanOrEqualTo(1.20);
  }

  @Test
  void theCreditsPlanReadsEachPageEmailAndPersonOnceBesideTheTokenPreflight() throws Exception {
    String out = printed(() -> CreditsRequestBenchmark.main(new String[0]));

    Matcher model = Pattern.compile("releasekit, one pass: .* = (\\d+)").matcher(out);
    Matcher plan = Pattern.compile("plan \\(one pass over the data\\)\\s+(\\d+) requests").matcher(out);
    assertThat(model.find() && plan.find()).as(out).isTrue();
    assertThat(Integer.parseInt(plan.group(1))).isEqualTo(Integer.parseInt(model.group(1)) + 1);
    assertThat(out).contains("hass-release / releasekit");
  }

  @FunctionalInterface
  private interface Main {
    void run() throws Exception;
  }

  /** What {@code main} printed; benchmarks print to standard output, and test classes run one at a time. */
  private static String printed(Main main) throws Exception {
    PrintStream before = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(before);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
