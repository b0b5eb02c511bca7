package dev.releasekit.docker.testing;

import dev.releasekit.spi.ImageManifest;
import dev.releasekit.spi.ImageRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine does to a registry inside a plan: reads reach the real registry, writes stay in memory and later
 * reads see them. Keys are the references as written, which is enough for the steps under test.
 */
public final class OverlayRegistry implements ImageRegistry {
  private final ImageRegistry real;
  private final Map<String, ImageManifest> written = new LinkedHashMap<>();

  public OverlayRegistry(ImageRegistry real) {
    this.real = real;
  }

  public Map<String, ImageManifest> written() {
    return Map.copyOf(written);
  }

  @Override
  public Optional<ImageManifest> manifest(String reference) {
    ImageManifest mine = written.get(reference);
    return mine != null ? Optional.of(mine) : real.manifest(reference);
  }

  @Override
  public Optional<String> digest(String reference) {
    ImageManifest mine = written.get(reference);
    return mine != null ? Optional.of(mine.digest()) : real.digest(reference);
  }

  @Override
  public void putManifest(String reference, ImageManifest manifest) {
    written.put(reference, manifest);
  }

  @Override
  public List<String> tags(String repository) {
    List<String> tags = new ArrayList<>(real.tags(repository));
    return tags;
  }
}
