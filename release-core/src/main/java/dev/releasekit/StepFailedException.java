package dev.releasekit;

import java.util.List;

/**
 * A step failed for a reason that is not a precondition, a conflict or a remote error: an I/O error, a command
 * that exited non-zero, a bug. It names the step, the steps done before it, and carries the cause. Running again
 * is safe: the steps done report ALREADY_DONE.
 */
public class StepFailedException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final String step;
  private final String[] stepsDone;

  public StepFailedException(String step, List<String> stepsDone, Throwable cause) {
    super("Step '" + step + "' failed: " + describe(cause)
        + (stepsDone.isEmpty() ? "" : " (done before it: " + String.join("; ", stepsDone) + ")")
        + ". Fix the cause and run again; steps already done will be skipped.", cause);
    this.step = step;
    this.stepsDone = stepsDone.toArray(new String[0]);
  }

  public StepFailedException(String step, String message) {
    super("Step '" + step + "' failed: " + message);
    this.step = step;
    this.stepsDone = new String[0];
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  public String step() {
    return step;
  }

  public List<String> stepsDone() {
    return List.of(stepsDone);
  }
}
