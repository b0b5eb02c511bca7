package dev.releasekit.local.internal;

import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HostingProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Serves origins that are folders on this machine with {@link LocalHosting#forOrigin(Path)}. Registered in
 * {@code META-INF/services/dev.releasekit.spi.HostingProvider}.
 */
public final class LocalHostingProvider implements HostingProvider {
  @Override
  public Optional<Hosting> forOrigin(String originUrl, Map<String, String> environment) {
    Path path;
    try {
      path = originUrl.startsWith("file:") ? Path.of(URI.create(originUrl)) : Path.of(originUrl);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return path.isAbsolute() && Files.isDirectory(path) ? Optional.of(LocalHosting.forOrigin(path))
        : Optional.empty();
  }
}
