package dev.releasekit.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HostingProvider;
import java.lang.reflect.Proxy;
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
    return (Hosting) Proxy.newProxyInstance(Hosting.class.getClassLoader(), new Class<?>[] {Hosting.class},
        (proxy, method, args) -> {
          if (method.getName().equals("toString")) {
            return "no hosting for " + originUrl;
          }
          throw new PreconditionException("No hosting serves origin " + originUrl + ". Put release-github on the"
              + " class path (with GITHUB_TOKEN set) or wire one with Release.hostedOn(...).");
        });
  }
}
