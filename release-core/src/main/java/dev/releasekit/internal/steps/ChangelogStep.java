package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.files.PrependSection;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.ChangelogSection;
import dev.releasekit.notes.DroppedCommit;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.Map;
import java.util.Optional;

/**
 * Prepends this version's section to the changelog on the release branch, once, dated with the release's date.
 * A section that would be empty (no body given and no pull request of the release known to the hosting) is
 * BLOCKED with nothing written: an empty section, once written, would make every re-run ALREADY_DONE.
 */
public final class ChangelogStep implements Step {
  private final String branch;
  private final String base;
  private final Optional<String> body;

  public ChangelogStep(String branch, String base, Optional<String> body) {
    this.branch = branch;
    this.base = base;
    this.body = body;
  }

  @Override
  public String description() {
    return "add the changelog section on " + branch;
  }

  @Override
  public StepResult apply(StepContext context) {
    Workspace ws = context.workspace();
    String path = context.conventions().changelogPath();
    String pattern = context.conventions().changelogHeadingPattern();
    String tip = ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("Origin has no branch '"
        + branch + "' for the changelog. Cut it first."));
    byte[] content = ws.readFile(tip, path).orElseThrow(() -> new PreconditionException("The changelog " + path
        + " does not exist on " + branch + ". Create it, or set Conventions.changelogPath."));
    PrependSection file = PrependSection.at(path);
    String prefix = ChangelogSection.headingPrefix(context.version(), pattern);
    if (file.hasSection(content, prefix.strip())) {
      return StepResult.alreadyDone(path + " on " + branch + " already has a section for " + context.version());
    }
    ChangelogSection.Builder section = ChangelogSection.builder()
        .version(context.version())
        .date(context.date())
        .headingPattern(pattern);
    if (body.isPresent()) {
      if (body.get().isBlank()) {
        throw new PreconditionException("The changelog body given for " + context.version() + " is empty, and an"
            + " empty section would stay on re-runs. Pass the body: changelog(\"- What changed\").");
      }
      section.body(body.get());
    } else {
      ReleaseNotes notes = ReleaseNotesStep.collect(context, branch, base);
      if (notes.entries().isEmpty()) {
        throw new PreconditionException("The changelog section for " + context.version() + " would be empty:"
            + " none of the " + notes.dropped().size() + " commits on " + branch + " brings a pull request the"
            + " hosting knows" + dropSummary(notes) + ". Nothing was written. Pass the body with"
            + " changelog(\"- What changed\"), or check the hosting (its repository and token) and run again.");
      }
      section.entries(notes.entries());
    }
    byte[] updated = file.prepend(content, section.build().text());
    ws.commit(branch, tip, context.conventions().changelogMessage(context.version()),
        Map.of(path, updated));
    // The change's diff shows the section; the file itself is not repeated as output.
    return StepResult.done(path + " on " + branch + " starts with the " + context.version() + " section");
  }

  private static String dropSummary(ReleaseNotes notes) {
    if (notes.dropped().isEmpty()) {
      return "";
    }
    return " (" + notes.dropped().stream().limit(5).map(DroppedCommit::toString)
        .reduce((a, b) -> a + "; " + b).orElse("") + (notes.dropped().size() > 5 ? "; ..." : "") + ")";
  }
}
