package dev.releasekit;

/**
 * The service refused the credentials: missing, invalid, expired, or lacking a permission. The message names the
 * permission or scope to grant; it never quotes the credential.
 */
public class AuthenticationException extends RemoteException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String service, int status, String requestId, String message) {
    super(service, status, requestId, message);
  }
}
