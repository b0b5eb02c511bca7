package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.files.PrependSection;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.ChangelogSection;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Prepends this version's section to the changelog on the release branch, once. */
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
    String tip = ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("Origin has no branch '"
        + branch + "' for the changelog. Cut it first."));
    byte[] content = ws.readFile(tip, path).orElseThrow(() -> new PreconditionException("The changelog " + path
        + " does not exist on " + branch + ". Create it, or set Conventions.changelogPath."));
    PrependSection file = PrependSection.at(path);
    String prefix = ChangelogSection.headingPrefix(context.version());
    if (file.hasSection(content, prefix.strip())) {
      return StepResult.alreadyDone(path + " on " + branch + " already has a section for " + context.version());
    }
    ChangelogSection.Builder section = ChangelogSection.builder()
        .version(context.version())
        .date(context.date())
        .headingPattern(context.conventions().changelogHeadingPattern());
    if (body.isPresent()) {
      section.body(body.get());
    } else {
      section.entries(ReleaseNotesStep.collect(context, branch, base).entries());
    }
    byte[] updated = file.prepend(content, section.build().text());
    ws.commit(branch, tip, context.conventions().changelogMessage(context.version()),
        Map.of(path, updated));
    return StepResult.done(path + " on " + branch + " starts with the " + context.version() + " section")
        .withOutput(new String(updated, StandardCharsets.UTF_8).lines().limit(12)
            .reduce((a, b) -> a + "\n" + b).orElse(""));
  }
}
