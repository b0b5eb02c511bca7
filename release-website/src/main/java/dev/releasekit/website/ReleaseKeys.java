package dev.releasekit.website;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.files.YamlValue;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.StepResult;
import dev.releasekit.version.Version;
import dev.releasekit.website.internal.Site;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The release keys at the bottom of the website's {@code _config.yml}, which the site reads to show the current
 * version and link its notes:
 *
 * <pre>{@code
 * # Home Assistant release details
 * current_major_version: 0
 * current_minor_version: 57
 * current_patch_version: 0
 * date_released: 2017-11-04
 * ...
 * patch_version_notes: ""
 * }</pre>
 *
 * <p>Each value is replaced where it stands and nothing else changes: comments, quotes and key order stay, the
 * three version numbers stay bare integers, {@code date_released} a bare date, and {@code patch_version_notes} stays
 * double-quoted. A missing key is an error that names it, never an appended line: the site's templates read these
 * exact keys, and a key added at the end would hide a renamed one.
 *
 * <pre>{@code
 * Release.of("0.57").repository("website", site).conventions(Conventions.homeAssistantWebsite())
 *     .onReleaseBranch().then(Website.releaseKeys());
 * Website.releaseKeys(ReleaseKeys.builder().patchNotes(ReleaseKeys.PatchNotes.ANCHOR).build());   // before 0.83.2
 * }</pre>
 *
 * <p>An x.y.0 release is written on its release branch, a patch release on the live branch ({@code current}). The
 * step is ALREADY_DONE when the five values are the release's. It is BLOCKED, with nothing written, when the file
 * names a later release (the site would go back), or this release with another date (pass the first run's date with
 * {@code Release.date(...)}, or correct the file by hand).
 */
public final class ReleaseKeys implements Step {
  /** What {@code patch_version_notes} holds for a patch release; an x.y.0 release always leaves it {@code ""}. */
  public enum PatchNotes {
    /** {@code ""}, as the site has done since 0.83.2: the notes page shows the whole post. */
    EMPTY,
    /** The anchor of the patch release's section in the post, {@code "#release-0571---november-4"}. */
    ANCHOR
  }

  static final String MAJOR = "current_major_version";
  static final String MINOR = "current_minor_version";
  static final String PATCH = "current_patch_version";
  static final String DATE = "date_released";
  static final String NOTES = "patch_version_notes";

  private final String path;
  private final PatchNotes patchNotes;
  private final Optional<String> branch;

  private ReleaseKeys(Builder b) {
    this.path = b.path;
    this.patchNotes = b.patchNotes;
    this.branch = Optional.ofNullable(b.branch);
  }

