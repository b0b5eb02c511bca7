package dev.releasekit.notes;

import dev.releasekit.PreconditionException;
import dev.releasekit.notes.internal.HeadingPattern;
import dev.releasekit.version.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One release's section of a {@code CHANGELOG.md} kept newest first, as PostHog's is: a heading, a blank line, a
 * body, a blank line.
 *
 * <pre>{@code
 * ChangelogSection section = ChangelogSection.builder()
 *     .version(Version.parse("1.14.0"))
 *     .date(LocalDate.of(2020, 9, 3))
 *     .entries(notes.entries())                 // or .body("hand-written Markdown")
 *     .build();
 * section.heading();                            // "### 1.14.0 - Thursday 03 September"
 * String changelog = section.insertInto(Files.readString(path));   // unchanged when the section is there
 * }</pre>
 *
 * <p>The heading pattern takes {@code {version}} and {@code {date:<java.time pattern>}} (English names);
 * {@link #DEFAULT_HEADING} is PostHog's. An existing section is recognised by its {@link #headingPrefix()}, the
 * heading up to the version and the character after it ({@code ### 1.14.0 }), so a hand-written heading with another
 * dash or date still counts: PostHog's real headings {@code ### 1.31.1 - Friday 17 December 2021},
 * {@code ### 1.14.0 - Thursday 03 September} (zero-padded, no year), {@code ### 1.13.0 – Thursday 13 August} (an en
 * dash) and {@code ### 1.10.1 - Thursday 2 July 2020} are all recognised, whatever sub-headings ({@code ##},
 * {@code ###}, {@code ####}) the sections hold.
 *
 * <p>A body built from entries is one {@code - [description](pull request URL)} bullet per entry. When some entries
 * announce a breaking change ({@code feat!: ...}, {@code feat(api)!: ...}, or a {@code BREAKING CHANGE:} footer;
 * see {@link NoteEntry#isBreaking()}), they come first under a {@code Breaking Changes} sub-heading one level below
 * the section's heading, and the others follow under {@code Other changes}; without any, the list stays flat.
 */
public final class ChangelogSection {
  /** PostHog's heading: {@code ### 1.14.0 - Thursday 03 September}. */
  public static final String DEFAULT_HEADING = "### {version} - {date:EEEE dd MMMM}";

  private final Version version;
  private final Optional<LocalDate> date;
  private final HeadingPattern pattern;
  private final String body;

  private ChangelogSection(Version version, Optional<LocalDate> date, HeadingPattern pattern, String body) {
    this.version = version;
    this.date = date;
    this.pattern = pattern;
    this.body = body;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The prefix of the default heading for a version, {@code ### 1.14.0 }: a line starting so is its section. */
  public static String headingPrefix(Version version) {
    return headingPrefix(version, DEFAULT_HEADING);
  }

  /** The prefix of the headings {@code pattern} gives a version: the heading up to the version and one more character. */
  public static String headingPrefix(Version version, String pattern) {
    return HeadingPattern.parse(Objects.requireNonNull(pattern, "pattern"))
        .prefix(Objects.requireNonNull(version, "version"), Optional.empty());
  }

  public Version version() {
    return version;
  }

  public String heading() {
    return pattern.format(version, date);
  }

  /** The heading up to the version and the character after it: {@code ### 1.14.0 }. */
  public String headingPrefix() {
    return pattern.prefix(version, date);
  }

  /** The body, ending with a newline unless empty. */
  public String body() {
    return body;
  }

  /** The whole section: heading, blank line, body, blank line. */
  public String text() {
    return body.isEmpty() ? heading() + "\n\n" : heading() + "\n\n" + body + "\n";
  }

  /** Whether the changelog already has a section for this version. */
  public boolean isPresentIn(String changelog) {
    String prefix = headingPrefix();
    String bare = prefix.stripTrailing();
    // A pattern that ends with {version} leaves nothing after it to tell 1.1.0 from 1.1.01: demand a space or the end.
    boolean open = prefix.endsWith(version.toString());
    return Objects.requireNonNull(changelog, "changelog").lines()
        .anyMatch(line -> open
            ? line.equals(prefix) || line.startsWith(prefix + " ") || line.startsWith(prefix + "\t")
            : line.startsWith(prefix) || line.equals(bare));
  }

  /**
   * The changelog with this section before its first release section (newest first), or at the end when it has
   * none. A changelog that already has the section is returned unchanged, so running a release again writes
   * nothing.
   */
  public String insertInto(String changelog) {
    if (isPresentIn(changelog)) {
      return changelog;
    }
    String marker = pattern.marker();
    if (!marker.isEmpty()) {
      int offset = 0;
      for (String line : changelog.split("\n", -1)) {
        if (line.startsWith(marker)) {
          return changelog.substring(0, offset) + text() + changelog.substring(offset);
        }
        offset += line.length() + 1;
      }
    }
    if (changelog.isEmpty()) {
      return text();
    }
    String head = changelog.endsWith("\n\n") ? changelog : changelog.endsWith("\n") ? changelog + "\n" : changelog + "\n\n";
    return head + text();
  }

  @Override
  public String toString() {
    return "ChangelogSection[" + heading() + "]";
  }

  /** One level below the section's own heading ({@code ####} under {@code ###}), at most six. */
  private static String subHeading(String marker) {
    int level = 0;
    while (level < marker.length() && marker.charAt(level) == '#') {
      level++;
    }
    return "#".repeat(level == 0 ? 4 : Math.min(6, level + 1));
  }

  private static String bullets(List<NoteEntry> entries) {
    StringBuilder out = new StringBuilder();
    for (NoteEntry entry : entries) {
      out.append("- [").append(entry.description().replace("[", "\\[").replace("]", "\\]"))
          .append("](").append(entry.url()).append(")\n");
    }
    return out.toString();
  }

  /** Builds a {@link ChangelogSection}; give the version, the date the heading needs, and entries or a body. */
  public static final class Builder {
    private Version version;
    private LocalDate date;
    private String pattern = DEFAULT_HEADING;
    private List<NoteEntry> entries;
    private String body;

    private Builder() {
    }

    public Builder version(Version version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    public Builder date(LocalDate date) {
      this.date = Objects.requireNonNull(date, "date");
      return this;
    }

    /** The heading pattern, {@link ChangelogSection#DEFAULT_HEADING} by default. */
    public Builder headingPattern(String pattern) {
      this.pattern = Objects.requireNonNull(pattern, "pattern");
      return this;
    }

    /** The body as one {@code - [description](url)} bullet per entry, in the given order. */
    public Builder entries(List<NoteEntry> entries) {
      this.entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
      return this;
    }

    /** The body as given Markdown; a newline is added at its end when missing. */
    public Builder body(String body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    public ChangelogSection build() {
      if (version == null) {
        throw new PreconditionException("A changelog section needs its version; call version(Version.parse(\"1.14.0\")).");
      }
      if (entries != null && body != null) {
        throw new PreconditionException("The changelog section for " + version
            + " was given both entries and a body; give one of them.");
      }
      HeadingPattern heading = HeadingPattern.parse(pattern);
      if (!heading.hasVersion()) {
        throw new PreconditionException("The changelog heading pattern \"" + pattern
            + "\" has no {version}; add it so the section can be found again on a re-run.");
      }
      if (heading.needsDate() && date == null) {
        throw new PreconditionException("The changelog heading \"" + pattern + "\" needs the release date of "
            + version + "; call date(LocalDate).");
      }
      return new ChangelogSection(version, Optional.ofNullable(date), heading, bodyText(heading));
    }

    private String bodyText(HeadingPattern heading) {
      if (entries != null) {
        List<NoteEntry> breaking = entries.stream().filter(NoteEntry::isBreaking).toList();
        if (breaking.isEmpty()) {
          return bullets(entries);
        }
        List<NoteEntry> others = entries.stream().filter(e -> !e.isBreaking()).toList();
        String level = subHeading(heading.marker());
        return level + " Breaking Changes\n\n" + bullets(breaking)
            + (others.isEmpty() ? "" : "\n" + level + " Other changes\n\n" + bullets(others));
      }
      if (body == null || body.isBlank()) {
        return "";
      }
      String trimmed = body.strip();
      return trimmed + "\n";
    }
  }
}
