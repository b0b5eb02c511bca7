package dev.releasekit.website.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** What the website's steps share: the branch they write on, the core notes they read, the site's names and slugs. */
public final class Site {
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);

  private Site() {
  }

  /**
   * The branch a website step writes on when none is given: the release branch for an x.y.0 release, which its pull
   * request brings to the live site; the live branch itself for a patch release, as the site has always done.
   */
  public static String branch(StepContext context, Optional<String> given) {
    if (given.isPresent()) {
      return given.get();
    }
    Version v = context.version();
    return v.patch() == 0 ? context.conventions().releaseBranch(v) : context.conventions().mainBranch();
  }

  /** The tip of {@code branch} on origin, or a typed error that says which branch to create. */
  public static String tip(StepContext context, String branch, String what) {
    Workspace ws = context.workspace();
    return ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("The site's origin has no branch '"
        + branch + "' to write " + what + " on. " + (branch.equals(context.conventions().mainBranch())
        ? "Is this the website's repository, and are its conventions Conventions.homeAssistantWebsite()?"
        : "Cut it first (cutBranch() on the website), or pass the branch to write on.") + " Nothing was written."));
  }

  /** The release notes an earlier step of the release produced, from {@code repository} when named. */
  public static ReleaseNotes notes(StepContext context, Optional<String> repository, String forWhat) {
    Optional<ReleaseNotes> notes = repository.isPresent()
        ? context.result(repository.get(), ResultKey.NOTES) : context.result(ResultKey.NOTES);
    return notes.orElseThrow(() -> new PreconditionException(forWhat + " is made from the core release's notes,"
        + " and no earlier step of this release wrote them" + repository.map(r -> " in " + r).orElse("")
        + ". Put releaseNotes() on the core repository before this step. Nothing was written."));
  }

  /** {@code 0.57}, {@code 2023.2}: how the site names a release in titles, file names and {@code ha_release}. */
  public static String minorName(Version version) {
    return version.major() + "." + version.minor();
  }

  /** {@code 0.57} for 0.57.0, {@code 0.57.1} for a patch release. */
  public static String shortName(Version version) {
    return version.patch() == 0 ? minorName(version) : minorName(version) + "." + version.patch();
  }

  /** The post's file name suffix: {@code release-57.markdown} for 0.57, {@code release-20232.markdown} for 2023.2. */
  public static String postSuffix(Version version) {
    String digits = (version.major() + "" + version.minor()).replaceFirst("^0+(?=.)", "");
    return "-release-" + digits + ".markdown";
  }

  /** The heading of a patch release's section, as the notes print it: {@code Release 0.57.1 - November 4}. */
  public static String patchHeading(Version version, LocalDate date) {
    return "Release " + version.major() + "." + version.minor() + "." + version.patch() + " - "
        + MONTH_DAY.format(date);
  }

  /**
   * The site's anchor of a heading (facts.md): lower case, stripped, each space a hyphen, then every character that
   * is neither a word character nor a hyphen removed; {@code Release 0.57.1 - November 4} gives
   * {@code release-0571---november-4}. A word character is Ruby's {@code \w}, ASCII only, as the site's Jekyll
   * reads it.
   */
  public static String slug(String title) {
    return title.toLowerCase(Locale.ROOT).strip().replace(' ', '-').replaceAll("[^A-Za-z0-9_-]", "");
  }
}
