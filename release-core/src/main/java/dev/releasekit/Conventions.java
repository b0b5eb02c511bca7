package dev.releasekit;

import dev.releasekit.files.PythonConstants;
import dev.releasekit.files.PythonString;
import dev.releasekit.files.VersionFile;
import dev.releasekit.notes.ChangelogSection;
import dev.releasekit.notes.NotesStyle;
import dev.releasekit.notes.Organisation;
import dev.releasekit.version.Version;
import dev.releasekit.version.VersionScheme;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.Repository;

/**
 * How a project releases: its branches, the patterns of its release branches, tags and titles, its version files
 * and its labels. One immutable value, with presets for the two reference processes and for plain semver, and
 * {@code withX(...)} methods to derive variants.
 *
 * <pre>{@code
 * Conventions mine = Conventions.semver()
 *     .withMainBranch("main")
 *     .withVersionFiles(List.of(JsonValue.at("package.json", "version")));
 * }</pre>
 *
 * <p>Patterns expand {@code {major}}, {@code {minor}}, {@code {patch}} and {@code {version}}; a part in square
 * brackets is kept only for a patch release, so {@code release-{major}-{minor}[-{patch}]} gives
 * {@code release-0-57} for 0.57.0 and {@code release-0-56-2} for 0.56.2. Every branch and tag name a pattern
 * produces is checked as a git ref name.
 */
public final class Conventions {
  private final String name;
  private final VersionScheme scheme;
  private final String mainBranch;
  private final String developmentBranch;
  private final String releaseBranchSource;
  private final String releaseBranchPattern;
  private final String tagPattern;
  private final String tagMessagePattern;
  private final String pullRequestTitlePattern;
  private final String releaseTitlePattern;
  private final String bumpMessagePattern;
  private final String nextDevelopmentMessagePattern;
  private final List<VersionFile> versionFiles;
  private final String cherryPickedLabel;
  private final String revertedLabel;
  private final boolean commandsRefuseDevVersions;
  private final NotesStyle notesStyle;
  private final Organisation organisation;
  private final String changelogPath;
  private final String changelogHeadingPattern;
  private final String changelogMessagePattern;
  private final String syncBranchPattern;
  private final String syncTitlePattern;
  private final ZoneId zone;
  private final String commitLogPath;

  private Conventions(Builder b) {
    this.name = b.name;
    this.scheme = b.scheme;
    this.mainBranch = b.mainBranch;
    this.developmentBranch = b.developmentBranch;
    this.releaseBranchSource = b.releaseBranchSource;
    this.releaseBranchPattern = b.releaseBranchPattern;
    this.tagPattern = b.tagPattern;
    this.tagMessagePattern = b.tagMessagePattern;
    this.pullRequestTitlePattern = b.pullRequestTitlePattern;
    this.releaseTitlePattern = b.releaseTitlePattern;
    this.bumpMessagePattern = b.bumpMessagePattern;
    this.nextDevelopmentMessagePattern = b.nextDevelopmentMessagePattern;
    this.versionFiles = List.copyOf(b.versionFiles);
    this.cherryPickedLabel = b.cherryPickedLabel;
    this.revertedLabel = b.revertedLabel;
    this.commandsRefuseDevVersions = b.commandsRefuseDevVersions;
    this.notesStyle = b.notesStyle;
    this.organisation = b.organisation;
    this.changelogPath = b.changelogPath;
    this.changelogHeadingPattern = b.changelogHeadingPattern;
    this.changelogMessagePattern = b.changelogMessagePattern;
    this.syncBranchPattern = b.syncBranchPattern;
    this.syncTitlePattern = b.syncTitlePattern;
    this.zone = b.zone;
    this.commitLogPath = b.commitLogPath;
  }

  /**
   * Home Assistant core: {@code master} and {@code dev}, release branches {@code release-0-57} cut from dev,
   * tags and titles {@code 0.57} and {@code 0.56.2}, {@code homeassistant/const.py}, and commands such as
   * {@code script/release} refused for dev versions.
   */
  public static Conventions homeAssistant() {
    return new Builder("homeAssistant")
        .scheme(VersionScheme.PEP440)
        .mainBranch("master")
        .developmentBranch("dev")
        .releaseBranchSource("dev")
        .releaseBranchPattern("release-{major}-{minor}[-{patch}]")
        .tagPattern("{major}.{minor}[.{patch}]")
        .tagMessagePattern("{tag}")
        .pullRequestTitlePattern("{major}.{minor}[.{patch}]")
        .releaseTitlePattern("{major}.{minor}[.{patch}]")
        .bumpMessagePattern("Version bump to {version}")
        .nextDevelopmentMessagePattern("Version bump to {version}")
        .versionFiles(List.of(PythonConstants.at("homeassistant/const.py")))
        .commandsRefuseDevVersions(true)
        .notesStyle(NotesStyle.homeAssistant())
        .build();
  }

