package dev.releasekit.notes.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Version;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A heading such as {@code ### {version} - {date:EEEE dd MMMM}}: literal text with {@code {version}} and
 * {@code {date:<java.time pattern>}} placeholders. Dates are formatted in English whatever the machine's locale,
 * so the same input gives the same bytes everywhere. Not API.
 */
public final class HeadingPattern {
  private final String pattern;
  private final List<Part> parts;

  private sealed interface Part permits Literal, VersionPart, DatePart {
  }

  private record Literal(String text) implements Part {
  }

  private record VersionPart() implements Part {
  }

  private record DatePart(DateTimeFormatter formatter) implements Part {
  }

  private HeadingPattern(String pattern, List<Part> parts) {
    this.pattern = pattern;
    this.parts = List.copyOf(parts);
  }

  public static HeadingPattern parse(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new PreconditionException("The heading pattern is empty; give one such as \"### {version} - {date:EEEE dd MMMM}\".");
    }
    if (pattern.contains("\n") || pattern.contains("\r")) {
      throw new PreconditionException("The heading pattern \"" + pattern.strip()
          + "\" spans several lines; a heading is one line, so remove the line break.");
    }
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      int open = pattern.indexOf('{', i);
      if (open < 0) {
        parts.add(new Literal(pattern.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Literal(pattern.substring(i, open)));
      }
      int close = pattern.indexOf('}', open);
      if (close < 0) {
        throw new PreconditionException("The heading pattern \"" + pattern + "\" opens a placeholder at position "
            + open + " and never closes it; write {version} or {date:<pattern>}.");
      }
      String name = pattern.substring(open + 1, close);
      if (name.equals("version")) {
        parts.add(new VersionPart());
      } else if (name.startsWith("date:") && name.length() > "date:".length()) {
        try {
          parts.add(new DatePart(DateTimeFormatter.ofPattern(name.substring(5), Locale.ENGLISH)));
        } catch (IllegalArgumentException e) {
          throw new PreconditionException("The date format \"" + name.substring(5) + "\" in the heading pattern \""
              + pattern + "\" is not a java.time pattern (" + e.getMessage() + "); use letters such as EEEE dd MMMM.", e);
        }
      } else {
        throw new PreconditionException("The heading pattern \"" + pattern + "\" has an unknown placeholder {" + name
            + "}; only {version} and {date:<java.time pattern>} exist.");
      }
      i = close + 1;
    }
    return new HeadingPattern(pattern, parts);
  }

  public String pattern() {
    return pattern;
  }

  public boolean hasVersion() {
    return parts.stream().anyMatch(VersionPart.class::isInstance);
  }

  public boolean needsDate() {
    return parts.stream().anyMatch(DatePart.class::isInstance);
  }

  public String format(Version version, Optional<LocalDate> date) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      append(out, part, version, date);
    }
    return out.toString();
  }

  /**
   * The heading up to and including the version, plus the one character after it (a space in PostHog's heading):
   * what stays the same when the rest of an existing heading was written by hand (an en dash instead of a hyphen,
   * another date format), and what keeps {@code 1.1.0} from matching {@code 1.1.01}.
   */
  public String prefix(Version version, Optional<LocalDate> date) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      append(out, part, version, date);
      if (part instanceof VersionPart) {
        if (i + 1 < parts.size() && parts.get(i + 1) instanceof Literal next) {
          out.append(next.text().charAt(0));
        }
        return out.toString();
      }
    }
    throw new PreconditionException("The heading pattern \"" + pattern
        + "\" has no {version}; add it so an existing section can be recognised.");
  }

  /** The literal text before the first placeholder: what every heading written with this pattern starts with. */
  public String marker() {
    return parts.get(0) instanceof Literal literal ? literal.text() : "";
  }

  private void append(StringBuilder out, Part part, Version version, Optional<LocalDate> date) {
    if (part instanceof Literal literal) {
      out.append(literal.text());
    } else if (part instanceof VersionPart) {
      out.append(version);
    } else if (part instanceof DatePart datePart) {
      LocalDate day = date.orElseThrow(() -> new PreconditionException("The heading pattern \"" + pattern
          + "\" needs a date for " + version + "; pass date(LocalDate) to the builder."));
      out.append(datePart.formatter().format(day));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HeadingPattern that && pattern.equals(that.pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
