package dev.releasekit.version;

/**
 * How a project writes its versions. The scheme is a spelling: {@link Version#inScheme(VersionScheme)} converts,
 * and versions compare equal across schemes.
 *
 * <pre>{@code
 * Version.parse("0.57.0b1", VersionScheme.PEP440).inScheme(VersionScheme.SEMVER);   // 0.57.0-beta.1
 * }</pre>
 */
public enum VersionScheme {
  /** Semantic Versioning 2.0: {@code 1.29.0}, {@code 2.0.0-rc.1}; dev and beta are {@code -dev.N}, {@code -beta.N}. */
  SEMVER,
  /**
   * Home Assistant's subset of PEP 440: {@code 0.57}, {@code 0.57.0}, {@code 0.57.0b1}, {@code 0.57.0rc1},
   * {@code 0.57.0.dev0}.
   */
  PEP440
}
