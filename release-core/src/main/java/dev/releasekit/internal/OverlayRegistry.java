package dev.releasekit.internal;

import dev.releasekit.spi.ImageManifest;
import dev.releasekit.spi.ImageRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ImageRegistry} for plans: reads reach the registry, manifests put stay in memory. */
public final class OverlayRegistry implements ImageRegistry {
  private final ImageRegistry real;
  private final Map<String, ImageManifest> written = new LinkedHashMap<>();

  public OverlayRegistry(ImageRegistry real) {
    this.real = real;
  }

  @Override
  public synchronized Optional<ImageManifest> manifest(String reference) {
    return written.containsKey(reference) ? Optional.of(written.get(reference)) : real.manifest(reference);
  }

  @Override
  public synchronized void putManifest(String reference, ImageManifest manifest) {
    written.put(reference, manifest);
  }

  @Override
  public synchronized List<String> tags(String repository) {
    List<String> tags = new ArrayList<>(real.tags(repository));
    for (String reference : written.keySet()) {
      int colon = reference.lastIndexOf(':');
      if (colon > 0 && reference.substring(0, colon).endsWith(repository)) {
        String tag = reference.substring(colon + 1);
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
    }
    return tags;
  }
}
