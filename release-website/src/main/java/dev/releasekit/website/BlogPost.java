package dev.releasekit.website;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.notes.Variant;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import dev.releasekit.website.internal.GeneratedBlock;
import dev.releasekit.website.internal.Site;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The release's blog post on the website, {@code source/_posts/2017-11-04-release-57.markdown}: the front matter
 * from what you give, the highlights you write, and the website variant of the core release's notes, read from the
 * release's {@code releaseNotes()} step.
 *
 * <pre>{@code
 * BlogPost post = BlogPost.builder()
 *     .title("0.57: Translations, Hacktoberfest, Timers")
 *     .description("Due to Hacktoberfest we had to ship more fixes, improvements and components than usual.")
 *     .author("Paulus Schoutsen", "balloob")
 *     .ogImage("/images/blog/2017-11-0.57/languages.png")
 *     .time(LocalTime.of(4, 0))
 *     .highlights("<a href='/components/#version/0.57'><img src='/images/blog/2017-11-0.57/languages.png'></a>")
 *     .build();
 * Release.of("0.57")
 *     .repository("core", core).onReleaseBranch().cherryPickMilestone("0.57").releaseNotes()
 *     .repository("website", site).conventions(Conventions.homeAssistantWebsite())
 *         .onReleaseBranch().then(Website.blogPost(post));
 * }</pre>
 *
 * <h2>People edit the post; a re-run respects that</h2>
 * The notes sit between two HTML comments (Markdown leaves them out of the page), and the opening one records the
 * hash of what was generated. Everything outside them, the front matter and the highlights included, is the
 * writers' once the post exists. So a re-run
 * <ul>
 *   <li>leaves the post as it is when the notes between the markers are what it would generate: ALREADY_DONE, with
 *       every edit around them kept;</li>
 *   <li>regenerates the notes when they are as generated but out of date (a late cherry-pick), nothing else;</li>
 *   <li>is BLOCKED, showing the difference, when a person edited the notes between the markers, unless
 *       {@link Builder#regenerateNotes()} asks to replace that part (and only that part);</li>
 *   <li>is BLOCKED when a post for this release exists without the markers: someone wrote it by hand.</li>
 * </ul>
 *
 * <h2>Patch releases</h2>
 * A patch release's notes go into the x.y.0 post, found by its file name whatever its date, as their own marked
 * section ({@code ## Release 0.57.1 - November 4}) above the earlier notes, on the live branch. The front matter is
 * not touched.
 *
 * <p>The title must contain the minor version ({@code 0.57}): the site's "latest release notes" page finds the post
 * by it. {@code date} and {@code date_formatted} come from the release's date, at {@link Builder#time(LocalTime)}.
 */
public final class BlogPost implements Step {
  private static final DateTimeFormatter FORMATTED = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final String title;
  private final String description;
  private final String author;
  private final String authorTwitter;
  private final String ogImage;
  private final List<String> categories;
  private final String highlights;
  private final LocalTime time;
  private final Optional<LocalDate> date;
  private final boolean regenerateNotes;
  private final String folder;
  private final Optional<String> branch;
  private final Optional<String> notesFrom;
  private final String siteUrl;

  private BlogPost(Builder b) {
    this.title = require(b.title, "title");
    this.description = require(b.description, "description");
    this.author = require(b.author, "author");
    this.authorTwitter = b.authorTwitter;
    this.ogImage = b.ogImage;
    this.categories = List.copyOf(b.categories);
    this.highlights = b.highlights;
    this.time = b.time;
    this.date = Optional.ofNullable(b.date);
    this.regenerateNotes = b.regenerateNotes;
    this.folder = b.folder;
    this.branch = Optional.ofNullable(b.branch);
    this.notesFrom = Optional.ofNullable(b.notesFrom);
    this.siteUrl = b.siteUrl;
    if (categories.isEmpty()) {
      throw new PreconditionException("A blog post needs at least one category; the site lists release posts"
          + " under Release-Notes: categories(\"Release-Notes\").");
    }
  }

  private static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new PreconditionException("The blog post has no " + name + ". Give it with BlogPost.builder()." + name
          + "(...).");
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.title = title;
    b.description = description;
    b.author = author;
    b.authorTwitter = authorTwitter;
    b.ogImage = ogImage;
    b.categories = new ArrayList<>(categories);
    b.highlights = highlights;
    b.time = time;
    b.date = date.orElse(null);
    b.regenerateNotes = regenerateNotes;
    b.folder = folder;
    b.branch = branch.orElse(null);
    b.notesFrom = notesFrom.orElse(null);
    b.siteUrl = siteUrl;
    return b;
  }

  public String title() {
    return title;
  }

  /** The post's path for {@code version} on {@code date}: {@code source/_posts/2017-11-04-release-57.markdown}. */
  public String path(Version version, LocalDate date) {
    return folder + "/" + date + Site.postSuffix(version);
  }

  /**
   * A step for after the site's pull request is merged: it finds the post on the live branch and sets
   * {@link WebsiteResults#BLOG_POST_URL} to its address, Jekyll's permalink of the file name
   * ({@code https://www.home-assistant.io/blog/2017/11/04/release-57/}), so an announcement can link it. It writes nothing; a post not live yet
   * blocks, saying to put it after {@code mergePr()}.
   */
  public Step live() {
    return new Step() {
      @Override
      public String description() {
        return "find the blog post on the live site";
      }

      @Override
      public StepResult apply(StepContext context) {
        String live = context.conventions().mainBranch();
        String tip = Site.tip(context, live, "the blog post");
        Version version = context.version();
        String name = existingPost(context.workspace(), tip, version).orElseThrow(() -> new PreconditionException(
            "The " + Site.minorName(version) + " blog post is not on " + live + " yet, so it is not live. Put this"
                + " step after the site's mergePr(), then run again.")).substring(folder.length() + 1);
        String url = siteUrl + "/blog/" + name.substring(0, 10).replace('-', '/') + "/"
            + name.substring(11, name.length() - ".markdown".length()) + "/";
        return StepResult.alreadyDone("the post is live at " + url).with(WebsiteResults.BLOG_POST_URL, url);
      }
    };
  }

  @Override
  public String description() {
    return "write the blog post" + branch.map(b -> " on " + b).orElse("") + " from the release notes";
  }

  @Override
  public StepResult apply(StepContext context) {
    Version version = context.version();
    LocalDate day = date.orElse(context.date());
    if (!title.contains(Site.minorName(version))) {
      throw new PreconditionException("The blog post's title \"" + title + "\" does not contain "
          + Site.minorName(version) + "; the site's latest-release-notes page finds the post by the minor version"
          + " in its title. Put it first, as in \"" + Site.minorName(version) + ": Translations, Timers\".");
    }
    ReleaseNotes notes = Site.notes(context, notesFrom, "The blog post");
    String onto = Site.branch(context, branch);
    String tip = Site.tip(context, onto, "the blog post");
    Workspace ws = context.workspace();
    Optional<String> existing = existingPost(ws, tip, version);
    String id = Site.shortName(version);
    String generated = notes.render(Variant.WEBSITE);
    if (existing.isEmpty()) {
      if (version.patch() != 0) {
        throw new PreconditionException("There is no " + Site.minorName(version) + " blog post on " + onto + " ("
            + folder + "/*" + Site.postSuffix(version) + ") to add the " + version + " notes to. Release "
            + Site.minorName(version) + " first, or write its post. Nothing was written.");
      }
      String path = path(version, day);
      byte[] post = (frontMatter(day) + "\n" + (highlights.isBlank() ? "" : highlights.strip() + "\n\n")
          + GeneratedBlock.of(id, generated)).getBytes(StandardCharsets.UTF_8);
      ws.commit(onto, tip, "Add the " + id + " release notes", Map.of(path, post));
      return StepResult.done(path + " on " + onto + " written with " + notes.entries().size() + " notes entries");
    }
    String path = existing.get();
    String text = new String(ws.readFile(tip, path).orElseThrow(), StandardCharsets.UTF_8);
    Optional<GeneratedBlock> block = GeneratedBlock.find(text, id);
    String updated;
    String what;
    if (block.isEmpty()) {
      if (GeneratedBlock.hasAnyMarker(text, id)) {
        throw new ConflictException(path + " on " + onto + " has a damaged marker of the generated " + id
            + " notes (one of the two <!-- releasekit:notes " + id + " ... --> lines was changed or removed)."
            + " Nothing was written. Restore the marker, or remove both with the notes between them to have them"
            + " written again.");
      }
      if (version.patch() == 0) {
        throw new ConflictException(path + " on " + onto + " exists but releasekit did not write it (it has no"
            + " <!-- releasekit:notes " + id + " ... --> markers), so it will not rewrite it. Nothing was"
            + " written. Paste the notes into it by hand, or move it away to have it generated.");
      }
      int at = firstBlock(text);
      updated = text.substring(0, at) + GeneratedBlock.of(id, patchSection(version, day, generated)) + "\n"
          + text.substring(at);
      what = "the " + id + " section added";
    } else {
      GeneratedBlock found = block.get();
      String wanted = GeneratedBlock.of(id, version.patch() == 0 ? generated : patchSection(version, day,
          generated));
      if (text.substring(found.start(), found.end()).equals(wanted)) {
        return StepResult.alreadyDone(path + " on " + onto + " holds the " + id + " notes as generated");
      }
      if (!found.untouched() && !regenerateNotes) {
        throw new ConflictException(path + " on " + onto + ": someone edited the generated " + id + " notes"
            + " between the releasekit markers. Nothing was written. Move the edits outside the markers, or"
            + " regenerate that part with BlogPost.builder()...regenerateNotes() (only it is replaced). The"
            + " difference from the notes as generated now:\n" + diff(found.body(), wanted));
      }
      updated = text.substring(0, found.start()) + wanted + text.substring(found.end());
      what = found.untouched() ? "the " + id + " notes regenerated (they changed since they were written)"
          : "the " + id + " notes regenerated over a person's edits, as asked";
    }
    ws.commit(onto, tip, "Update the " + id + " release notes", Map.of(path,
        updated.getBytes(StandardCharsets.UTF_8)));
    return StepResult.done(path + " on " + onto + ": " + what + ", " + notes.entries().size() + " entries");
  }

  /** The x.y.0 post of this release on {@code tip}, found by its suffix: its date is the first run's. */
  private Optional<String> existingPost(Workspace ws, String tip, Version version) {
    String suffix = Site.postSuffix(version);
    List<String> posts = ws.list(tip, folder).stream().filter(n -> n.endsWith(suffix)
        && n.matches("\\d{4}-\\d{2}-\\d{2}-.*")).toList();
    if (posts.size() > 1) {
      throw new ConflictException("The site has " + posts.size() + " posts for " + Site.minorName(version) + " in "
          + folder + ": " + posts + ". Nothing was written. Remove the extra one, then run again.");
    }
    return posts.stream().findFirst().map(n -> folder + "/" + n);
  }

  /** Where a patch section goes: above the first generated notes, so the newest notes come first. */
  private static int firstBlock(String text) {
    int at = text.indexOf("<!-- releasekit:notes ");
    return at < 0 ? text.length() : at;
  }

  private static String patchSection(Version version, LocalDate day, String generated) {
    String heading = "## " + Site.patchHeading(version, day);
    return generated.startsWith(heading) ? generated : heading + "\n\n" + generated;
  }

  private String frontMatter(LocalDate day) {
    StringBuilder out = new StringBuilder("---\nlayout: post\n");
    out.append("title: ").append(quoted(title)).append('\n');
    out.append("description: ").append(quoted(description)).append('\n');
    out.append("date: ").append(DATE_TIME.format(LocalDateTime.of(day, time))).append('\n');
    out.append("date_formatted: ").append(quoted(FORMATTED.format(day))).append('\n');
    out.append("author: ").append(plain(author)).append('\n');
    if (authorTwitter != null) {
      out.append("author_twitter: ").append(plain(authorTwitter)).append('\n');
    }
    out.append("comments: true\n");
    if (categories.size() == 1) {
      out.append("categories: ").append(plain(categories.get(0))).append('\n');
    } else {
      out.append("categories:\n");
      categories.forEach(c -> out.append("  - ").append(plain(c)).append('\n'));
    }
    if (ogImage != null) {
      out.append("og_image: ").append(plain(ogImage)).append('\n');
    }
    return out.append("---\n").toString();
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A plain YAML scalar when it reads back as the same string, else double-quoted. */
  private static String plain(String value) {
    boolean safe = value.matches("[\\p{L}\\p{N}/][\\p{L}\\p{N} ._/()-]*") && !value.endsWith(" ")
        && !value.matches("(?i)(true|false|yes|no|on|off|null|~|[0-9.:-]+)");
    return safe ? value : quoted(value);
  }

  private static String diff(String edited, String wanted) {
    List<String> a = edited.lines().toList();
    List<String> b = wanted.lines().toList();
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (String line : a) {
      if (!b.contains(line) && shown++ < 20) {
        out.append("- ").append(line).append('\n');
      }
    }
    for (String line : b) {
      if (!a.contains(line) && !line.startsWith("<!-- releasekit:") && shown++ < 40) {
        out.append("+ ").append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** Builds a {@link BlogPost}: title, description and author are needed; the rest has the site's defaults. */
  public static final class Builder {
    private String title;
    private String description;
    private String author;
    private String authorTwitter;
    private String ogImage;
    private List<String> categories = new ArrayList<>(List.of("Release-Notes"));
    private String highlights = "";
    private LocalTime time = LocalTime.MIDNIGHT;
    private LocalDate date;
    private boolean regenerateNotes;
    private String folder = "source/_posts";
    private String branch;
    private String notesFrom;
    private String siteUrl = "https://www.home-assistant.io";

    private Builder() {
    }

    /** The live site's address, for {@link BlogPost#live()}: {@code https://www.home-assistant.io} by default. */
    public Builder siteUrl(String url) {
      this.siteUrl = Objects.requireNonNull(url, "url").replaceAll("/+$", "");
      return this;
    }

    /** The title; it must contain the minor version, {@code "0.57: Translations, Hacktoberfest, Timers"}. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** The author's name and Twitter handle, {@code author("Paulus Schoutsen", "balloob")}. */
    public Builder author(String name, String twitter) {
      this.author = name;
      this.authorTwitter = twitter;
      return this;
    }

    /** The author without a Twitter handle. */
    public Builder author(String name) {
      return author(name, null);
    }

    /** The image shown when the post is shared, {@code /images/blog/2017-11-0.57/languages.png}. */
    public Builder ogImage(String path) {
      this.ogImage = path;
      return this;
    }

    /** The categories, {@code Release-Notes} by default; several are written as a list, as the site does since 2023. */
    public Builder categories(String... categories) {
      this.categories = new ArrayList<>(List.of(categories));
      return this;
    }

    /** The writers' Markdown above the notes: the highlights, images, the integrations worth a word. */
    public Builder highlights(String markdown) {
      this.highlights = Objects.requireNonNull(markdown, "markdown");
      return this;
    }

    /** The time of day of the front matter's {@code date}, midnight by default (the 2017 posts used 04:00). */
    public Builder time(LocalTime time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * The post's date, {@code 2017-11-04}, instead of the release's date: for a post written ahead of the day.
     *
     * @throws PreconditionException when it is not an ISO date
     */
    public Builder date(String isoDate) {
      try {
        this.date = LocalDate.parse(Objects.requireNonNull(isoDate, "isoDate").strip());
      } catch (DateTimeParseException e) {
        throw new PreconditionException("The blog post's date \"" + isoDate + "\" is not a date in the form"
            + " 2017-11-04 (year, month and day, zero-padded). Give it in that form, or leave it out to use the"
            + " release's date.", e);
      }
      return this;
    }

    /** Replaces the generated notes even when a person edited them; everything outside the markers stays. */
    public Builder regenerateNotes() {
      this.regenerateNotes = true;
      return this;
    }

    /** The posts folder, {@code source/_posts} by default. */
    public Builder folder(String folder) {
      this.folder = Objects.requireNonNull(folder, "folder").replaceAll("/+$", "");
      return this;
    }

    /** The branch to write on, instead of the release branch (x.y.0) or the live branch (patch releases). */
    public Builder branch(String branch) {
      this.branch = Objects.requireNonNull(branch, "branch");
      return this;
    }

    /** Reads the notes of this repository of the release only, such as {@code core}; by default the latest. */
    public Builder notesFrom(String repository) {
      this.notesFrom = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * The post.
     *
     * @throws PreconditionException when the title, description or author is missing, or no category is given
     */
    public BlogPost build() {
      return new BlogPost(this);
    }
  }
}