  /** The site's defaults: {@code _config.yml}, {@link PatchNotes#EMPTY}. */
  public static ReleaseKeys homeAssistant() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.path = path;
    b.patchNotes = patchNotes;
    b.branch = branch.orElse(null);
    return b;
  }

  public String path() {
    return path;
  }

  public PatchNotes patchNotes() {
    return patchNotes;
  }

  @Override
  public String description() {
    return "set the release keys in " + path + branch.map(b -> " on " + b).orElse("");
  }

  @Override
  public StepResult apply(StepContext context) {
    String onto = Site.branch(context, branch);
    String tip = Site.tip(context, onto, path);
    byte[] before = context.workspace().readFile(tip, path).orElseThrow(() -> new PreconditionException(path
        + " is not on " + onto + ". Is this the website's repository? Nothing was written."));
    Map<String, String> want = values(context.version(), context.date());
    Map<String, String> have = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String key : want.keySet()) {
      try {
        have.put(key, YamlValue.at(path, key).readValue(before));
      } catch (PreconditionException e) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw new PreconditionException(path + " on " + onto + " has no " + String.join(", ", missing) + ". These"
          + " keys are edited where they stand and never appended, because the site's templates read them by"
          + " name. Add them to the release block at the bottom of the file (see the site's own last release),"
          + " then run again. Nothing was written.");
    }
    requireNotBackwards(context.version(), want, have, onto);
    if (have.equals(want)) {
      return StepResult.alreadyDone(path + " on " + onto + " names " + context.version() + " of " + want.get(DATE));
    }
    byte[] after = before;
    for (Map.Entry<String, String> e : want.entrySet()) {
      after = YamlValue.at(path, e.getKey()).writeValue(after, e.getValue());
    }
    context.workspace().commit(onto, tip, "Release " + Site.shortName(context.version()), Map.of(path, after));
    return StepResult.done(path + " on " + onto + " names " + context.version() + " of " + want.get(DATE))
        .withOutput(changedLines(before, after));
  }

  private Map<String, String> values(Version version, LocalDate date) {
    Map<String, String> want = new LinkedHashMap<>();
    want.put(MAJOR, Integer.toString(version.major()));
    want.put(MINOR, Integer.toString(version.minor()));
    want.put(PATCH, Integer.toString(version.patch()));
    want.put(DATE, date.toString());
    want.put(NOTES, version.patch() == 0 || patchNotes == PatchNotes.EMPTY ? ""
        : "#" + Site.slug(Site.patchHeading(version, date)));
    return want;
  }

  private void requireNotBackwards(Version version, Map<String, String> want, Map<String, String> have,
      String onto) {
    Version named;
    try {
      named = Version.parse(have.get(MAJOR) + "." + have.get(MINOR) + "." + have.get(PATCH), version.scheme());
    } catch (RuntimeException e) {
      throw new PreconditionException(path + " on " + onto + " has release keys that are not a version ("
          + have.get(MAJOR) + ", " + have.get(MINOR) + ", " + have.get(PATCH) + "). Correct them by hand, then run"
          + " again. Nothing was written.");
    }
    if (named.isAfter(version)) {
      throw new ConflictException(path + " on " + onto + " already names " + named + " of " + have.get(DATE)
          + ", a later release than " + version + "; writing " + version + " would take the site back. Nothing"
          + " was written. Release a version after " + named + ", or check the branch.");
    }
    if (named.equals(version) && !have.get(DATE).equals(want.get(DATE))) {
      throw new ConflictException(path + " on " + onto + " already names " + version + " but released on "
          + have.get(DATE) + ", not " + want.get(DATE) + ". Nothing was written. A re-run on another day keeps the"
          + " first run's date when given Release.date(LocalDate.parse(\"" + have.get(DATE) + "\")); if "
          + want.get(DATE) + " is right, correct the file by hand.");
    }
  }

  private static String changedLines(byte[] before, byte[] after) {
    List<String> old = new String(before, StandardCharsets.UTF_8).lines().toList();
    List<String> now = new String(after, StandardCharsets.UTF_8).lines().toList();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(old.size(), now.size()); i++) {
      if (!old.get(i).equals(now.get(i))) {
        out.append(out.length() == 0 ? "" : "\n").append("- ").append(old.get(i)).append("\n+ ").append(now.get(i));
      }
    }
    return out.toString();
  }

  /** Builds {@link ReleaseKeys}; every setting has the site's default. */
  public static final class Builder {
    private String path = "_config.yml";
    private PatchNotes patchNotes = PatchNotes.EMPTY;
    private String branch;

    private Builder() {
    }

    /** The site configuration file, {@code _config.yml} by default. */
    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** What a patch release puts in {@code patch_version_notes}: {@link PatchNotes#EMPTY} by default. */
    public Builder patchNotes(PatchNotes patchNotes) {
      this.patchNotes = Objects.requireNonNull(patchNotes, "patchNotes");
      return this;
    }

    /** The branch to write on, instead of the release branch (x.y.0) or the live branch (patch releases). */
    public Builder branch(String branch) {
      this.branch = Objects.requireNonNull(branch, "branch");
      return this;
    }

    public ReleaseKeys build() {
      return new ReleaseKeys(this);
    }
  }
}
