package dev.releasekit.spi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A manifest's exact bytes and media type. The digest is computed from the bytes, never re-serialised, so
 * putting the same manifest under another tag preserves it.
 */
public final class ImageManifest {
  private final String mediaType;
  private final byte[] bytes;
  private final String digest;

  private ImageManifest(String mediaType, byte[] bytes) {
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.bytes = bytes.clone();
    this.digest = "sha256:" + sha256(this.bytes);
  }

  public static ImageManifest of(String mediaType, byte[] bytes) {
    return new ImageManifest(mediaType, bytes);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public String mediaType() {
    return mediaType;
  }

  /** A copy of the raw bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code sha256:} followed by the hex digest of {@link #bytes()}. */
  public String digest() {
    return digest;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageManifest && ((ImageManifest) other).mediaType.equals(mediaType)
        && Arrays.equals(((ImageManifest) other).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return mediaType + " " + digest + " (" + bytes.length + " bytes)";
  }
}
