package dev.releasekit.examples.internal;

/** A command line that cannot be run as given: an unknown flow, a missing option, a user flow that fails to load. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