  /**
   * Home Assistant's website, {@code home-assistant.io}. It differs from {@link #homeAssistant() core's} in three
   * ways: the live site is {@code current} (the main branch) and the coming release's documentation is {@code next}
   * (the development branch, which release branches are cut from); the site has no version file, because the release
   * is recorded in {@code _config.yml}'s release keys by the website module; and nothing is tagged. The release
   * branch {@code release-0-57} and the pull request title {@code 0.57} follow core's patterns, so one
   * {@code Release.of("0.57")} names the same release in both repositories.
   *
   * <pre>{@code
   * Release.of("0.57")
   *     .repository("core", core).mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
   *     .repository("website", site).conventions(Conventions.homeAssistantWebsite())
   *         .mergeForward("current", "next").cutBranch().openPr();
   * }</pre>
   */
  public static Conventions homeAssistantWebsite() {
    Builder site = homeAssistant().toBuilder();
    site.name = "homeAssistantWebsite";
    return site
        .mainBranch("current")
        .developmentBranch("next")
        .releaseBranchSource("next")
        .versionFiles(List.of())
        .commandsRefuseDevVersions(false)
        .build();
  }

  /**
   * PostHog: code-freeze branches {@code release-1.31.0} cut from {@code master}, annotated tags {@code 1.31.0}
   * with the message {@code Version 1.31.0}, and {@code VERSION} in {@code posthog/version.py}.
   */
  public static Conventions postHog() {
    return new Builder("postHog")
        .scheme(VersionScheme.SEMVER)
        .mainBranch("master")
        .developmentBranch("master")
        .releaseBranchSource("master")
        .releaseBranchPattern("release-{version}")
        .tagPattern("{version}")
        .tagMessagePattern("Version {version}")
        .pullRequestTitlePattern("Release {version}")
        .releaseTitlePattern("{version}")
        .bumpMessagePattern("Bump version {version}")
        .nextDevelopmentMessagePattern("Bump version {version}")
        .versionFiles(List.of(PythonString.at("posthog/version.py", "VERSION")))
        .notesStyle(NotesStyle.postHog())
        .organisation(Organisation.builder().domain("posthog.com").build())
        .changelogMessagePattern("Changelog version {version}")
        .syncBranchPattern("{version}-sync")
        .syncTitlePattern("Sync {version} to master")
        .build();
  }

  /** Plain semantic versioning on {@code main}: branches {@code release/1.2.0}, tags {@code v1.2.0}. */
  public static Conventions semver() {
    return new Builder("semver")
        .scheme(VersionScheme.SEMVER)
        .mainBranch("main")
        .developmentBranch("main")
        .releaseBranchSource("main")
        .releaseBranchPattern("release/{version}")
        .tagPattern("v{version}")
        .tagMessagePattern("Release {version}")
        .pullRequestTitlePattern("Release {version}")
        .releaseTitlePattern("v{version}")
        .bumpMessagePattern("Release {version}")
        .nextDevelopmentMessagePattern("Start {version}")
        .versionFiles(List.of())
        .notesStyle(NotesStyle.semver())
        .build();
  }

  // Versions in the project's spelling

  /**
   * Reads a version in either spelling and returns it in this project's scheme, so that it prints the project's
   * way whatever form it was written in: under {@link #homeAssistant()} {@code "0.56.3"} bumped to the next
   * development version prints {@code 0.57.0.dev0}, under {@link #semver()} {@code "1.2.0.dev0"} prints
   * {@code 1.2.0-dev.0}.
   *
   * @throws PreconditionException if the text is no version, or one the scheme cannot spell
   */
  public Version version(String text) {
    return Version.parse(text).inScheme(scheme);
  }

  /** The version spelt in this project's scheme: {@code 0.57.0.dev0} for Home Assistant, {@code 0.57.0-dev.0} for semver. */
  public String format(Version version) {
    return Objects.requireNonNull(version, "version").inScheme(scheme).toString();
  }

  // Derived names

  /** The release branch for {@code version}, checked as a ref name. */
  public String releaseBranch(Version version) {
    return checkedRef("release branch", releaseBranchPattern, expand(releaseBranchPattern, version), "refs/heads/");
  }

