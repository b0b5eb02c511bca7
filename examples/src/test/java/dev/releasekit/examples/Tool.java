package dev.releasekit.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * The command line called in-process, as {@code ToolProvider} callers do, with an environment of the test's
 * choosing and waits that never sleep; it captures what it prints.
 *
 * <pre>{@code
 * Tool.Result result = Tool.run(Map.of(), "plan", "ha-preparation", "--version", "0.57", "--core", core);
 * assertThat(result.code()).isZero();
 * }</pre>
 */
final class Tool {
  /** An exit code and what went to standard output (the plan or report) and standard error (the rest). */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Tool() {
  }

  static Result run(Map<String, String> environment, String... args) {
    return run(environment, false, args);
  }

  static Result run(Map<String, String> environment, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new ReleaseKit(environment, duration -> { }, terminal).run(new PrintWriter(out),
        new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
