package dev.releasekit.testing;

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
 * The secret-leak guard of the step-author kit: it captures everything a test prints (slf4j-simple writes to
 * {@code System.err}, looked up on every line) and every exception it meets, and fails the test when one of the
 * secrets shows up in any of it. Tests hand the exceptions they expect to {@link #thrown(Action)} and the reports,
 * plans and journals they make to {@link #record(String)}, so those are checked too.
 *
 * <p>It only captures: a passing test prints nothing, however much it logs. When the test fails, or a secret
 * leaked, the captured text is printed to the real {@code System.err} afterwards, every secret masked.
 *
 * <p>A module's guard names its secrets and is registered like any extension:
 *
 * <pre>{@code
 * public final class SlackLeakGuard extends SecretLeakGuard {
 *   public SlackLeakGuard() { super(List.of(SlackStub.TOKEN, SlackStub.HOOK_SECRET)); }
 * }
 *
 * @ExtendWith(SlackLeakGuard.class)
 * class MyTest {
 *   @Test void aRevokedTokenIsRefused() {
 *     assertThat(SecretLeakGuard.thrown(release::run)).hasMessageContaining("token_revoked");
 *   }
 * }
 * }</pre>
 */
public abstract class SecretLeakGuard implements BeforeEachCallback, AfterEachCallback,
    TestExecutionExceptionHandler {
  private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
  private static PrintStream originalErr;
  private static PrintStream originalOut;

  private final List<String> secrets;

  /** Code expected to throw. */
  @FunctionalInterface
  public interface Action {
    void run() throws Throwable;
  }

  protected SecretLeakGuard(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
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
    String leaked = secrets.stream().filter(text::contains).findFirst().orElse(null);
    if (leaked != null || context.getExecutionException().isPresent()) {
      originalErr.println("---- output captured in " + context.getDisplayName() + " ----");
      originalErr.print(masked(text));
      originalErr.println("---- end of captured output ----");
    }
    if (leaked != null) {
      int at = text.indexOf(leaked);
      throw new AssertionError("A secret leaked into the output or an exception of " + context.getDisplayName()
          + " (see the captured output around '" + masked(text.substring(Math.max(0, at - 80),
          Math.min(text.length(), at + leaked.length() + 80))) + "')");
    }
  }

  private String masked(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "<SECRET>");
    }
    return out;
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

  /** Adds a throwable's full text (every message, cause, and toString) to what is checked. */
  public static void record(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    synchronized (CAPTURED) {
      CAPTURED.writeBytes(trace.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Adds text (a report, a plan, a journal) to what is checked. */
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
