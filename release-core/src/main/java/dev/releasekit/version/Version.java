package dev.releasekit.version;

import dev.releasekit.PreconditionException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * A release version, in Semantic Versioning or in Home Assistant's subset of PEP 440.
 *
 * <pre>{@code
 * Version v = Version.parse("0.56.3");              // plain x.y.z: SEMVER spelling (identical in both)
 * Version dev = Version.parse("0.57.0.dev0");       // PEP 440, inferred from the .devN form
 * dev.bump(Bump.RELEASE);                           // 0.57.0
 * Version.parse("0.56.0", VersionScheme.PEP440).bump(Bump.BETA);   // 0.56.1b0
 * Version.parse("1.2.3").bump(Bump.DEV);            // 1.3.0-dev.0
 * Version.parse("0.57.0b1").inScheme(VersionScheme.SEMVER);        // 0.57.0-beta.1
 * }</pre>
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>PEP 440: {@code 0.57} (read as 0.57.0), {@code 0.57.0}, {@code 0.57.0b1}, {@code 0.57.0rc1},
 *       {@code 0.57.0.dev0}, {@code 2023.11.0}, and the same without the patch number ({@code 0.57b1},
 *       {@code 0.57rc1}, {@code 0.57.dev0}: the patch is 0), the short beta form Home Assistant also writes;
 *   <li>SEMVER: anything Semantic Versioning 2.0 allows ({@code 1.2.3}, {@code 1.2.3-rc.1},
 *       {@code 1.2.3-beta.0+build.5}), parsed by semver4j; {@code -dev.N}, {@code -beta.N} and {@code -rc.N} are the
 *       development, beta and release-candidate stages.
 * </ul>
 * {@link #parse(String)} accepts both and infers the scheme; {@link #parse(String, VersionScheme)} accepts only the
 * forms of that scheme. Anything else, {@code null} included, is a {@link PreconditionException} quoting the input.
 *
 * <p>Order: first major, minor and patch; then, for the same numbers, development &lt; other pre-releases
 * ({@code -alpha.1}) &lt; beta &lt; release candidate &lt; release; then the stage number. Build metadata only breaks
 * ties, so that the order agrees with {@link #equals(Object)}. The scheme is only a spelling: {@code 0.57.0.dev0}
 * and {@code 0.57.0-dev.0} are equal. A version keeps the scheme it was parsed in (a plain {@code 0.56.3} is read as
 * SEMVER), so {@code Version.parse("0.56.3").bump(Bump.DEV)} prints {@code 0.57.0-dev.0}; a project's own spelling
 * comes from its conventions: {@code Conventions.homeAssistant().version("0.56.3").bump(Bump.DEV)} prints
 * {@code 0.57.0.dev0}, and {@code Conventions.format(version)} spells any version the project's way.
 *
 * <p>Bumps follow Home Assistant's {@code script/version_bump.py} exactly (see {@link #bump(Bump)}); a bump never
 * goes backwards.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Version implements Comparable<Version> {

  private static final String PEP440_FORMS =
      "PEP 440 as Home Assistant writes it: 0.57, 0.57.0, 0.57.2, 0.57b1, 0.57.0b1, 0.57.0rc1, 0.57.0.dev0, 2023.11.0";
  private static final String SEMVER_FORMS =
      "Semantic Versioning 2.0: 1.2.3, 1.2.3-rc.1, 1.2.3-dev.0, 1.2.3-beta.2, 1.2.3+build.5 (no 'v' prefix)";

  private static final String NUM = "(0|[1-9][0-9]{0,8})";
  private static final Pattern PEP440 =
      Pattern.compile(NUM + "\\." + NUM + "(?:\\." + NUM + ")?(?:(b|rc)" + NUM + "|\\.dev" + NUM + ")?");
  // The official Semantic Versioning 2.0 grammar. semver4j is more lenient (it accepts "v1.2.3" and blanks), so the
  // text must first be strict semver, then semver4j parses it.
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  private static final Pattern STAGE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

  /** Where a version stands in its cycle, in ascending order. */
  private enum Stage {
    DEV, OTHER, BETA, RC, RELEASE
  }

  private final VersionScheme scheme;
  private final int major;
  private final int minor;
  private final int patch;
  private final Stage stage;
  private final int number;
  /** The semver pre-release text when the stage is OTHER ({@code alpha.1}), else empty. */
  private final String other;
  /** Semver build metadata without the '+', or empty. */
  private final String build;

  private Version(VersionScheme scheme, int major, int minor, int patch, Stage stage, int number, String other,
      String build) {
    this.scheme = scheme;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.stage = stage;
    this.number = number;
    this.other = other;
    this.build = build;
  }

  /**
   * Parses either scheme and infers which: {@code .devN}, {@code bN}, {@code rcN} and {@code x.y} are PEP 440;
   * {@code -pre} and {@code +build} are SEMVER; a plain {@code x.y.z} is SEMVER (it is spelt the same in both).
   *
   * @throws PreconditionException if the text is none of the accepted forms, or null
   */
  public static Version parse(String text) {
    if (text != null) {
      Version pep = parsePep440(text);
      if (pep != null) {
        return pep.stage == Stage.RELEASE && text.chars().filter(c -> c == '.').count() == 2
            ? pep.withScheme(VersionScheme.SEMVER)
            : pep;
      }
      Version sem = parseSemver(text);
      if (sem != null) {
        return sem;
      }
    }
    throw new PreconditionException("Cannot read " + quote(text) + " as a version. Accepted forms: " + PEP440_FORMS
        + "; or " + SEMVER_FORMS + ". Fix the version text (or the file it came from) and run again.");
  }

  /**
   * Parses the forms of one scheme only.
   *
   * @throws PreconditionException if the text is not a version of that scheme, or null
   */
  public static Version parse(String text, VersionScheme scheme) {
    Objects.requireNonNull(scheme, "scheme");
    Version v = text == null ? null : scheme == VersionScheme.PEP440 ? parsePep440(text) : parseSemver(text);
    if (v == null) {
      throw new PreconditionException("Cannot read " + quote(text) + " as a " + scheme + " version. Accepted forms: "
          + (scheme == VersionScheme.PEP440 ? PEP440_FORMS : SEMVER_FORMS)
          + ". Fix the version text, or use Version.parse(text) to accept either scheme.");
    }
    return v;
  }

  private static Version parsePep440(String text) {
    Matcher m = PEP440.matcher(text);
    if (!m.matches()) {
      return null;
    }
    int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    Stage stage = Stage.RELEASE;
    int number = 0;
    if (m.group(4) != null) {
      stage = m.group(4).equals("b") ? Stage.BETA : Stage.RC;
      number = Integer.parseInt(m.group(5));
    } else if (m.group(6) != null) {
      stage = Stage.DEV;
      number = Integer.parseInt(m.group(6));
    }
    return new Version(VersionScheme.PEP440, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch,
        stage, number, "", "");
  }

  private static Version parseSemver(String text) {
    if (!SEMVER.matcher(text).matches()) {
      return null;
    }
    Semver s = Semver.parse(text);
    if (s == null) {
      return null;
    }
    List<String> pre = s.getPreRelease();
    Stage stage = Stage.RELEASE;
    int number = 0;
    String other = "";
    if (!pre.isEmpty()) {
      stage = Stage.OTHER;
      other = String.join(".", pre);
      if (pre.size() == 2 && STAGE_NUMBER.matcher(pre.get(1)).matches()) {
        Stage named = switch (pre.get(0)) {
          case "dev" -> Stage.DEV;
          case "beta" -> Stage.BETA;
          case "rc" -> Stage.RC;
          default -> null;
        };
        if (named != null) {
          stage = named;
          number = Integer.parseInt(pre.get(1));
          other = "";
        }
      }
    }
    return new Version(VersionScheme.SEMVER, s.getMajor(), s.getMinor(), s.getPatch(), stage, number, other,
        String.join(".", s.getBuild()));
  }

  private static String quote(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }

  /** The scheme that spells this version; see {@link #inScheme(VersionScheme)}. */
  public VersionScheme scheme() {
    return scheme;
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

  /** A development version: {@code 0.57.0.dev0}, {@code 1.3.0-dev.0}. */
  public boolean isDev() {
    return stage == Stage.DEV;
  }

  /** A beta: {@code 0.57.0b1}, {@code 1.2.3-beta.1}. */
  public boolean isBeta() {
    return stage == Stage.BETA;
  }

  /** A release candidate: {@code 0.57.0rc1}, {@code 1.2.3-rc.1}. */
  public boolean isReleaseCandidate() {
    return stage == Stage.RC;
  }

  /** Anything but a final release: dev, beta, release candidate or any other semver pre-release. */
  public boolean isPreRelease() {
    return stage != Stage.RELEASE;
  }

  /** A final release, {@code 0.57.0} or {@code 1.2.3+build.1}: the opposite of {@link #isPreRelease()}. */
  public boolean isRelease() {
    return stage == Stage.RELEASE;
  }

  /** {@code true} if this version comes strictly after {@code other} in the order described above. */
  public boolean isAfter(Version other) {
    return compareTo(other) > 0;
  }

  /**
   * The next version. For PEP 440 this is exactly Home Assistant's table:
   *
   * <pre>{@code
   * RELEASE  0.57.0.dev0 -> 0.57.0    0.57.0b2 -> 0.57.0   (a release has nothing to drop: exception)
   * DEV      0.56.3 -> 0.57.0.dev0    0.56.0.dev0 -> 0.56.0.dev1    0.56.0b3 -> 0.57.0.dev0
   * PATCH    0.56.3 -> 0.56.4         0.56.3b3 -> 0.56.3            0.56.3.dev0 -> 0.56.3
   * BETA     0.56.0 -> 0.56.1b0       0.56.0b3 -> 0.56.0b4          0.56.0.dev0 -> 0.56.0b0   0.56.0rc1 -> 0.56.1b0
   * MINOR    0.56.0b3 -> 0.56.0       0.56.2.dev0 -> 0.57.0         0.56.3 -> 0.57.0
   * MAJOR    0.56.3 -> 1.0.0          1.0.0b3 -> 1.0.0              1.2.0.dev0 -> 2.0.0
   * }</pre>
   *
   * SEMVER moves the same way, spelling dev as {@code -dev.N} and beta as {@code -beta.N}:
   * {@code 1.2.3 -> 1.3.0-dev.0 (DEV), 1.2.3 -> 1.2.4-beta.0 (BETA), 1.2.4-beta.0 -> 1.2.4 (PATCH)}. Another semver
   * pre-release ({@code -alpha.1}) moves to the beta of the same numbers. Build metadata is dropped.
   *
   * @throws PreconditionException for RELEASE on a version that is already a release
   */
  public Version bump(Bump bump) {
    Objects.requireNonNull(bump, "bump");
    return switch (bump) {
      case RELEASE -> {
        if (stage == Stage.RELEASE) {
          throw new PreconditionException(this + " is already a release: a RELEASE bump only drops a dev or beta"
              + " suffix. Use PATCH, MINOR or MAJOR to move to a new release.");
        }
        yield next(major, minor, patch, Stage.RELEASE, 0);
      }
      case DEV -> stage == Stage.DEV
          ? next(major, minor, patch, Stage.DEV, number + 1)
          : next(major, minor + 1, 0, Stage.DEV, 0);
      case PATCH -> stage == Stage.RELEASE
          ? next(major, minor, patch + 1, Stage.RELEASE, 0)
          : next(major, minor, patch, Stage.RELEASE, 0);
      case BETA -> switch (stage) {
        case DEV, OTHER -> next(major, minor, patch, Stage.BETA, 0);
        case BETA -> next(major, minor, patch, Stage.BETA, number + 1);
        case RC, RELEASE -> next(major, minor, patch + 1, Stage.BETA, 0);
      };
      case MINOR -> stage != Stage.RELEASE && patch == 0
          ? next(major, minor, 0, Stage.RELEASE, 0)
          : next(major, minor + 1, 0, Stage.RELEASE, 0);
      case MAJOR -> stage != Stage.RELEASE && minor == 0 && patch == 0
          ? next(major, 0, 0, Stage.RELEASE, 0)
          : next(major + 1, 0, 0, Stage.RELEASE, 0);
    };
  }

  private Version next(int major, int minor, int patch, Stage stage, int number) {
    return new Version(scheme, major, minor, patch, stage, number, "", "");
  }

  /**
   * The same version spelt in another scheme: {@code 0.57.0.dev0 <-> 0.57.0-dev.0}, {@code 0.57.0b1 <->
   * 0.57.0-beta.1}, {@code 0.57.0rc1 <-> 0.57.0-rc.1}; a plain release is spelt the same in both.
   *
   * @throws PreconditionException if PEP 440 cannot spell it (another semver pre-release, or build metadata)
   */
  public Version inScheme(VersionScheme target) {
    Objects.requireNonNull(target, "target");
    if (target == scheme) {
      return this;
    }
    if (target == VersionScheme.PEP440 && (stage == Stage.OTHER || !build.isEmpty())) {
      throw new PreconditionException("Cannot write " + this + " in PEP 440: only dev (-dev.N), beta (-beta.N) and"
          + " release-candidate (-rc.N) pre-releases without build metadata have a PEP 440 form."
          + " Use a version such as 1.2.3-beta.0, or keep the SEMVER scheme.");
    }
    return withScheme(target);
  }

  private Version withScheme(VersionScheme target) {
    return new Version(target, major, minor, patch, stage, number, other, build);
  }

  /**
   * What follows {@code major.minor.} in {@link #toString()}; for PEP 440 this is Home Assistant's
   * {@code PATCH_VERSION}: {@code "0"}, {@code "2"}, {@code "0b0"}, {@code "0.dev0"}. For SEMVER:
   * {@code "3-rc.1"}.
   */
  public String patchLabel() {
    StringBuilder sb = new StringBuilder().append(patch);
    if (scheme == VersionScheme.PEP440) {
      switch (stage) {
        case DEV -> sb.append(".dev").append(number);
        case BETA -> sb.append('b').append(number);
        case RC -> sb.append("rc").append(number);
        default -> { }
      }
    } else {
      switch (stage) {
        case DEV -> sb.append("-dev.").append(number);
        case BETA -> sb.append("-beta.").append(number);
        case RC -> sb.append("-rc.").append(number);
        case OTHER -> sb.append('-').append(other);
        default -> { }
      }
      if (!build.isEmpty()) {
        sb.append('+').append(build);
      }
    }
    return sb.toString();
  }

  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c == 0) {
      c = stage.compareTo(o.stage);
    }
    if (c == 0) {
      c = stage == Stage.OTHER ? comparePreRelease(other, o.other) : Integer.compare(number, o.number);
    }
    if (c == 0) {
      c = build.compareTo(o.build);
    }
    return c;
  }

  private static int comparePreRelease(String a, String b) {
    // semver's own precedence for identifiers we give no meaning to.
    return new Semver("0.0.0-" + a).compareTo(new Semver("0.0.0-" + b));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, stage, number, other, build);
  }

  /** The canonical spelling in its scheme: {@code 0.57.0.dev0}, {@code 0.57.0b1}, {@code 1.2.3-rc.1}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patchLabel();
  }
}
