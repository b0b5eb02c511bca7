package dev.releasekit.notes;

import dev.releasekit.PreconditionException;
import dev.releasekit.notes.internal.HeadingPattern;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How release notes are laid out: which sections exist and which entries they take, the decorations appended to
 * a line, where documentation links come from, which label marks a reverted pull request, and how a patch release
 * is headed. An immutable value; derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * NotesStyle style = NotesStyle.homeAssistant().toBuilder()
 *     .docsBaseUrl(Variant.GITHUB, "https://next.home-assistant.io/integrations/")
 *     .build();
 * }</pre>
 *
 * <h2>Presets</h2>
 * <ul>
 *   <li>{@link #homeAssistant()}: sections, in this order, empty ones omitted: {@code New Integrations} (label
 *       {@code new-integration}), {@code New Platforms} ({@code new-platform}), {@code Breaking Changes}
 *       ({@code breaking-change}), {@code Beta Fixes} ({@code cherry-picked}; x.y.0 releases only) and
 *       {@code All changes} (every entry). Every grouping label the pull request has ({@code new-integration},
 *       {@code new-platform}, {@code breaking-change}) is written as a decoration, {@code (new-integration)}, in
 *       the order of the pull request's labels sorted by name (as GitHub returns them); then, on x.y.0 releases,
 *       {@code (beta fix)} for {@code cherry-picked}. Labels {@code integration: <x>} give a {@code ([x docs])}
 *       link. Reverted label {@code reverted}. The website file carries {@link #HOME_ASSISTANT_HELP} and
 *       {@code <!--more-->} before {@code Breaking Changes}. A patch release has no sections, and its website file
 *       (only it) starts {@code ## Release 0.57.2 - November 5}.
 *   <li>{@link #semver()}: conventional commits. {@code Breaking Changes} (a {@code !} before the colon or
 *       {@code BREAKING CHANGE} in the message), {@code Features} ({@code feat}), {@code Bug Fixes}
 *       ({@code fix}), {@code Other changes} (every entry no other section took). Lines show the description
 *       without the {@code type(scope):} prefix, the scope in bold. Patch releases keep their sections.
 *   <li>{@link #postHog()}: like {@link #semver()}, with PostHog's own heading for fixes,
 *       {@code Bug Fixes and Performance Improvements}, which also takes {@code perf}.
 * </ul>
 *
 * <p>An entry may sit in several sections (a new platform that breaks something is in both); the
 * {@link Rule#unmatched()} rule takes only entries no other section of the style took.
 */
public final class NotesStyle {

  /**
   * Home Assistant's own help text, which the website file puts before {@code Breaking Changes}, followed by
   * {@code <!--more-->} (the blog's excerpt separator): byte for byte the block of hass-release's website template.
   */
  public static final String HOME_ASSISTANT_HELP = "## If you need help...\n"
      + "\n"
      + "...don't hesitate to use our very active [forums](https://community.home-assistant.io/) or join us for a"
      + " little [chat](https://discord.gg/c5DvZ4e).\n"
      + "\n"
      + "## Reporting Issues\n"
      + "\n"
      + "Experiencing issues introduced by this release? Please report them in our [issue tracker]"
      + "(https://github.com/home-assistant/home-assistant/issues). Make sure to fill in all fields of the issue"
      + " template.";

  /** When a section or decoration applies. */
  public enum Applies {
    /** On every release. */
    ALWAYS,
    /** Only on x.y.0 releases (and their betas): patch releases are made of cherry-picks, so marking them is noise. */
    DOT_ZERO_RELEASES
  }

  /** What a line shows of the commit title. */
  public enum TitleForm {
    /** The subject without its {@code (#N)}, as written. */
    SUBJECT,
    /** The conventional-commit description, the scope in bold: {@code **api:** Split event endpoint}. */
    DESCRIPTION
  }

  /**
   * A section of the notes.
   *
   * @param heading the title, rendered {@code ## heading}
   * @param rule which entries it takes
   * @param applies on which releases it exists
   */
  public record Section(String heading, Rule rule, Applies applies) {
    public Section {
      requireLine(heading, "section heading");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(applies, "applies");
    }
  }

  /**
   * Text appended to a line whose pull request carries a label.
   *
   * @param label the label
   * @param text what is appended, for example {@code (beta fix)}
   * @param applies on which releases it is appended
   */
  public record Decoration(String label, String text, Applies applies) {
    public Decoration {
      requireLine(label, "decoration label");
      requireLine(text, "decoration text");
      Objects.requireNonNull(applies, "applies");
    }
  }

  /**
   * Which entries a section takes.
   *
   * <pre>{@code
   * Rule.label("new-platform");   // pull requests labelled new-platform
   * Rule.type("fix", "perf");     // conventional types
   * Rule.breaking();              // "feat!:" or BREAKING CHANGE in the message
   * Rule.all();                   // every entry
   * Rule.unmatched();             // entries no other section took
   * }</pre>
   */
  public static final class Rule {
    private enum Kind { LABEL, TYPE, BREAKING, ALL, UNMATCHED }

    private final Kind kind;
    private final List<String> values;

    private Rule(Kind kind, List<String> values) {
      this.kind = kind;
      this.values = List.copyOf(values);
    }

    /** Entries whose pull request carries any of these labels. */
    public static Rule label(String... labels) {
      return new Rule(Kind.LABEL, nonEmpty(labels, "label"));
    }

    /** Entries whose conventional-commit type is one of these ({@code feat}, {@code fix}, ...). */
    public static Rule type(String... types) {
      return new Rule(Kind.TYPE, nonEmpty(types, "type"));
    }

    /** Entries that announce a breaking change the conventional-commit way; see {@link NoteEntry#isBreaking()}. */
    public static Rule breaking() {
      return new Rule(Kind.BREAKING, List.of());
    }

    /** Every entry. */
    public static Rule all() {
      return new Rule(Kind.ALL, List.of());
    }

    /** Entries that no other section of the style took (on this release). */
    public static Rule unmatched() {
      return new Rule(Kind.UNMATCHED, List.of());
    }

    /** Whether this rule takes entries no other section took, rather than testing the entry itself. */
    public boolean isUnmatched() {
      return kind == Kind.UNMATCHED;
    }

    /** Whether the entry belongs here; an {@link #unmatched()} rule answers false, as it depends on the others. */
    public boolean matches(NoteEntry entry) {
      return switch (kind) {
        case LABEL -> values.stream().anyMatch(entry::hasLabel);
        case TYPE -> entry.type().map(values::contains).orElse(false);
        case BREAKING -> entry.isBreaking();
        case ALL -> true;
        case UNMATCHED -> false;
      };
    }

    private static List<String> nonEmpty(String[] values, String what) {
      if (values == null || values.length == 0) {
        throw new PreconditionException("A " + what + " rule needs at least one " + what + "; name one.");
      }
      for (String value : values) {
        requireLine(value, what);
      }
      return List.of(values);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Rule that && kind == that.kind && values.equals(that.values);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, values);
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT) + (values.isEmpty() ? "" : values.toString());
    }
  }

  private final List<Section> sections;
  private final List<Decoration> decorations;
  private final List<String> labelDecorations;
  private final Optional<String> docsLabelPrefix;
  private final Map<Variant, String> docsBaseUrls;
  private final Optional<String> revertedLabel;
  private final Optional<String> websiteHelp;
  private final Optional<String> websiteHelpBefore;
  private final Optional<HeadingPattern> patchHeading;
  private final Set<Variant> patchHeadingVariants;
  private final TitleForm titleForm;

  private NotesStyle(Builder builder) {
    this.sections = List.copyOf(builder.sections);
    this.decorations = List.copyOf(builder.decorations);
    this.labelDecorations = List.copyOf(builder.labelDecorations);
    this.docsLabelPrefix = builder.docsLabelPrefix;
    this.docsBaseUrls = Map.copyOf(builder.docsBaseUrls);
    this.revertedLabel = builder.revertedLabel;
    this.websiteHelp = builder.websiteHelp;
    this.websiteHelpBefore = builder.websiteHelpBefore;
    this.patchHeading = builder.patchHeading;
    this.patchHeadingVariants = Set.copyOf(builder.patchHeadingVariants);
    this.titleForm = builder.titleForm;
  }

  /** Home Assistant's release notes, as hass-release writes them (see the class comment). */
  public static NotesStyle homeAssistant() {
    return builder()
        .section("New Integrations", Rule.label("new-integration"))
        .section("New Platforms", Rule.label("new-platform"))
        .section("Breaking Changes", Rule.label("breaking-change"))
        .section("Beta Fixes", Rule.label("cherry-picked"), Applies.DOT_ZERO_RELEASES)
        .section("All changes", Rule.all())
        .labelDecorations("new-integration", "new-platform", "breaking-change")
        .decoration("cherry-picked", "(beta fix)", Applies.DOT_ZERO_RELEASES)
        .docsLabelPrefix("integration: ")
        .docsBaseUrl(Variant.WEBSITE, "/integrations/")
        .docsBaseUrl(Variant.GITHUB, "https://www.home-assistant.io/integrations/")
        .revertedLabel("reverted")
        .websiteHelp(HOME_ASSISTANT_HELP, "Breaking Changes")
        .patchHeading("## Release {version} - {date:MMMM d}", Variant.WEBSITE)
        .build();
  }

  /** Conventional commits with PostHog's headings (see the class comment). */
  public static NotesStyle postHog() {
    return builder()
        .section("Breaking Changes", Rule.breaking())
        .section("Features", Rule.type("feat"))
        .section("Bug Fixes and Performance Improvements", Rule.type("fix", "perf"))
        .section("Other changes", Rule.unmatched())
        .revertedLabel("reverted")
        .titleForm(TitleForm.DESCRIPTION)
        .build();
  }

  /** Conventional commits with plain headings (see the class comment). */
  public static NotesStyle semver() {
    return builder()
        .section("Breaking Changes", Rule.breaking())
        .section("Features", Rule.type("feat"))
        .section("Bug Fixes", Rule.type("fix"))
        .section("Other changes", Rule.unmatched())
        .revertedLabel("reverted")
        .titleForm(TitleForm.DESCRIPTION)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.sections.addAll(sections);
    builder.decorations.addAll(decorations);
    builder.labelDecorations.addAll(labelDecorations);
    builder.docsLabelPrefix = docsLabelPrefix;
    builder.docsBaseUrls.putAll(docsBaseUrls);
    builder.revertedLabel = revertedLabel;
    builder.websiteHelp = websiteHelp;
    builder.websiteHelpBefore = websiteHelpBefore;
    builder.patchHeading = patchHeading;
    builder.patchHeadingVariants.addAll(patchHeadingVariants);
    builder.titleForm = titleForm;
    return builder;
  }

  /** The sections, in the order they are rendered. */
  public List<Section> sections() {
    return sections;
  }

  /**
   * The decorations appended after the {@link #labelDecorations() label decorations}, in this order, for the labels
   * they name.
   */
  public List<Decoration> decorations() {
    return decorations;
  }

  /**
   * The labels that decorate a line with their own name in parentheses ({@code (new-platform)}), on every release,
   * in the order of the pull request's labels sorted by name: GitHub's order, which hass-release writes.
   */
  public List<String> labelDecorations() {
    return labelDecorations;
  }

  /** The label prefix naming a documentation page, {@code integration: } for Home Assistant. */
  public Optional<String> docsLabelPrefix() {
    return docsLabelPrefix;
  }

  /** Where documentation pages live for a variant; the page is {@code <base><name>/}. */
  public Optional<String> docsBaseUrl(Variant variant) {
    return Optional.ofNullable(docsBaseUrls.get(variant));
  }

  /** The label that drops a pull request from the notes. */
  public Optional<String> revertedLabel() {
    return revertedLabel;
  }

  /** The paragraph the website file puts, with {@code <!--more-->}, before {@link #websiteHelpBefore()}. */
  public Optional<String> websiteHelp() {
    return websiteHelp;
  }

  /**
   * The section the help paragraph precedes; when that section is empty, the next rendered one (or the end of the
   * sections when none follows).
   */
  public Optional<String> websiteHelpBefore() {
    return websiteHelpBefore;
  }

  /**
   * The heading of a patch release (patch number not 0), which then has no sections; empty when patch releases
   * keep their sections.
   */
  public Optional<String> patchHeading() {
    return patchHeading.map(HeadingPattern::pattern);
  }

  Optional<HeadingPattern> patchHeadingPattern() {
    return patchHeading;
  }

  /** The variants that start a patch release with the {@link #patchHeading() patch heading}. */
  public Set<Variant> patchHeadingVariants() {
    return patchHeadingVariants;
  }

  public TitleForm titleForm() {
    return titleForm;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NotesStyle that
        && sections.equals(that.sections)
        && decorations.equals(that.decorations)
        && labelDecorations.equals(that.labelDecorations)
        && docsLabelPrefix.equals(that.docsLabelPrefix)
        && docsBaseUrls.equals(that.docsBaseUrls)
        && revertedLabel.equals(that.revertedLabel)
        && websiteHelp.equals(that.websiteHelp)
        && websiteHelpBefore.equals(that.websiteHelpBefore)
        && patchHeading.equals(that.patchHeading)
        && patchHeadingVariants.equals(that.patchHeadingVariants)
        && titleForm == that.titleForm;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sections, decorations, labelDecorations, docsLabelPrefix, docsBaseUrls, revertedLabel,
        websiteHelp, websiteHelpBefore, patchHeading, patchHeadingVariants, titleForm);
  }

  @Override
  public String toString() {
    return "NotesStyle[sections=" + sections.stream().map(Section::heading).toList()
        + ", decorations=" + labelDecorations.stream().map(l -> "(" + l + ")").toList()
        + decorations.stream().map(Decoration::text).toList()
        + docsLabelPrefix.map(p -> ", docs label \"" + p + "\"").orElse("")
        + patchHeading.map(p -> ", patch heading \"" + p + "\"").orElse("")
        + ", title " + titleForm + "]";
  }

  static void requireLine(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new PreconditionException("The " + what + " is empty; give it some text.");
    }
    if (value.contains("\n") || value.contains("\r")) {
      throw new PreconditionException("The " + what + " \"" + value.strip()
          + "\" spans several lines; it must be one line.");
    }
  }

  /** Builds a {@link NotesStyle}; start from {@link NotesStyle#builder()} or {@link NotesStyle#toBuilder()}. */
  public static final class Builder {
    private final List<Section> sections = new ArrayList<>();
    private final List<Decoration> decorations = new ArrayList<>();
    private final List<String> labelDecorations = new ArrayList<>();
    private Optional<String> docsLabelPrefix = Optional.empty();
    private final Map<Variant, String> docsBaseUrls = new EnumMap<>(Variant.class);
    private Optional<String> revertedLabel = Optional.empty();
    private Optional<String> websiteHelp = Optional.empty();
    private Optional<String> websiteHelpBefore = Optional.empty();
    private Optional<HeadingPattern> patchHeading = Optional.empty();
    private final Set<Variant> patchHeadingVariants = EnumSet.noneOf(Variant.class);
    private TitleForm titleForm = TitleForm.SUBJECT;

    private Builder() {
    }

    /** Adds a section after the ones already added; it applies to every release. */
    public Builder section(String heading, Rule rule) {
      return section(heading, rule, Applies.ALWAYS);
    }

    public Builder section(String heading, Rule rule, Applies applies) {
      Section section = new Section(heading, rule, applies);
      if (sections.stream().anyMatch(s -> s.heading().equals(heading))) {
        throw new PreconditionException("The style already has a section \"" + heading
            + "\"; give each section its own heading.");
      }
      sections.add(section);
      return this;
    }

    /** Removes every section, to lay them out anew on a copy of a preset. */
    public Builder clearSections() {
      sections.clear();
      return this;
    }

    public Builder decoration(String label, String text) {
      return decoration(label, text, Applies.ALWAYS);
    }

    public Builder decoration(String label, String text, Applies applies) {
      decorations.add(new Decoration(label, text, applies));
      return this;
    }

    /** Removes every decoration, label decorations included. */
    public Builder clearDecorations() {
      decorations.clear();
      labelDecorations.clear();
      return this;
    }

    /**
     * Labels that decorate a line with their own name, {@code (new-platform)}, in the pull request's label order
     * sorted by name; see {@link NotesStyle#labelDecorations()}.
     */
    public Builder labelDecorations(String... labels) {
      for (String label : labels) {
        requireLine(label, "decoration label");
        if (!labelDecorations.contains(label)) {
          labelDecorations.add(label);
        }
      }
      return this;
    }

    /** Labels starting with this prefix name a documentation page: {@code integration: hue} gives {@code [hue docs]}. */
    public Builder docsLabelPrefix(String prefix) {
      if (prefix == null || prefix.isBlank()) {
        throw new PreconditionException("The docs label prefix is empty; give one such as \"integration: \".");
      }
      this.docsLabelPrefix = Optional.of(prefix);
      return this;
    }

    public Builder noDocsLinks() {
      this.docsLabelPrefix = Optional.empty();
      this.docsBaseUrls.clear();
      return this;
    }

    public Builder docsBaseUrl(Variant variant, String baseUrl) {
      Objects.requireNonNull(variant, "variant");
      docsBaseUrls.put(variant, ReleaseNotes.withTrailingSlash(baseUrl, "docs base URL for " + variant));
      return this;
    }

    public Builder revertedLabel(String label) {
      requireLine(label, "reverted label");
      this.revertedLabel = Optional.of(label);
      return this;
    }

    /** The website file's help paragraph (Markdown) and the section it precedes, followed by {@code <!--more-->}. */
    public Builder websiteHelp(String paragraph, String beforeSection) {
      if (paragraph == null || paragraph.isBlank()) {
        throw new PreconditionException("The website help paragraph is empty; give the text, or call noWebsiteHelp().");
      }
      requireLine(beforeSection, "section the help paragraph precedes");
      this.websiteHelp = Optional.of(paragraph.strip());
      this.websiteHelpBefore = Optional.of(beforeSection);
      return this;
    }

    public Builder noWebsiteHelp() {
      this.websiteHelp = Optional.empty();
      this.websiteHelpBefore = Optional.empty();
      return this;
    }

    /**
     * Patch releases have no sections, and the given variants (every variant when none is named) start with this
     * heading. The pattern takes {@code {version}} and {@code {date:<java.time pattern>}}, formatted in English:
     * {@code ## Release {version} - {date:MMMM d}}.
     */
    public Builder patchHeading(String pattern, Variant... variants) {
      this.patchHeading = Optional.of(HeadingPattern.parse(pattern));
      patchHeadingVariants.clear();
      patchHeadingVariants.addAll(variants.length == 0 ? EnumSet.allOf(Variant.class) : List.of(variants));
      return this;
    }

    /** Patch releases keep their sections, like any release. */
    public Builder noPatchHeading() {
      this.patchHeading = Optional.empty();
      patchHeadingVariants.clear();
      return this;
    }

    public Builder titleForm(TitleForm titleForm) {
      this.titleForm = Objects.requireNonNull(titleForm, "titleForm");
      return this;
    }

    public NotesStyle build() {
      if (websiteHelpBefore.isPresent()
          && sections.stream().noneMatch(s -> s.heading().equals(websiteHelpBefore.get()))) {
        throw new PreconditionException("The website help paragraph is to precede the section \""
            + websiteHelpBefore.get() + "\", which the style does not have; name one of "
            + sections.stream().map(Section::heading).toList() + ".");
      }
      return new NotesStyle(this);
    }
  }
}
