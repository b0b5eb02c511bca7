package dev.releasekit;

import java.util.Optional;

/**
 * The root of every error releasekit reports. It is unchecked: the fluent API never makes a caller catch
 * a checked exception.
 *
 * <p>Catch one of the subclasses to decide what to do next:
 * <ul>
 *   <li>{@link PreconditionException}: the inputs or the repository are not ready (dirty tree, bad version,
 *       missing file); fix them and run again.
 *   <li>{@link ConflictException}: the world already holds a state that contradicts the one asked for
 *       (a tag on another commit, a cherry-pick conflict); nothing was overwritten.
 *   <li>{@link RemoteException}: a service failed; its status and request id are attached.
 *   <li>{@link StepFailedException}: anything else that stopped a step.
 * </ul>
 *
 * <pre>{@code
 * try {
 *   release.run();
 * } catch (ConflictException e) {
 *   System.err.println(e.getMessage());          // says what is wrong and what to do
 *   e.report().ifPresent(System.err::println);   // the steps that were done before it
 * }
 * }</pre>
 *
 * <p>Messages never contain a token: secrets are held in {@link Secret}, whose {@code toString()} is masked.
 */
public class ReleaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private transient Report report;

  public ReleaseException(String message) {
    super(message);
  }

  public ReleaseException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The report of the run this exception ended, when it was thrown by {@link Release#run()}. */
  public Optional<Report> report() {
    return Optional.ofNullable(report);
  }

  /** Attaches the partial report; called once by the engine before the exception leaves {@code run()}. */
  ReleaseException withReport(Report report) {
    if (this.report == null) {
      this.report = report;
    }
    return this;
  }
}
