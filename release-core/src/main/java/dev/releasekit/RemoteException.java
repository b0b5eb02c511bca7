package dev.releasekit;

import java.util.Optional;

/**
 * A remote service (a git host, a registry, a chat service) answered with an error or could not be reached. The
 * HTTP status and the service's request id are data on the exception; the message says what to do next and never
 * contains a credential.
 */
public class RemoteException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final String service;
  private final int status;
  private final String requestId;

  public RemoteException(String service, int status, String requestId, String message) {
    this(service, status, requestId, message, null);
  }

  public RemoteException(String service, int status, String requestId, String message, Throwable cause) {
    super(message, cause);
    this.service = service;
    this.status = status;
    this.requestId = requestId;
  }

  /** The service answered {@code status}; {@code requestId} may be null. */
  public static RemoteException of(String service, int status, String requestId, String message) {
    return new RemoteException(service, status, requestId, message, null);
  }

  /** No answer arrived (status 0): the connection failed with {@code cause}, which is kept. */
  public static RemoteException transport(String service, String message, Throwable cause) {
    return new RemoteException(service, 0, null, message, cause);
  }

  /** The service that failed, such as {@code api.github.com} or {@code registry-1.docker.io}. */
  public String service() {
    return service;
  }

  /** The HTTP status, or 0 when no answer arrived. */
  public int status() {
    return status;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
