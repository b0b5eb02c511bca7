package dev.releasekit.version;

/** How a project writes its versions. */
public enum VersionScheme {
  /** Semantic Versioning 2.0: {@code 1.29.0}, {@code 2.0.0-rc.1}. */
  SEMVER,
  /** Home Assistant's subset of PEP 440: {@code 0.57}, {@code 0.57.0}, {@code 0.57.0b1}, {@code 0.57.0.dev0}. */
  PEP440
}
