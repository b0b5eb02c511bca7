package dev.releasekit.github.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Captures everything a test prints (slf4j-simple writes to {@code System.err}, looked up on every line) and
 * every exception it meets, and fails the test when {@link GitHubStub#TOKEN} shows up in any of it. Tests hand
 * the exceptions they expect to {@link #thrown(Action)}, so caught exceptions are checked too.
 *
 * <p>It only captures: a passing test prints nothing, however much it logs (the client logs every request at
 * debug level, so the check sees every line). When the test fails, or the token leaked, the captured text is
 * printed to the real {@code System.err} afterwards, the token masked.
 *
 * <pre>{@code
 * @ExtendWith(TokenLeakGuard.class)
 * class MyTest {
 *   @Test void badTokenIsRefused() {
 *     Throwable e = TokenLeakGuard.thrown(() -> github.labels());
 *     assertThat(e).isInstanceOf(AuthenticationException.class);
 *   }
 * }
 * }</pre>
 */
public final class TokenLeakGuard implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
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
      System.setErr(new PrintStream(new Capture(), true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new Capture(), true, StandardCharsets.UTF_8));
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
    boolean leaked = text.contains(GitHubStub.TOKEN);
    if (leaked || context.getExecutionException().isPresent()) {
      originalErr.println("---- output captured in " + context.getDisplayName() + " ----");
      originalErr.print(text.replace(GitHubStub.TOKEN, "<TOKEN>"));
      originalErr.println("---- end of captured output ----");
    }
    if (leaked) {
      throw new AssertionError("The token leaked into the output or an exception of "
          + context.getDisplayName() + " (see the captured output around '" + mask(text) + "')");
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    record(throwable);
    throw throwable;
  }

  /** Runs {@code action}, which must throw; records the exception's messages and trace, and returns it. */
  public static Throwable thrown(Action action) {
    try {
      action.run();
    } catch (Throwable t) {
      record(t);
      return t;
    }
    throw new AssertionError("expected an exception, but none was thrown");
  }

  /** Adds a throwable's full text (every message, cause, and toString) to what is checked for the token. */
  public static void record(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    synchronized (CAPTURED) {
      CAPTURED.writeBytes(trace.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Adds text (a report, a toString) to what is checked for the token. */
  public static void record(String text) {
    synchronized (CAPTURED) {
      CAPTURED.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Everything captured in the current test so far. */
  public static String captured() {
    synchronized (CAPTURED) {
      return CAPTURED.toString(StandardCharsets.UTF_8);
    }
  }

  private static String mask(String text) {
    int at = text.indexOf(GitHubStub.TOKEN);
    String around = text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80));
    return around.replace(GitHubStub.TOKEN, "<TOKEN>");
  }

  /** Keeps what is written; forwards nothing. */
  private static final class Capture extends OutputStream {
    @Override
    public void write(int b) {
      synchronized (CAPTURED) {
        CAPTURED.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (CAPTURED) {
        CAPTURED.write(bytes, offset, length);
      }
    }
  }
}