  /** The tag for {@code version}, checked as a ref name. */
  public String tag(Version version) {
    return checkedRef("tag", tagPattern, expand(tagPattern, version), "refs/tags/");
  }

  public String tagMessage(Version version) {
    return expand(tagMessagePattern, version);
  }

  public String pullRequestTitle(Version version) {
    return expand(pullRequestTitlePattern, version);
  }

  public String releaseTitle(Version version) {
    return expand(releaseTitlePattern, version);
  }

  public String bumpMessage(Version version) {
    return expand(bumpMessagePattern, version);
  }

  public String nextDevelopmentMessage(Version version) {
    return expand(nextDevelopmentMessagePattern, version);
  }

  public String changelogMessage(Version version) {
    return expand(changelogMessagePattern, version);
  }

  /** The branch that carries a release's changelog and version commits back to main, checked as a ref name. */
  public String syncBranch(Version version) {
    return checkedRef("sync branch", syncBranchPattern, expand(syncBranchPattern, version), "refs/heads/");
  }

  public String syncTitle(Version version) {
    return expand(syncTitlePattern, version);
  }

  private String expand(String pattern, Version version) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '[') {
        int end = pattern.indexOf(']', i);
        if (end < 0) {
          throw new PreconditionException("The pattern '" + pattern + "' opens '[' without closing it.");
        }
        if (version.patch() != 0) {
          out.append(pattern, i + 1, end);
        }
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    String text = out.toString()
        .replace("{major}", String.valueOf(version.major()))
        .replace("{minor}", String.valueOf(version.minor()))
        .replace("{patch}", String.valueOf(version.patch()))
        .replace("{version}", format(version));
    return text.contains("{tag}") ? text.replace("{tag}", tag(version)) : text;
  }

  private static String checkedRef(String what, String pattern, String name, String prefix) {
    if (name.isEmpty() || !Repository.isValidRefName(prefix + name)) {
      throw new PreconditionException("The " + what + " pattern '" + pattern + "' gives '" + name
          + "', which is not a valid git ref name. Change the pattern (no spaces, '..', '~', '^', ':', '?', '*',"
          + " '[', '\\', and no trailing '.' or '.lock').");
    }
    return name;
  }

  // Accessors

  public String name() {
    return name;
  }

  public VersionScheme scheme() {
    return scheme;
  }

  public String mainBranch() {
    return mainBranch;
  }

  public String developmentBranch() {
    return developmentBranch;
  }

  public String releaseBranchSource() {
    return releaseBranchSource;
  }

  public String releaseBranchPattern() {
    return releaseBranchPattern;
  }

  public String tagPattern() {
    return tagPattern;
  }

  public List<VersionFile> versionFiles() {
    return versionFiles;
  }

  public String cherryPickedLabel() {
    return cherryPickedLabel;
  }

  public String revertedLabel() {
    return revertedLabel;
  }

  public boolean commandsRefuseDevVersions() {
    return commandsRefuseDevVersions;
  }

  /** How release notes group and decorate pull requests. */
  public NotesStyle notesStyle() {
    return notesStyle;
  }

  /** Who counts as a member, so the commit log can list external contributors separately. */
  public Organisation organisation() {
    return organisation;
  }

  public String changelogPath() {
    return changelogPath;
  }

  public String changelogHeadingPattern() {
    return changelogHeadingPattern;
  }

  /**
   * The time zone whose calendar dates a release when {@code Release.date(LocalDate)} is not given: the release
   * is dated the day the run starts there. UTC in every preset.
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Where the commit log step writes the log in the work tree, relative to its root: {@code log.txt}, as PostHog's
   * checklist does. The file stays untracked and is never committed.
   */
  public String commitLogPath() {
    return commitLogPath;
  }

  // Variants

  public Conventions withMainBranch(String branch) {
    return toBuilder().mainBranch(branch).build();
  }

  public Conventions withDevelopmentBranch(String branch) {
    return toBuilder().developmentBranch(branch).build();
  }

  public Conventions withReleaseBranchSource(String branch) {
    return toBuilder().releaseBranchSource(branch).build();
  }

  public Conventions withReleaseBranchPattern(String pattern) {
    return toBuilder().releaseBranchPattern(pattern).build();
  }

  public Conventions withTagPattern(String pattern) {
    return toBuilder().tagPattern(pattern).build();
  }

  public Conventions withTagMessagePattern(String pattern) {
    return toBuilder().tagMessagePattern(pattern).build();
  }

  public Conventions withPullRequestTitlePattern(String pattern) {
    return toBuilder().pullRequestTitlePattern(pattern).build();
  }

  public Conventions withVersionFiles(List<VersionFile> files) {
    return toBuilder().versionFiles(files).build();
  }

  public Conventions withCherryPickedLabel(String label) {
    return toBuilder().cherryPickedLabel(label).build();
  }

  public Conventions withNotesStyle(NotesStyle style) {
    return toBuilder().notesStyle(style).build();
  }

  public Conventions withOrganisation(Organisation organisation) {
    return toBuilder().organisation(organisation).build();
  }

  /** The same conventions, dating releases by the calendar of {@code zone}, such as {@code Europe/London}. */
  public Conventions withZone(ZoneId zone) {
    return toBuilder().zone(zone).build();
  }

  /** The same conventions, writing the commit log to {@code path} in the work tree. */
  public Conventions withCommitLogPath(String path) {
    return toBuilder().commitLogPath(path).build();
  }

  public Conventions withCommandsRefusingDevVersions() {
    return toBuilder().commandsRefuseDevVersions(true).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.scheme = scheme;
    b.mainBranch = mainBranch;
    b.developmentBranch = developmentBranch;
    b.releaseBranchSource = releaseBranchSource;
    b.releaseBranchPattern = releaseBranchPattern;
    b.tagPattern = tagPattern;
    b.tagMessagePattern = tagMessagePattern;
    b.pullRequestTitlePattern = pullRequestTitlePattern;
    b.releaseTitlePattern = releaseTitlePattern;
    b.bumpMessagePattern = bumpMessagePattern;
    b.nextDevelopmentMessagePattern = nextDevelopmentMessagePattern;
    b.versionFiles = versionFiles;
    b.cherryPickedLabel = cherryPickedLabel;
    b.revertedLabel = revertedLabel;
    b.commandsRefuseDevVersions = commandsRefuseDevVersions;
    b.notesStyle = notesStyle;
    b.organisation = organisation;
    b.changelogPath = changelogPath;
    b.changelogHeadingPattern = changelogHeadingPattern;
    b.changelogMessagePattern = changelogMessagePattern;
    b.syncBranchPattern = syncBranchPattern;
    b.syncTitlePattern = syncTitlePattern;
    b.zone = zone;
    b.commitLogPath = commitLogPath;
    return b;
  }

  /** Two conventions are equal when every setting is: {@code Conventions.postHog().equals(Conventions.postHog())}. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Conventions that
        && name.equals(that.name)
        && scheme == that.scheme
        && mainBranch.equals(that.mainBranch)
        && developmentBranch.equals(that.developmentBranch)
        && releaseBranchSource.equals(that.releaseBranchSource)
        && releaseBranchPattern.equals(that.releaseBranchPattern)
        && tagPattern.equals(that.tagPattern)
        && tagMessagePattern.equals(that.tagMessagePattern)
        && pullRequestTitlePattern.equals(that.pullRequestTitlePattern)
        && releaseTitlePattern.equals(that.releaseTitlePattern)
        && bumpMessagePattern.equals(that.bumpMessagePattern)
        && nextDevelopmentMessagePattern.equals(that.nextDevelopmentMessagePattern)
        && versionFiles.equals(that.versionFiles)
        && cherryPickedLabel.equals(that.cherryPickedLabel)
        && revertedLabel.equals(that.revertedLabel)
        && commandsRefuseDevVersions == that.commandsRefuseDevVersions
        && notesStyle.equals(that.notesStyle)
        && organisation.equals(that.organisation)
        && changelogPath.equals(that.changelogPath)
        && changelogHeadingPattern.equals(that.changelogHeadingPattern)
        && changelogMessagePattern.equals(that.changelogMessagePattern)
        && syncBranchPattern.equals(that.syncBranchPattern)
        && syncTitlePattern.equals(that.syncTitlePattern);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, scheme, mainBranch, developmentBranch, releaseBranchSource, releaseBranchPattern, tagPattern, tagMessagePattern, pullRequestTitlePattern, releaseTitlePattern, bumpMessagePattern, nextDevelopmentMessagePattern, versionFiles, cherryPickedLabel, revertedLabel, commandsRefuseDevVersions, notesStyle, organisation, changelogPath, changelogHeadingPattern, changelogMessagePattern, syncBranchPattern, syncTitlePattern);
  }

  @Override
  public String toString() {
    return "Conventions." + name + "(main " + mainBranch + ", release branches " + releaseBranchPattern
        + ", tags " + tagPattern + ", files " + versionFiles.stream().map(VersionFile::path).toList() + ")";
  }

  /** Builds a {@link Conventions} from scratch; start from a preset's {@link #toBuilder()} to change a few. */
  public static final class Builder {
    private String name;
    private VersionScheme scheme = VersionScheme.SEMVER;
    private String mainBranch = "main";
    private String developmentBranch = "main";
    private String releaseBranchSource = "main";
    private String releaseBranchPattern = "release/{version}";
    private String tagPattern = "v{version}";
    private String tagMessagePattern = "Release {version}";
    private String pullRequestTitlePattern = "Release {version}";
    private String releaseTitlePattern = "v{version}";
    private String bumpMessagePattern = "Release {version}";
    private String nextDevelopmentMessagePattern = "Start {version}";
    private List<VersionFile> versionFiles = List.of();
    private String cherryPickedLabel = "cherry-picked";
    private String revertedLabel = "reverted";
    private boolean commandsRefuseDevVersions;
    private NotesStyle notesStyle = NotesStyle.semver();
    private Organisation organisation = Organisation.builder().build();
    private String changelogPath = "CHANGELOG.md";
    private String changelogHeadingPattern = ChangelogSection.DEFAULT_HEADING;
    private String changelogMessagePattern = "Changelog {version}";
    private String syncBranchPattern = "sync-{version}";
    private String syncTitlePattern = "Sync {version}";
    private ZoneId zone = ZoneOffset.UTC;
    private String commitLogPath = "log.txt";

    public Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder scheme(VersionScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme);
      return this;
    }

    public Builder mainBranch(String branch) {
      this.mainBranch = Objects.requireNonNull(branch);
      return this;
    }

    public Builder developmentBranch(String branch) {
      this.developmentBranch = Objects.requireNonNull(branch);
      return this;
    }

    public Builder releaseBranchSource(String branch) {
      this.releaseBranchSource = Objects.requireNonNull(branch);
      return this;
    }

    public Builder releaseBranchPattern(String pattern) {
      this.releaseBranchPattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder tagPattern(String pattern) {
      this.tagPattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder tagMessagePattern(String pattern) {
      this.tagMessagePattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder pullRequestTitlePattern(String pattern) {
      this.pullRequestTitlePattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder releaseTitlePattern(String pattern) {
      this.releaseTitlePattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder bumpMessagePattern(String pattern) {
      this.bumpMessagePattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder nextDevelopmentMessagePattern(String pattern) {
      this.nextDevelopmentMessagePattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder versionFiles(List<VersionFile> files) {
      this.versionFiles = List.copyOf(files);
      return this;
    }

    public Builder cherryPickedLabel(String label) {
      this.cherryPickedLabel = Objects.requireNonNull(label);
      return this;
    }

    public Builder revertedLabel(String label) {
      this.revertedLabel = Objects.requireNonNull(label);
      return this;
    }

    /** Whether command steps refuse to run for a dev version, as Home Assistant's {@code script/release} does. */
    public Builder commandsRefuseDevVersions(boolean refuse) {
      this.commandsRefuseDevVersions = refuse;
      return this;
    }

    public Builder notesStyle(NotesStyle style) {
      this.notesStyle = Objects.requireNonNull(style);
      return this;
    }

    public Builder organisation(Organisation organisation) {
      this.organisation = Objects.requireNonNull(organisation);
      return this;
    }

    public Builder changelogPath(String path) {
      this.changelogPath = Objects.requireNonNull(path);
      return this;
    }

    /** The changelog heading, such as {@code ### {version} - {date:EEEE dd MMMM}}. */
    public Builder changelogHeadingPattern(String pattern) {
      this.changelogHeadingPattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder changelogMessagePattern(String pattern) {
      this.changelogMessagePattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder syncBranchPattern(String pattern) {
      this.syncBranchPattern = Objects.requireNonNull(pattern);
      return this;
    }

    public Builder syncTitlePattern(String pattern) {
      this.syncTitlePattern = Objects.requireNonNull(pattern);
      return this;
    }

    /** The time zone whose calendar dates a release; see {@link Conventions#zone()}. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Where the commit log is written in the work tree; see {@link Conventions#commitLogPath()}. */
    public Builder commitLogPath(String path) {
      this.commitLogPath = Objects.requireNonNull(path, "path");
      return this;
    }

    public Conventions build() {
      return new Conventions(this);
    }
  }
}
