package dev.releasekit.spi;

import java.util.List;
import java.util.Optional;

/**
 * A container registry, addressed by image references such as {@code posthog/posthog:release-1.29.0} or
 * {@code 127.0.0.1:5000/team/app@sha256:...}. {@code release-docker} implements it over the OCI distribution API;
 * inside a plan the engine wraps it so that reads reach the registry and writes stay in memory.
 *
 * <pre>{@code
 * registry.manifest("posthog/posthog:release-1.31.0")
 *     .ifPresent(m -> registry.putManifest("posthog/posthog:latest-release", m));   // same bytes, same digest
 * }</pre>
 */
public interface ImageRegistry {

  /** The manifest a tag or digest points at, with its raw bytes; empty when the tag does not exist. */
  Optional<ImageManifest> manifest(String reference);

  /** Puts these exact bytes under a tag, so the digest is preserved. */
  void putManifest(String reference, ImageManifest manifest);

  /** Every tag of a repository such as {@code posthog/posthog}. */
  List<String> tags(String repository);

  /** The digest a reference points at, such as {@code sha256:...}; empty when it does not exist. */
  default Optional<String> digest(String reference) {
    return manifest(reference).map(ImageManifest::digest);
  }
}
