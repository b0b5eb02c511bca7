package dev.releasekit.spi;

import dev.releasekit.Secret;
import java.util.List;

/**
 * A service that holds credentials, such as a hosting's token, a registry's password or a webhook's secret URL.
 * The engine hands them to the release's listener before anything is printed
 * ({@link dev.releasekit.ReleaseListener#secretsInUse}), so a log that masks, as GitHub Actions' does, can register
 * each one first; {@link dev.releasekit.Release#secrets()} lists those of the wired services.
 *
 * <pre>{@code
 * public final class PagerDuty implements Announcer, SecretHolder {
 *   public List<Secret> secrets() { return List.of(routingKey); }
 *   ...
 * }
 * }</pre>
 */
public interface SecretHolder {

  /** The credentials this service puts on the wire; never printed, only revealed where they are sent. */
  List<Secret> secrets();
}
