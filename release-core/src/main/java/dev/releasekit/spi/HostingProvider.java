package dev.releasekit.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Finds a {@link Hosting} for a repository from its origin URL, through {@link java.util.ServiceLoader}. A module
 * that implements a hosting lists its provider in {@code META-INF/services/dev.releasekit.spi.HostingProvider}.
 */
public interface HostingProvider {

  /**
   * The hosting for {@code originUrl}, or empty when this provider does not serve it.
   *
   * @param environment the variables to read credentials and endpoints from, usually {@code System.getenv()}
   */
  Optional<Hosting> forOrigin(String originUrl, Map<String, String> environment);
}
