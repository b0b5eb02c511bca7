package dev.releasekit.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What code prints to the console: {@code System.out} and {@code System.err}, where slf4j-simple logs and where
 * JGit's in-process upload-pack thread (a local origin's) prints the stack trace of a fetch the client abandoned.
 * That thread is joined when the fetch's connection closes, so whatever it prints arrives before the fetch returns.
 *
 * <pre>{@code
 * assertThat(Printed.during(release::plan)).isEmpty();
 * }</pre>
 */
public final class Printed {
  private Printed() {
  }

  /** Everything written to {@code System.out} and {@code System.err} while {@code body} ran. */
  public static String during(Runnable body) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      body.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
