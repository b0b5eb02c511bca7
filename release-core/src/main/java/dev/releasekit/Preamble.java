package dev.releasekit;

import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.internal.ProjectShape;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine checks before any step executes, the same in {@code plan()} and {@code run()}: that the release
 * has steps; each repository's conventions (given and fitting, or found from the project's shape on origin); its
 * history, when the fetch had to complete a shallow clone; and each work tree. Its results are the {@link Plan#preconditions()}, the release with the conventions found, and
 * its steps resolved with them, numbered as {@link Release#steps()} numbers them.
 *
 * <p>The work tree: every write releasekit makes is a commit built in memory and pushed to origin, so uncommitted
 * changes cannot leak into a release through a step that reads and writes origin. They block only the steps that
 * read the work tree ({@link Step#readsWorkTree()}): in a plan those steps are BLOCKED, and a run refuses to start.
 * When no step reads it, the plan lists the changes as a warning and the release runs.
 */
final class Preamble {
  private final Release release;
  private final List<Release.Planned> steps;
  private final List<Precondition> preconditions;

  private Preamble(Release release, List<Release.Planned> steps, List<Precondition> preconditions) {
    this.release = release;
    this.steps = List.copyOf(steps);
    this.preconditions = List.copyOf(preconditions);
  }

  /** The release's steps as declared; a release without any is refused before anything is opened. */
  static List<Release.Planned> declared(Release release) {
    List<Release.Planned> steps = release.resolve();
    if (steps.isEmpty()) {
      throw new PreconditionException("Release " + release.version() + " has no steps, so there is nothing to plan"
          + " or run. Add the steps it should take, such as .mergeForward(\"master\", \"dev\"), .cutBranch(),"
          + " .bumpVersion(), .tag(), .openPr(), .publishRelease(), or a step of your own with .then(step).");
    }
    return steps;
  }

  /**
   * Checks the repositories in {@code workspaces}, each opened and fetched.
   *
   * @throws PreconditionException when a repository's conventions cannot be found, or were given and plainly do not
   *     fit while a preset does
   */
  static Preamble of(Release release, Map<String, JGitWorkspace> workspaces) {
    boolean several = workspaces.size() > 1;
    Map<String, Conventions> found = new LinkedHashMap<>();
    Map<String, Precondition> conventions = new LinkedHashMap<>();
    for (Map.Entry<String, JGitWorkspace> entry : workspaces.entrySet()) {
      String name = entry.getKey();
      Release.Repository wired = release.wiring().repositories().get(name);
      ProjectShape shape = ProjectShape.of(entry.getValue(), where(name, entry.getValue(), several));
      if (wired.conventionsGiven()) {
        shape.requireFit(wired.given());
        conventions.put(name, new Precondition(name, "conventions", Precondition.State.HOLDS,
            "as given, " + wired.given()));
      } else {
        ProjectShape.Found shapeFound = shape.detect();
        found.put(name, shapeFound.conventions());
        conventions.put(name, new Precondition(name, "conventions", Precondition.State.HOLDS,
            shapeFound.label() + " (" + shapeFound.evidence() + ")"));
      }
    }
    Release effective = found.isEmpty() ? release : release.withConventions(found);
    List<Release.Planned> steps = new ArrayList<>(effective.resolve());
    List<Precondition> preconditions = new ArrayList<>();
    for (Map.Entry<String, JGitWorkspace> entry : workspaces.entrySet()) {
      preconditions.add(conventions.get(entry.getKey()));
      if (entry.getValue().completedShallowClone()) {
        preconditions.add(new Precondition(entry.getKey(), "history", Precondition.State.HOLDS, "the clone at "
            + entry.getValue().directory() + " was shallow; its history was fetched from origin, as git fetch"
            + " --unshallow does, so it is a full clone now"));
      }
      preconditions.add(workTree(effective, entry.getKey(), entry.getValue(), steps));
    }
    return new Preamble(effective, steps, preconditions);
  }

  /** The work tree's precondition; the steps that read a dirty one are replaced in {@code steps} by blocked ones. */
  private static Precondition workTree(Release release, String name, JGitWorkspace workspace,
      List<Release.Planned> steps) {
    List<String> changed = workspace.uncommittedChanges();
    if (changed.isEmpty()) {
      return new Precondition(name, "work tree", Precondition.State.HOLDS, "clean");
    }
    List<String> readers = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Release.Planned planned = steps.get(i);
      if (planned.repository().equals(name) && planned.step().readsWorkTree()) {
        readers.add("step " + (i + 1) + " (" + release.describe(planned) + ")");
      }
    }
    String dirty = "The work tree at " + workspace.directory() + " has uncommitted changes " + changed;
    if (readers.isEmpty()) {
      return new Precondition(name, "work tree", Precondition.State.WARNING, dirty + ". No step reads the work"
          + " tree (every write is a commit made in memory and pushed to origin), so they cannot leak into the"
          + " release; a command step would be blocked by them.");
    }
    String message = dirty + ", and " + String.join(", ", readers) + (readers.size() == 1 ? " runs" : " run")
        + " in it. Commit or stash them and run again.";
    for (int i = 0; i < steps.size(); i++) {
      Release.Planned planned = steps.get(i);
      if (planned.repository().equals(name) && planned.step().readsWorkTree()) {
        steps.set(i, new Release.Planned(name, new Blocked(planned.step(), dirty + ", and this step runs in it,"
            + " so they would leak into the release. Commit or stash them and run again.")));
      }
    }
    return new Precondition(name, "work tree", Precondition.State.FAILS, message);
  }

  private static String where(String name, JGitWorkspace workspace, boolean several) {
    return several ? "repository '" + name + "' at " + workspace.directory()
        : "the repository at " + workspace.directory();
  }

  /** The release, with the conventions found for every repository that had none given. */
  Release release() {
    return release;
  }

  /** The steps, resolved with the conventions found; those blocked by a precondition throw its exception. */
  List<Release.Planned> steps() {
    return steps;
  }

  List<Precondition> preconditions() {
    return preconditions;
  }

  /**
   * Refuses to run while a precondition blocks steps, before anything is written: the dirty work tree under a
   * step that reads it.
   */
  void requireNoneBlocks() {
    List<String> failing = preconditions.stream().filter(Precondition::blocks).map(Precondition::message).toList();
    if (!failing.isEmpty()) {
      throw new PreconditionException(String.join(" ", failing) + " Nothing was changed.");
    }
  }

  /** A step a precondition blocks: it throws, so the plan shows it BLOCKED with what to do. */
  private static final class Blocked implements Step {
    private final Step step;
    private final String message;

    Blocked(Step step, String message) {
      this.step = step;
      this.message = message;
    }

    @Override
    public String description() {
      return step.description();
    }

    @Override
    public StepResult apply(StepContext context) {
      throw new PreconditionException(message);
    }

    @Override
    public List<Object> services() {
      return step.services();
    }

    @Override
    public boolean readsWorkTree() {
      return true;
    }
  }
}
