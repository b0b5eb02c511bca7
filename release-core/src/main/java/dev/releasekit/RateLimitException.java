package dev.releasekit;

import java.time.Instant;

/**
 * A service's rate limit will not reset within the waiting budget the caller allowed. Run again after
 * {@link #resetAt()}: every step is idempotent, so a re-run continues where this one stopped.
 */
public class RateLimitException extends RemoteException {
  private static final long serialVersionUID = 1L;

  private final Instant resetAt;

  public RateLimitException(String service, int status, String requestId, Instant resetAt, String message) {
    super(service, status, requestId, message);
    this.resetAt = resetAt;
  }

  public Instant resetAt() {
    return resetAt;
  }
}
