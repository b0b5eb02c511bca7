package dev.releasekit.notes;

import dev.releasekit.notes.internal.GitHubEmails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Renders one {@link ReleaseNotes} for one {@link Variant}; a fresh instance per call keeps rendering pure. */
final class NotesRenderer {
  private final ReleaseNotes notes;
  private final NotesStyle style;
  private final Variant variant;
  private final String userUrlBase;
  private final Optional<String> docsBase;
  private final Optional<LocalDate> date;
  private final boolean dotZero;
  // TreeSet: String order is the plain code-unit order hass-release's sorted() gives for these ASCII lines.
  private final Set<String> links = new TreeSet<>();

  NotesRenderer(ReleaseNotes notes, Variant variant, String userUrlBase, Optional<String> docsBase,
      Optional<LocalDate> date) {
    this.notes = notes;
    this.style = notes.style();
    this.variant = variant;
    this.userUrlBase = userUrlBase;
    this.docsBase = docsBase;
    this.date = date;
    this.dotZero = notes.isDotZero();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    if (!dotZero && style.patchHeadingPattern().isPresent()) {
      if (style.patchHeadingVariants().contains(variant)) {
        out.append(style.patchHeadingPattern().get().format(notes.version(), date)).append("\n\n");
      }
      appendLines(out, notes.entries());
    } else {
      renderSections(out);
    }
    if (!links.isEmpty()) {
      out.append(String.join("\n", links)).append('\n');
    }
    return trimTrailingBlankLines(out);
  }

  private void renderSections(StringBuilder out) {
    List<NotesStyle.Section> sections = style.sections();
    int helpAt = -1;
    if (variant == Variant.WEBSITE && style.websiteHelp().isPresent()) {
      for (int i = 0; i < sections.size(); i++) {
        if (sections.get(i).heading().equals(style.websiteHelpBefore().orElseThrow())) {
          helpAt = i;
        }
      }
    }
    Set<NoteEntry> taken = new HashSet<>();
    List<List<NoteEntry>> members = new ArrayList<>();
    for (NotesStyle.Section section : sections) {
      List<NoteEntry> list = new ArrayList<>();
      if (applies(section.applies()) && !section.rule().isUnmatched()) {
        for (NoteEntry entry : notes.entries()) {
          if (section.rule().matches(entry)) {
            list.add(entry);
          }
        }
        taken.addAll(list);
      }
      members.add(list);
    }
    for (int i = 0; i < sections.size(); i++) {
      NotesStyle.Section section = sections.get(i);
      if (applies(section.applies()) && section.rule().isUnmatched()) {
        for (NoteEntry entry : notes.entries()) {
          if (!taken.contains(entry)) {
            members.get(i).add(entry);
          }
        }
      }
    }
    boolean helpWritten = helpAt < 0;
    for (int i = 0; i < sections.size(); i++) {
      List<NoteEntry> list = members.get(i);
      if (list.isEmpty()) {
        continue;
      }
      if (!helpWritten && i >= helpAt) {
        appendHelp(out);
        helpWritten = true;
      }
      out.append("## ").append(sections.get(i).heading()).append("\n\n");
      appendLines(out, list);
    }
    if (!helpWritten) {
      appendHelp(out);
    }
  }

  private void appendHelp(StringBuilder out) {
    out.append(style.websiteHelp().orElseThrow()).append("\n\n<!--more-->\n\n");
  }

  private void appendLines(StringBuilder out, List<NoteEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    for (NoteEntry entry : entries) {
      out.append(line(entry)).append('\n');
    }
    out.append('\n');
  }

  private boolean applies(NotesStyle.Applies applies) {
    return applies == NotesStyle.Applies.ALWAYS || dotZero;
  }

  private String line(NoteEntry entry) {
    StringBuilder line = new StringBuilder("- ").append(text(entry)).append(" (");
    if (entry.login().isPresent()) {
      String login = entry.login().get();
      String label = "[@" + login.replace("[", "\\[").replace("]", "\\]") + "]";
      line.append(label);
      links.add(label + ": " + userUrl(login));
    } else {
      line.append(entry.authorName());
    }
    line.append(" - [#").append(entry.number()).append("])");
    links.add("[#" + entry.number() + "]: " + entry.url());
    // The labels as GitHub returns them, sorted by name, whatever order the hosting gave.
    List<String> labels = entry.labels().stream().sorted().toList();
    if (style.docsLabelPrefix().isPresent()) {
      String prefix = style.docsLabelPrefix().get();
      for (String label : labels) {
        String page = label.startsWith(prefix) ? label.substring(prefix.length()).strip() : "";
        if (!page.isEmpty()) {
          line.append(" ([").append(page).append(" docs])");
          links.add("[" + page + " docs]: " + docsBase.orElseThrow() + page + "/");
        }
      }
    }
    for (String label : labels) {
      if (style.labelDecorations().contains(label)) {
        line.append(" (").append(label).append(')');
      }
    }
    for (NotesStyle.Decoration decoration : style.decorations()) {
      if (applies(decoration.applies()) && entry.hasLabel(decoration.label())) {
        line.append(' ').append(decoration.text());
      }
    }
    return line.toString();
  }

  private String text(NoteEntry entry) {
    if (style.titleForm() == NotesStyle.TitleForm.DESCRIPTION) {
      return entry.scope().map(s -> "**" + s + ":** ").orElse("") + entry.description();
    }
    return entry.title();
  }

  private String userUrl(String login) {
    if (GitHubEmails.isBot(login)) {
      return userUrlBase + "apps/" + login.substring(0, login.length() - "[bot]".length());
    }
    return userUrlBase + login;
  }

  private static String trimTrailingBlankLines(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') {
      end--;
    }
    return end == 0 ? "" : out.substring(0, end) + "\n";
  }
}
