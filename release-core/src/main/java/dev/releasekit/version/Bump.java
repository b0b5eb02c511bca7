package dev.releasekit.version;

/**
 * The ways a version moves forward; see {@link Version#bump(Bump)} for the full table. Every bump yields a version
 * that {@link Version#isAfter(Version) is after} the one it started from.
 *
 * <pre>{@code
 * Version.parse("0.57.0.dev0").bump(Bump.RELEASE);   // 0.57.0
 * Version.parse("1.2.3").bump(Bump.BETA);            // 1.2.4-beta.0
 * }</pre>
 */
public enum Bump {
  /**
   * Drop a dev or beta suffix: {@code 0.57.0.dev0 -> 0.57.0}, {@code 0.57.0b2 -> 0.57.0}; a version that is already
   * a release is refused.
   */
  RELEASE,
  /** The next development version: {@code 0.56.3 -> 0.57.0.dev0}, {@code 0.56.0.dev0 -> 0.56.0.dev1}. */
  DEV,
  /** {@code 0.56.3 -> 0.56.4}, {@code 0.56.3b3 -> 0.56.3}. */
  PATCH,
  /** {@code 0.56.0 -> 0.56.1b0}, {@code 0.56.0b3 -> 0.56.0b4}, {@code 0.56.0.dev0 -> 0.56.0b0}. */
  BETA,
  /** {@code 0.56.0b3 -> 0.56.0}, {@code 0.56.2.dev0 -> 0.57.0}, {@code 0.56.3 -> 0.57.0}. */
  MINOR,
  /** {@code 0.56.3 -> 1.0.0}, {@code 1.0.0b3 -> 1.0.0}. */
  MAJOR
}
