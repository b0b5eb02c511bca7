package dev.releasekit.version;

/** STUB: replaced by the version slice. */
public final class Version implements Comparable<Version> {
  private final int major;
  private final int minor;
  private final int patch;
  private final String text;

  private Version(int major, int minor, int patch, String text) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.text = text;
  }

  public static Version parse(String text) {
    String[] parts = text.split("\\.");
    return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
        parts.length > 2 ? Integer.parseInt(parts[2].replaceAll("\\D.*", "")) : 0, text);
  }

  public static Version parse(String text, VersionScheme scheme) {
    return parse(text);
  }

  public Version inScheme(VersionScheme scheme) {
    return this;
  }

  public VersionScheme scheme() {
    return VersionScheme.PEP440;
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  public int patch() {
    return patch;
  }

  public boolean isDev() {
    return text.contains("dev");
  }

  public boolean isPreRelease() {
    return !text.matches("\\d+\\.\\d+(\\.\\d+)?");
  }

  public Version bump(Bump bump) {
    throw new UnsupportedOperationException();
  }

  /** PEP 440: the PATCH_VERSION part, {@code 0}, {@code 2}, {@code 0b0}, {@code 0.dev0}. */
  public String patchLabel() {
    return String.valueOf(patch);
  }

  public boolean isAfter(Version other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Version other) {
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
