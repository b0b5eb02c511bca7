package dev.releasekit.website;

import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.notes.Variant;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.StepContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of an announcement, with fields filled from the release's typed results. A field names a result that an
 * earlier step produced; when none did, rendering fails (the plan shows the step BLOCKED, naming the field and the
 * step that produces it) instead of posting an empty link.
 *
 * <pre>{@code
 * MessageTemplate text = MessageTemplate.of("Home Assistant {version} is out! {blog.url}\n{notes}")
 *     .toBuilder().notesLines(3).build();
 * }</pre>
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><td>{@code {version}}</td><td>the version being released</td></tr>
 *   <tr><td>{@code {release.url}}</td><td>the published release's page ({@code ResultKey.PUBLISHED_RELEASE},
 *       from {@code Release.publishRelease()}); a draft is refused</td></tr>
 *   <tr><td>{@code {blog.url}}</td><td>the blog post ({@link WebsiteResults#BLOG_POST_URL}, from the website's
 *       blog-post step)</td></tr>
 *   <tr><td>{@code {pr.url}}</td><td>the release pull request ({@code ResultKey.RELEASE_PR}, from
 *       {@code Release.openPr()})</td></tr>
 *   <tr><td>{@code {notes}}</td><td>the first lines of the release notes ({@code ResultKey.NOTES}, from
 *       {@code Release.releaseNotes()}), GitHub variant</td></tr>
 * </table>
 * Write <code>{{</code> for a literal brace. A field that is not in this table is refused when the template is made.
 */
public final class MessageTemplate {
  private static final Pattern FIELD = Pattern.compile("\\{\\{|\\{([^{}]*)}");

  /** The fields a template may name. */
  public enum Field {
    VERSION("version", "the version", null, null),
    RELEASE_URL("release.url", "the published release's URL", ResultKey.PUBLISHED_RELEASE,
        "Release.publishRelease()"),
    BLOG_URL("blog.url", "the blog post's URL", WebsiteResults.BLOG_POST_URL, "the website's blog-post step"),
    PR_URL("pr.url", "the release pull request", ResultKey.RELEASE_PR, "Release.openPr()"),
    NOTES("notes", "the release notes", ResultKey.NOTES, "Release.releaseNotes()");

    private final String placeholder;
    private final String what;
    private final ResultKey<?> key;
    private final String producer;

    Field(String placeholder, String what, ResultKey<?> key, String producer) {
      this.placeholder = placeholder;
      this.what = what;
      this.key = key;
      this.producer = producer;
    }

    /** The name between the braces: {@code release.url}. */
    public String placeholder() {
      return placeholder;
    }

    /** The field written {@code {name}}, if there is one. */
    public static Optional<Field> named(String name) {
      String stripped = name.strip();
      return Arrays.stream(values()).filter(f -> f.placeholder.equals(stripped)).findFirst();
    }

    /** The result this field reads, or empty for {@code {version}}. */
    public Optional<ResultKey<?>> key() {
      return Optional.ofNullable(key);
    }
  }

  private final String text;
  private final int notesLines;
  private final List<Field> fields;

  private MessageTemplate(Builder builder) {
    this.text = Objects.requireNonNull(builder.text, "text");
    if (builder.notesLines < 1) {
      throw new PreconditionException("notesLines must be at least 1, not " + builder.notesLines + ".");
    }
    this.notesLines = builder.notesLines;
    this.fields = parse(text);
  }

  /** A template; a field it names that does not exist is a {@link PreconditionException} now, not on release day. */
  public static MessageTemplate of(String text) {
    return new Builder(text).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public String text() {
    return text;
  }

  /** The fields the template names, in order of first use. */
  public List<Field> fields() {
    return fields;
  }

  /** How many lines of the notes {@code {notes}} takes (default 5); more are cut with an ellipsis. */
  public int notesLines() {
    return notesLines;
  }

  private static List<Field> parse(String text) {
    List<Field> found = new ArrayList<>();
    Matcher matcher = FIELD.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1) == null) {
        continue;
      }
      String name = matcher.group(1).strip();
      Field field = Field.named(name).orElseThrow(() -> new PreconditionException("The announcement template names {" + name + "}, which is"
              + " not a field. Use one of " + Arrays.stream(Field.values()).map(f -> "{" + f.placeholder + "}")
              .collect(Collectors.joining(", ")) + ", or write {{ for a literal brace."));
      if (!found.contains(field)) {
        found.add(field);
      }
    }
    return List.copyOf(found);
  }

  /**
   * The text with every field filled from {@code context}'s results. Throws a {@link PreconditionException} naming
   * the field and the step that produces it when no earlier step did, and when the release is still a draft.
   */
  public String render(StepContext context) {
    Matcher matcher = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = matcher.group(1) == null ? "{" : value(context,
          Field.named(matcher.group(1)).orElseThrow());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String value(StepContext context, Field field) {
    switch (field) {
      case VERSION:
        return context.version().toString();
      case RELEASE_URL:
        HostedRelease release = require(context, field, ResultKey.PUBLISHED_RELEASE);
        if (release.isDraft()) {
          throw new PreconditionException("The announcement links {release.url}, but the release " + release.tag()
              + " is still a draft, which people cannot open. Publish it first (Release.publishRelease() before"
              + " the announcement).");
        }
        return release.url();
      case BLOG_URL:
        return require(context, field, WebsiteResults.BLOG_POST_URL);
      case PR_URL:
        PullRequest pr = require(context, field, ResultKey.RELEASE_PR);
        return pr.url();
      case NOTES:
        return excerpt(require(context, field, ResultKey.NOTES).render(Variant.GITHUB));
      default:
        throw new IllegalStateException("unhandled field " + field);
    }
  }

  private static <T> T require(StepContext context, Field field, ResultKey<T> key) {
    return context.result(key).orElseThrow(() -> new PreconditionException("The announcement template uses {"
        + field.placeholder + "}, " + field.what + ", but no earlier step of the release produced it (result '"
        + key.name() + "', set by " + field.producer + "). Add that step before the announcement, or take {"
        + field.placeholder + "} out of the template; an announcement never goes out with an empty link."));
  }

  private String excerpt(String notes) {
    List<String> lines = notes.lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
    if (lines.size() <= notesLines) {
      return String.join("\n", lines);
    }
    return String.join("\n", lines.subList(0, notesLines)) + "\n…";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageTemplate template && template.text.equals(text)
        && template.notesLines == notesLines;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, notesLines);
  }

  @Override
  public String toString() {
    return "MessageTemplate[" + text + "]";
  }

  /** Builds a {@link MessageTemplate}. */
  public static final class Builder {
    private String text;
    private int notesLines = 5;

    private Builder(String text) {
      this.text = text;
    }

    private Builder(MessageTemplate template) {
      this.text = template.text;
      this.notesLines = template.notesLines;
    }

    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /** How many non-blank lines of the notes {@code {notes}} takes. */
    public Builder notesLines(int lines) {
      this.notesLines = lines;
      return this;
    }

    public MessageTemplate build() {
      return new MessageTemplate(this);
    }
  }
}
