package dev.releasekit.spi;

import java.util.Objects;

/** An image reference and the digest it points at, as an image gate or a retag found it. */
public record ImageDigest(String reference, String digest) {
  public ImageDigest {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(digest, "digest");
  }

  @Override
  public String toString() {
    return reference + "@" + digest;
  }
}
