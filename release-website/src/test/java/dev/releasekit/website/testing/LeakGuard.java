package dev.releasekit.website.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Captures everything a test prints and every exception it hands to {@link #thrown(Action)} or lets escape, and
 * fails the test when the bot token or the secret part of a webhook URL shows up in any of it (as release-github's
 * TokenLeakGuard does for the GitHub token). Tests {@link #record(String)} reports, plans and journals too.
 *
 * <pre>{@code
 * @ExtendWith(LeakGuard.class)
 * class MyTest {
 *   @Test void aRevokedTokenIsRefused() {
 *     assertThat(LeakGuard.thrown(release::run)).hasMessageContaining("token_revoked");
 *   }
 * }
 * }</pre>
 */
public final class LeakGuard implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
  private static final List<String> SECRETS = List.of(SlackStub.TOKEN, SlackStub.HOOK_SECRET);
  private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
  private static PrintStream originalErr;
  private static PrintStream originalOut;

  /** Code expected to throw. */
  @FunctionalInterface
  public interface Action {
    void run() throws Throwable;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (CAPTURED) {
      CAPTURED.reset();
      originalErr = System.err;
      originalOut = System.out;
      System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    String text;
    synchronized (CAPTURED) {
      System.err.flush();
      System.out.flush();
      System.setErr(originalErr);
      System.setOut(originalOut);
      text = CAPTURED.toString(StandardCharsets.UTF_8);
    }
    for (String secret : SECRETS) {
      if (text.contains(secret)) {
        int at = text.indexOf(secret);
        throw new AssertionError("A secret leaked into the output or an exception of " + context.getDisplayName()
            + ": '" + text.substring(Math.max(0, at - 80), at) + "<SECRET>'");
      }
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    record(throwable);
    throw throwable;
  }

  /** Runs {@code action}, which must throw; records the exception's full trace and returns it. */
  public static Throwable thrown(Action action) {
    try {
      action.run();
    } catch (Throwable t) {
      record(t);
      return t;
    }
    throw new AssertionError("expected an exception, but none was thrown");
  }

  public static void record(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    record(trace.toString());
  }

  /** Adds text (a report, a plan, a journal, a toString) to what is checked. */
  public static void record(String text) {
    synchronized (CAPTURED) {
      CAPTURED.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  public static String captured() {
    synchronized (CAPTURED) {
      return CAPTURED.toString(StandardCharsets.UTF_8);
    }
  }

  private static final class Tee extends OutputStream {
    private final PrintStream original;

    Tee(PrintStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      original.write(b);
      synchronized (CAPTURED) {
        CAPTURED.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      original.write(bytes, offset, length);
      synchronized (CAPTURED) {
        CAPTURED.write(bytes, offset, length);
      }
    }
  }
}
