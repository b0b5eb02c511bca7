package dev.releasekit.internal;

import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HostingProvider;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the hosting for an origin URL among the providers on the class path. */
public final class Hostings {
  private Hostings() {
  }

  /**
   * The first provider's hosting for {@code originUrl}; when none serves it, a hosting whose every call explains
   * how to wire one, so releases that never touch the hosting still run.
   */
  public static Hosting discover(String originUrl, Map<String, String> environment) {
    for (HostingProvider provider : ServiceLoader.load(HostingProvider.class, Hostings.class.getClassLoader())) {
      Optional<Hosting> hosting = provider.forOrigin(originUrl, environment);
      if (hosting.isPresent()) {
        return hosting.get();
      }
    }
    return new NoHosting(originUrl);
  }
}
