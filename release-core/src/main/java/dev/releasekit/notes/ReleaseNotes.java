package dev.releasekit.notes;

import dev.releasekit.PreconditionException;
import dev.releasekit.git.Commit;
import dev.releasekit.notes.internal.GitHubEmails;
import dev.releasekit.notes.internal.Subjects;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.version.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The release notes of one release: the pull requests its commits brought in, collected by the rules of
 * Home Assistant's hass-release, and rendered as Markdown. Building collects; {@link #render(Variant)} renders.
 * Both are pure: no git, no network, and the same input gives the same bytes.
 *
 * <pre>{@code
 * List<Commit> commits = workspace.log("origin/master", "origin/release-0-57");   // oldest first
 * Map<Integer, PullRequest> prs = hosting.pullRequests(ReleaseNotes.referencedPullRequests(commits));
 * ReleaseNotes notes = ReleaseNotes.builder()
 *     .version(Version.parse("0.57.0"))
 *     .milestone("0.57")
 *     .commits(commits)
 *     .pullRequests(prs)
 *     .style(NotesStyle.homeAssistant())
 *     .build();
 * String prBody = notes.render(Variant.GITHUB);
 * notes.dropped().forEach(System.out::println);   // what was left out, and why
 * }</pre>
 *
 * <h2>Collection</h2>
 * Commits are taken oldest first. A commit is dropped, in this order of checks, when its subject names no pull
 * request; when its subject equals the previous commit's; when its pull request already has a line; when the
 * number is not a given pull request; when the pull request carries the style's reverted label; or when the pull
 * request has a milestone other than this release's (a fix shipped in 0.56.3 is not announced again in 0.57).
 * Without {@link Builder#milestone(String)} the release's milestone is {@code major.minor.patch}.
 * A subject names pull request N by its last {@code (#N)} (a squash or rebase merge), and the line's title is the
 * subject without it; or as GitHub's merge commit {@code Merge pull request #N from owner/branch}, whose title is
 * the pull request's own.
 * The author is the pull request's author login; when the hosting gives none, the login in a noreply commit email
 * ({@code ID+login@users.noreply.github.com} or {@code login@users.noreply.github.com}); else the commit's author
 * name, shown without a link.
 * A number missing from {@link Builder#pullRequests(Map)} is taken for what {@code Hosting.pullRequests} leaves out,
 * an issue or an unknown number: the commit is dropped as {@link DroppedCommit.Reason#NOT_A_PULL_REQUEST}.
 * {@link #dropped()} names every dropped commit (id, subject, pull request) and why, for reports.
 *
 * <h2>Rendering</h2>
 * A line is {@code - {title} ([@login] - [#N]) ([x docs]) (new-integration) (new-platform) (breaking-change)
 * (beta fix)}: one {@code ([x docs])} per documentation label and one decoration per
 * {@link NotesStyle#labelDecorations() grouping label} the pull request has, both in the order of its labels
 * sorted by name (GitHub's order, so {@code (breaking-change) (new-platform)}); then the style's other
 * decorations, such as {@code (beta fix)} on x.y.0 releases. Sections are {@code ## Heading}, a blank line, the
 * lines, a blank line, in the style's order, empty ones omitted; the website file puts the style's help text and
 * {@code <!--more-->} before its section. Then come the link definitions, sorted as plain strings (so
 * {@code [#10001]} sorts before {@code [#9975]}, as hass-release does): {@code [@login]: https://github.com/login},
 * {@code [#N]: <pull request URL>}, {@code [x docs]: <docs base>x/}. A patch release (patch number not 0) of a style
 * with a {@link NotesStyle#patchHeading() patch heading} has no sections: the lines, a blank line, the link
 * definitions; only the {@link NotesStyle#patchHeadingVariants() variants} that take the heading (Home Assistant:
 * the website file) start with it and a blank line. The heading's date is {@link Builder#date(LocalDate)}, the
 * release's date, not the day the notes are generated (hass-release's, which once put the notes a day off the
 * site's {@code date_released}).
 *
 * <h2>Deliberate differences from hass-release</h2>
 * Everything above is hass-release's behaviour, except these improvements, kept on purpose:
 * <ul>
 *   <li>a bot login such as {@code dependabot[bot]} has its brackets escaped inside the link label
 *       ({@code [@dependabot\[bot\]]}) and links to {@code https://github.com/apps/dependabot}, where
 *       hass-release writes a label that Markdown cannot resolve;
 *   <li>a pull request is listed once even when its commits appear on both sides of the range (hass-release drops
 *       only consecutive duplicates);
 *   <li>milestone titles compare as versions when both are dotted numbers, so {@code 0.58} equals {@code 0.58.0}
 *       (hass-release compares the strings);
 *   <li>the text ends with a newline.
 * </ul>
 */
public final class ReleaseNotes {
  private final Version version;
  private final String milestone;
  private final NotesStyle style;
  private final String userUrlBase;
  private final Map<Variant, String> docsBaseUrls;
  private final Optional<LocalDate> date;
  private final List<NoteEntry> entries;
  private final List<DroppedCommit> dropped;

  private ReleaseNotes(Builder builder, List<NoteEntry> entries, List<DroppedCommit> dropped) {
    this.version = builder.version;
    this.milestone = builder.milestone;
    this.style = builder.style;
    this.userUrlBase = builder.userUrlBase;
    this.docsBaseUrls = Map.copyOf(builder.docsBaseUrls);
    this.date = Optional.ofNullable(builder.date);
    this.entries = List.copyOf(entries);
    this.dropped = List.copyOf(dropped);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The pull request numbers the commits name (the last {@code (#N)} of each subject), distinct, in commit order:
   * the pull requests a caller fetches before building the notes.
   */
  public static List<Integer> referencedPullRequests(List<Commit> commits) {
    Set<Integer> numbers = new LinkedHashSet<>();
    for (Commit commit : Objects.requireNonNull(commits, "commits")) {
      Subjects.numbered(commit.subject()).ifPresent(n -> numbers.add(n.number()));
    }
    return List.copyOf(numbers);
  }

  public Version version() {
    return version;
  }

  /** This release's milestone title, as given or derived from the version. */
  public String milestone() {
    return milestone;
  }

  public NotesStyle style() {
    return style;
  }

  /** The lines of the notes, in commit order (oldest first). */
  public List<NoteEntry> entries() {
    return entries;
  }

  /** The commits of the range that have no line, in commit order, each with the reason. */
  public List<DroppedCommit> dropped() {
    return dropped;
  }

  /** Whether this is an x.y.0 release (or one of its betas), which has sections and beta fixes. */
  public boolean isDotZero() {
    return version.patch() == 0;
  }

  /** The notes as Markdown for one place of publication; the same notes always give the same bytes. */
  public String render(Variant variant) {
    Objects.requireNonNull(variant, "variant");
    Optional<String> docsBase = Optional.ofNullable(docsBaseUrls.get(variant)).or(() -> style.docsBaseUrl(variant));
    if (style.docsLabelPrefix().isPresent() && docsBase.isEmpty()) {
      throw new PreconditionException("The style links documentation (labels \"" + style.docsLabelPrefix().get()
          + "...\") but has no docs base URL for " + variant + "; pass docsBaseUrl(Variant." + variant
          + ", \"https://...\") to the builder.");
    }
    return new NotesRenderer(this, variant, userUrlBase, docsBase, date).render();
  }

  @Override
  public String toString() {
    Map<DroppedCommit.Reason, Long> reasons = dropped.stream()
        .collect(Collectors.groupingBy(DroppedCommit::reason, () -> new EnumMap<>(DroppedCommit.Reason.class),
            Collectors.counting()));
    return "ReleaseNotes " + version + " (milestone " + milestone + "): " + entries.size() + " entries, "
        + dropped.size() + " dropped " + reasons;
  }

  static String withTrailingSlash(String url, String what) {
    if (url == null || url.isBlank()) {
      throw new PreconditionException("The " + what + " is empty; give an address such as https://github.com/.");
    }
    String stripped = url.strip();
    if (stripped.contains(" ") || stripped.contains("\n")) {
      throw new PreconditionException("The " + what + " \"" + stripped + "\" contains white space; give an address.");
    }
    return stripped.endsWith("/") ? stripped : stripped + "/";
  }

  static boolean sameMilestone(String a, String b) {
    String left = a.strip();
    String right = b.strip();
    if (left.equalsIgnoreCase(right)) {
      return true;
    }
    if (!left.matches("\\d{1,9}(\\.\\d{1,9})*") || !right.matches("\\d{1,9}(\\.\\d{1,9})*")) {
      return false;
    }
    String[] l = left.split("\\.");
    String[] r = right.split("\\.");
    for (int i = 0; i < Math.max(l.length, r.length); i++) {
      int x = i < l.length ? Integer.parseInt(l[i]) : 0;
      int y = i < r.length ? Integer.parseInt(r[i]) : 0;
      if (x != y) {
        return false;
      }
    }
    return true;
  }

  /** Builds {@link ReleaseNotes}: set at least the version, the commits and their pull requests. */
  public static final class Builder {
    private Version version;
    private String milestone;
    private List<Commit> commits = List.of();
    private Map<Integer, PullRequest> pullRequests = Map.of();
    private NotesStyle style = NotesStyle.homeAssistant();
    private String userUrlBase = "https://github.com/";
    private final Map<Variant, String> docsBaseUrls = new EnumMap<>(Variant.class);
    private LocalDate date;

    private Builder() {
    }

    public Builder version(Version version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** This release's milestone title; pull requests milestoned otherwise are dropped. */
    public Builder milestone(String milestone) {
      if (milestone == null || milestone.isBlank()) {
        throw new PreconditionException("The milestone title is empty; give the title of this release's milestone,"
            + " such as 0.57, or leave it unset to derive it from the version.");
      }
      this.milestone = milestone.strip();
      return this;
    }

    /** The commits of the release range, oldest first. */
    public Builder commits(List<Commit> commits) {
      this.commits = List.copyOf(Objects.requireNonNull(commits, "commits"));
      return this;
    }

    /** The pull requests the commits name, by number; see {@link ReleaseNotes#referencedPullRequests(List)}. */
    public Builder pullRequests(Map<Integer, PullRequest> pullRequests) {
      this.pullRequests = Map.copyOf(Objects.requireNonNull(pullRequests, "pullRequests"));
      return this;
    }

    /** The layout; {@link NotesStyle#homeAssistant()} when not set. */
    public Builder style(NotesStyle style) {
      this.style = Objects.requireNonNull(style, "style");
      return this;
    }

    /** Where user pages live, {@code https://github.com/} by default; GitHub Enterprise passes its web address. */
    public Builder userUrlBase(String userUrlBase) {
      this.userUrlBase = withTrailingSlash(userUrlBase, "user URL base");
      return this;
    }

    /** Overrides the style's documentation address for one variant. */
    public Builder docsBaseUrl(Variant variant, String baseUrl) {
      docsBaseUrls.put(Objects.requireNonNull(variant, "variant"), withTrailingSlash(baseUrl, "docs base URL"));
      return this;
    }

    /** The release date, for a patch heading such as {@code ## Release 0.57.2 - November 5}. */
    public Builder date(LocalDate date) {
      this.date = Objects.requireNonNull(date, "date");
      return this;
    }

    /**
     * Collects the entries.
     *
     * @throws PreconditionException when the version is missing, when a patch heading needs a date that was not
     *     given, or when a pull request to be listed has no web address
     */
    public ReleaseNotes build() {
      if (version == null) {
        throw new PreconditionException("Release notes need the version they describe; call version(Version.parse(\"0.57.0\")).");
      }
      if (milestone == null) {
        milestone = version.major() + "." + version.minor() + "." + version.patch();
      }
      if (version.patch() != 0 && date == null
          && style.patchHeadingPattern().map(p -> p.needsDate()).orElse(false)) {
        throw new PreconditionException("The patch release " + version + " is headed \""
            + style.patchHeading().get() + "\", which needs the release date; call date(LocalDate).");
      }
      List<NoteEntry> entries = new ArrayList<>();
      List<DroppedCommit> dropped = new ArrayList<>();
      Map<Integer, String> listedBy = new HashMap<>();
      String previousSubject = null;
      for (Commit commit : commits) {
        String subject = commit.subject() == null ? "" : commit.subject();
        String previous = previousSubject;
        previousSubject = subject;
        Optional<Subjects.Numbered> numbered = Subjects.numbered(subject);
        if (numbered.isEmpty()) {
          dropped.add(new DroppedCommit(commit, Optional.empty(), DroppedCommit.Reason.NO_PULL_REQUEST_NUMBER,
              "commit " + commit.shortId() + " \"" + subject + "\" names no pull request (no (#N), and not"
                  + " \"Merge pull request #N from ...\")"));
          continue;
        }
        int number = numbered.get().number();
        if (subject.equals(previous)) {
          dropped.add(new DroppedCommit(commit, Optional.of(number), DroppedCommit.Reason.DUPLICATE_SUBJECT,
              "commit " + commit.shortId() + " repeats the previous commit's subject \"" + subject + "\""));
          continue;
        }
        if (listedBy.containsKey(number)) {
          dropped.add(new DroppedCommit(commit, Optional.of(number), DroppedCommit.Reason.DUPLICATE_PULL_REQUEST,
              "pull request #" + number + " is already listed from commit " + listedBy.get(number)));
          continue;
        }
        PullRequest pr = pullRequests.get(number);
        if (pr == null) {
          dropped.add(new DroppedCommit(commit, Optional.of(number), DroppedCommit.Reason.NOT_A_PULL_REQUEST,
              "#" + number + " in commit " + commit.shortId() + " \"" + subject + "\" is not among the given pull requests"
                  + " (an issue number, or another repository's); check the commit if it should be listed"));
          continue;
        }
        if (style.revertedLabel().map(pr::hasLabel).orElse(false)) {
          dropped.add(new DroppedCommit(commit, Optional.of(number), DroppedCommit.Reason.REVERTED,
              "pull request #" + number + " is labelled " + style.revertedLabel().get()));
          continue;
        }
        if (pr.milestone().isPresent() && !sameMilestone(pr.milestone().get(), milestone)) {
          dropped.add(new DroppedCommit(commit, Optional.of(number), DroppedCommit.Reason.OTHER_MILESTONE,
              "pull request #" + number + " is milestoned " + pr.milestone().get() + ", not " + milestone));
          continue;
        }
        if (pr.url() == null || pr.url().isBlank()) {
          throw new PreconditionException("Pull request #" + number + " has no web address, so its [#" + number
              + "] link cannot be written; pass the pull request as the hosting returns it, with its url.");
        }
        listedBy.put(number, commit.shortId());
        entries.add(entry(commit, numbered.get(), pr));
      }
      return new ReleaseNotes(this, entries, dropped);
    }

    private static NoteEntry entry(Commit commit, Subjects.Numbered numbered, PullRequest pr) {
      Optional<String> login = Optional.ofNullable(pr.author()).map(String::strip).filter(s -> !s.isEmpty())
          .or(() -> GitHubEmails.login(commit.authorEmail()));
      String name = commit.authorName() != null && !commit.authorName().isBlank() ? commit.authorName().strip()
          : commit.authorEmail() != null && !commit.authorEmail().isBlank() ? commit.authorEmail().strip()
          : "unknown author";
      // A merge commit's subject names the pull request but not what it does: its title stands in.
      String title = numbered.merge() && pr.title() != null && !pr.title().isBlank() ? pr.title().strip()
          : numbered.title();
      return new NoteEntry(numbered.number(), title, login, name, pr.url(), pr.labels(), commit);
    }
  }
}
