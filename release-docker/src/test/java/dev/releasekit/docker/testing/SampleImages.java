package dev.releasekit.docker.testing;

import dev.releasekit.docker.internal.Json;
import dev.releasekit.docker.internal.MediaTypes;
import dev.releasekit.spi.ImageManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Small deterministic images for tests and benchmarks: gzipped tar layers holding one file of seeded bytes, a
 * config, and a Docker schema 2 or OCI manifest, or an index over several of them. The same seed always gives the
 * same digests.
 */
public final class SampleImages {
  private SampleImages() {
  }

  /** A blob with its media type; the digest is computed from the bytes. */
  public record Blob(String mediaType, byte[] bytes) {
    public String digest() {
      return sha256(bytes);
    }

    public long size() {
      return bytes.length;
    }
  }

  /** A single-platform image: its config, its layers and its manifest. */
  public record Image(Blob config, List<Blob> layers, ImageManifest manifest, String os, String architecture) {
    public List<Blob> blobs() {
      List<Blob> blobs = new ArrayList<>(layers);
      blobs.add(config);
      return blobs;
    }
  }

  /** An image with {@code layers} layers; {@code oci} picks OCI media types over Docker's. */
  public static Image image(String seed, int layers, boolean oci, String os, String architecture) {
    List<Blob> blobs = new ArrayList<>();
    List<Object> diffIds = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      byte[] tar = tar("layer-" + i + ".txt", content(seed + "/" + i, 256 + i * 17));
      diffIds.add(sha256(tar));
      blobs.add(new Blob(oci ? MediaTypes.OCI_LAYER : MediaTypes.DOCKER_LAYER, gzip(tar)));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", architecture);
    config.put("os", os);
    config.put("config", Map.of("Labels", Map.of("dev.releasekit.seed", seed)));
    config.put("rootfs", ordered("type", "layers", "diff_ids", diffIds));
    Blob configBlob = new Blob(oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG, Json.write(config));
    String type = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", type);
    manifest.put("config", descriptor(configBlob));
    List<Object> layerDescriptors = new ArrayList<>();
    blobs.forEach(blob -> layerDescriptors.add(descriptor(blob)));
    manifest.put("layers", layerDescriptors);
    return new Image(configBlob, blobs, ImageManifest.of(type, Json.write(manifest)), os, architecture);
  }

  /** An index (OCI) or manifest list (Docker) over images already built. */
  public static ImageManifest index(boolean oci, List<Image> images) {
    String type = oci ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_LIST;
    List<Object> manifests = new ArrayList<>();
    for (Image image : images) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("mediaType", image.manifest().mediaType());
      entry.put("digest", image.manifest().digest());
      entry.put("size", (long) image.manifest().bytes().length);
      entry.put("platform", ordered("architecture", image.architecture(), "os", image.os()));
      manifests.add(entry);
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", type);
    index.put("manifests", manifests);
    return ImageManifest.of(type, Json.write(index));
  }

  private static Map<String, Object> descriptor(Blob blob) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", blob.mediaType());
    descriptor.put("size", blob.size());
    descriptor.put("digest", blob.digest());
    return descriptor;
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  private static byte[] content(String seed, int size) {
    byte[] out = new byte[size];
    byte[] block = new byte[0];
    int filled = 0;
    int counter = 0;
    while (filled < size) {
      block = sha256Bytes((seed + "#" + counter++).getBytes(StandardCharsets.UTF_8));
      int n = Math.min(block.length, size - filled);
      System.arraycopy(block, 0, out, filled, n);
      filled += n;
    }
    return out;
  }

  /** A POSIX tar holding one regular file, with fixed owner, mode and time. */
  static byte[] tar(String name, byte[] data) {
    byte[] header = new byte[512];
    put(header, 0, name, 100);
    put(header, 100, "0000644", 8);
    put(header, 108, "0000000", 8);
    put(header, 116, "0000000", 8);
    put(header, 124, String.format("%011o", data.length), 12);
    put(header, 136, String.format("%011o", 0), 12);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    header[156] = '0';
    put(header, 257, "ustar", 6);
    put(header, 263, "00", 2);
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum), 7);
    header[155] = ' ';
    int padded = (data.length + 511) / 512 * 512;
    byte[] tar = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, tar, 0, 512);
    System.arraycopy(data, 0, tar, 512, data.length);
    return tar;
  }

  private static void put(byte[] target, int offset, String text, int length) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, target, offset, Math.min(bytes.length, length));
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(sha256Bytes(bytes));
  }

  private static byte[] sha256Bytes(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
