package dev.releasekit;

/**
 * The repository or the inputs are not ready for a step: a dirty work tree, an unparsable version, a version that
 * would go backwards, a missing file or key, an invalid ref name. Nothing was changed; the message says what to
 * fix.
 */
public class PreconditionException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  public PreconditionException(String message) {
    super(message);
  }

  public PreconditionException(String message, Throwable cause) {
    super(message, cause);
  }
}
