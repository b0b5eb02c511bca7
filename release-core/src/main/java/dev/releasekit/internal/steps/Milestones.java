package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Milestone;
import dev.releasekit.version.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Finds a release's milestone as hass-release does: by exact title, or the open one with the highest version. */
final class Milestones {
  private Milestones() {
  }

  static Milestone resolve(Hosting hosting, Optional<String> title, Consumer<String> warn) {
    if (title.isPresent()) {
      return hosting.milestone(title.get()).orElseThrow(() -> new PreconditionException("No milestone is titled '"
          + title.get() + "'. Open milestones: " + hosting.openMilestones().stream().map(Milestone::title).toList()
          + ". Use one of them, or create it."));
    }
    List<Milestone> open = hosting.openMilestones();
    Milestone best = null;
    Version bestVersion = null;
    for (Milestone m : open) {
      Version v;
      try {
        v = Version.parse(m.title());
      } catch (PreconditionException e) {
        warn.accept("milestone '" + m.title() + "' is not a version; ignored");
        continue;
      }
      if (bestVersion == null || v.isAfter(bestVersion)) {
        best = m;
        bestVersion = v;
      }
    }
    if (best == null) {
      throw new PreconditionException("No open milestone is titled with a version (open: "
          + open.stream().map(Milestone::title).sorted(Comparator.naturalOrder()).toList()
          + "). Pass the title: cherryPickMilestone(\"0.57\").");
    }
    return best;
  }
}
