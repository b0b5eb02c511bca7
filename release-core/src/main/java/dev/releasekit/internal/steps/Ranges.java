package dev.releasekit.internal.steps;

import dev.releasekit.PreconditionException;
import dev.releasekit.git.Workspace;
import dev.releasekit.version.Version;
import java.util.Optional;

/** Where a release's history starts: the previous release's tag, found among origin's tags by version. */
final class Ranges {
  private Ranges() {
  }

  /** The tag of the newest release before {@code version}, or empty when there is none. */
  static Optional<String> previousTag(Workspace ws, Version version) {
    String best = null;
    Version bestVersion = null;
    for (String ref : ws.remoteRefs().keySet()) {
      if (!ref.startsWith("refs/tags/") || ref.endsWith("^{}")) {
        continue;
      }
      String tag = ref.substring("refs/tags/".length());
      Version v;
      try {
        v = Version.parse(tag.startsWith("v") ? tag.substring(1) : tag);
      } catch (PreconditionException e) {
        continue;
      }
      if (!v.isPreRelease() && version.isAfter(v) && (bestVersion == null || v.isAfter(bestVersion))) {
        best = tag;
        bestVersion = v;
      }
    }
    return Optional.ofNullable(best);
  }
}
