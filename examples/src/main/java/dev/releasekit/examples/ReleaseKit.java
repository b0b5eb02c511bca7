package dev.releasekit.examples;

import dev.releasekit.examples.internal.Cli;
import dev.releasekit.spi.Sleeper;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;
import java.util.spi.ToolProvider;

/**
 * releasekit's command line, for CI steps and shells: {@code plan}, {@code run} or {@code list} a built-in flow
 * (every section of Home Assistant's and PostHog's release processes) or your own flow from a Java source file or a
 * JShell script. It is the runnable jar's main class, and a {@link ToolProvider} named {@code releasekit}, so Java
 * code and JShell can call it in-process and get its exit code back:
 *
 * <pre>{@code
 * java -jar examples/target/releasekit.jar plan ha-preparation --version 0.57 --core ../core --website ../site
 *
 * int code = ToolProvider.findFirst("releasekit").orElseThrow()
 *     .run(System.out, System.err, "run", "posthog-code-freeze", "--version", "1.31.0", "--posthog", ".");
 * }</pre>
 *
 * <p>Exit codes: {@value #DONE} done, or nothing to do; {@value #BLOCKED} blocked before any write (a
 * precondition or a contradiction); {@value #NEEDS_A_PERSON} needs a person (a cherry-pick conflict; the picks
 * before it landed); {@value #REMOTE_FAILED} a remote service failed (the service and request id are printed);
 * {@value #USAGE} bad usage; {@value #INTERNAL_ERROR} an internal error. {@link #main} is the only place in
 * releasekit that exits the JVM.
 */
public final class ReleaseKit implements ToolProvider {
  /** Done, or nothing to do (every step ALREADY_DONE). */
  public static final int DONE = 0;
  /** An internal error: a bug, or a failure that is neither a precondition, a conflict nor a remote service's. */
  public static final int INTERNAL_ERROR = 1;
  /** Blocked before any write: a precondition does not hold, or the world contradicts a step. */
  public static final int BLOCKED = 2;
  /** Needs a person: a cherry-pick conflicts; the picks before it landed. Resolve it and run again. */
  public static final int NEEDS_A_PERSON = 3;
  /** A remote service failed (after its retries); the service, status and request id are printed. */
  public static final int REMOTE_FAILED = 4;
  /** Bad usage: an unknown flow or option, a missing option, a user flow that does not compile. */
  public static final int USAGE = 64;

  private final Map<String, String> environment;
  private final Sleeper sleeper;
  private final boolean terminal;

  /** The tool as {@link ToolProvider#findFirst} finds it: the process environment, real time, no colours. */
  public ReleaseKit() {
    this(System.getenv(), Sleeper.system(), false);
  }

  ReleaseKit(Map<String, String> environment, Sleeper sleeper, boolean terminal) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.terminal = terminal;
  }

  @Override
  public String name() {
    return "releasekit";
  }

  /** Runs one command line; the plan or report goes to {@code out}, progress and errors to {@code err}. */
  @Override
  public int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return Cli.execute(new Cli.Context(environment, sleeper, terminal, out, err), args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The runnable jar's entry; exits the JVM with the exit code. */
  public static void main(String[] args) {
    // The jar owns its JVM, so it may replace JGit's one system reader (a library embedded elsewhere must not).
    GitConfiguration.install();
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
    int code = new ReleaseKit(System.getenv(), Sleeper.system(), System.console() != null).run(out, err, args);
    System.exit(code);
  }
}
