package dev.releasekit.internal;

import dev.releasekit.Conventions;
import dev.releasekit.spi.Step;
import dev.releasekit.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a release's verbs into concrete steps once its version and conventions are final. Verbs that move the
 * release onto a branch (cutting one) change {@link #branch} for the verbs after them.
 */
public final class Blueprint {
  public final Version version;
  public final Conventions conventions;
  public String branch;
  private final List<Step> steps = new ArrayList<>();

  public Blueprint(Version version, Conventions conventions) {
    this.version = version;
    this.conventions = conventions;
    this.branch = conventions.mainBranch();
  }

  public void add(Step step) {
    steps.add(step);
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** One verb of a release, applied to the blueprint in order. */
  @FunctionalInterface
  public interface Verb {
    void addTo(Blueprint blueprint);
  }
}
