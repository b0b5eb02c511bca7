package dev.releasekit;

import dev.releasekit.git.Workspace;
import dev.releasekit.internal.GitJournal;
import dev.releasekit.internal.Hostings;
import dev.releasekit.internal.OverlayHosting;
import dev.releasekit.internal.OverlayRegistry;
import dev.releasekit.internal.Sandbox;
import dev.releasekit.spi.CommandOutput;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Journal;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Plans and runs a {@link Release}: the same steps, on a sandbox or for real. */
final class Engine {
  private enum Mode { PLAN, RUN }

  private final Release release;
  private final Version version;
  private final Clock clock;
  private final LocalDate date;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);

  Engine(Release release) {
    this.release = release;
    this.version = release.version();
    this.clock = release.clockValue();
    this.date = release.dateValue().orElseGet(() -> LocalDate.ofInstant(clock.instant(),
        release.conventionsValue().zone()));
  }

  Plan plan() {
    List<Step> steps = release.resolve();
    try (Workspace real = Workspace.open(release.directory(), release.credentials())) {
      real.fetch();
      List<StepResult> results = new ArrayList<>();
      if (!real.isClean()) {
        try {
          real.requireClean();
        } catch (PreconditionException e) {
          results.add(StepResult.blocked("check the work tree", e, List.of()));
        }
      }
      results.addAll(rehearse(real, steps, release.listenerValue()).results);
      return new Plan(version.toString(), results);
    }
  }

  Report run() {
    List<Step> steps = release.resolve();
    try (Workspace real = Workspace.open(release.directory(), release.credentials())) {
      real.requireClean();
      real.fetch();
      if (release.rehearseFirst()) {
        Execution rehearsal = rehearse(real, steps, ReleaseListener.silent());
        if (rehearsal.failure != null && blocksRun(rehearsal.failure)) {
          StepResult blocked = rehearsal.results.get(rehearsal.failedIndex);
          throw rehearsal.failure.withReport(new Report(version.toString(), runId, List.of(blocked)));
        }
      }
      GitJournal journal = new GitJournal(real, version.toString(), runId, clock);
      Hosting hosting = hosting(real);
      Execution execution = execute(Mode.RUN, steps, real, hosting,
          Optional.ofNullable(release.registry()), journal, release.listenerValue());
      Report report = new Report(version.toString(), runId, execution.results);
      if (execution.failure != null) {
        throw execution.failure.withReport(report);
      }
      return report;
    }
  }

  /**
   * A cherry-pick conflict (a conflict that names a pull request) is where a person takes over, so the run goes up
   * to it and the earlier picks land; every other failure in the rehearsal stops the run before it writes.
   */
  private static boolean blocksRun(ReleaseException failure) {
    return !(failure instanceof ConflictException conflict) || conflict.pullRequest().isEmpty();
  }

  private Execution rehearse(Workspace real, List<Step> steps, ReleaseListener listener) {
    Map<String, String> originRefs = real.remoteRefs();
    Hosting hosting = hosting(real);
    try (Sandbox sandbox = Sandbox.of(real, originRefs);
        Workspace workspace = Workspace.open(sandbox.clone())) {
      OverlayHosting overlay = new OverlayHosting(hosting, sandbox::openOrigin, clock);
      Optional<ImageRegistry> registry = Optional.ofNullable(release.registry()).map(OverlayRegistry::new);
      GitJournal journal = new GitJournal(workspace, version.toString(), runId, clock);
      return execute(Mode.PLAN, steps, workspace, overlay, registry, journal, listener);
    }
  }

  private Hosting hosting(Workspace real) {
    return release.hosting() != null ? release.hosting()
        : Hostings.discover(real.originUrl(), release.environmentValue());
  }

  private Execution execute(Mode mode, List<Step> steps, Workspace workspace, Hosting hosting,
      Optional<ImageRegistry> registry, GitJournal journal, ReleaseListener listener) {
    Execution execution = new Execution();
    List<String> done = new ArrayList<>();
    boolean runRecorded = false;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      int index = i + 1;
      String description = step.description();
      if (execution.failure != null) {
        execution.results.add(StepResult.blocked(description, new ReleaseException("not rehearsed: step "
            + (execution.failedIndex + 1) + " is blocked"), List.of()));
        continue;
      }
      listener.stepStarted(index, description);
      Context context = new Context(mode, workspace, hosting, registry, journal, listener, index);
      StepResult result;
      try {
        StepResult raw = step.apply(context);
        Outcome outcome = raw.outcome() == Outcome.DONE && mode == Mode.PLAN ? Outcome.WOULD_DO : raw.outcome();
        result = raw.withDescription(description).withOutcome(outcome).withChanges(context.changes);
        done.add(description);
      } catch (StepFailedException e) {
        result = StepResult.blocked(description, e, context.changes);
        execution.fail(i, e);
      } catch (ReleaseException e) {
        result = StepResult.blocked(description, e, context.changes);
        execution.fail(i, e);
      } catch (RuntimeException e) {
        StepFailedException failure = new StepFailedException(description, done, e);
        result = StepResult.blocked(description, failure, context.changes);
        execution.fail(i, failure);
      }
      execution.results.add(result);
      // A step that found its state already there wrote nothing, and neither does the journal: a no-op re-run
      // leaves origin byte-identical.
      if (result.outcome() != Outcome.ALREADY_DONE) {
        if (!runRecorded) {
          journal.record("run:" + runId, mode + " " + steps.size() + " steps");
          runRecorded = true;
        }
        journal.record("step:" + index, result.outcome() + " " + description
            + (result.detail().isEmpty() ? "" : ": " + result.detail()));
      }
      try {
        journal.flush();
      } catch (ReleaseException e) {
        if (execution.failure == null) {
          execution.fail(i, e);
        }
      }
      listener.stepFinished(index, result);
    }
    return execution;
  }

  private static final class Execution {
    final List<StepResult> results = new ArrayList<>();
    ReleaseException failure;
    int failedIndex = -1;

    void fail(int index, ReleaseException e) {
      failure = e;
      failedIndex = index;
    }
  }

  private final class Context implements StepContext {
    private final Mode mode;
    private final Workspace workspace;
    private final Hosting hosting;
    private final Optional<ImageRegistry> registry;
    private final Journal journal;
    private final ReleaseListener listener;
    private final int index;
    final List<Change> changes = new ArrayList<>();

    Context(Mode mode, Workspace workspace, Hosting hosting, Optional<ImageRegistry> registry, Journal journal,
        ReleaseListener listener, int index) {
      this.mode = mode;
      this.workspace = workspace.recordingChangesTo(this::change);
      this.hosting = hosting;
      this.registry = registry;
      this.journal = journal;
      this.listener = listener;
      this.index = index;
    }

    @Override
    public Version version() {
      return version;
    }

    @Override
    public Conventions conventions() {
      return release.conventionsValue();
    }

    @Override
    public Workspace workspace() {
      return workspace;
    }

    @Override
    public Hosting hosting() {
      return hosting;
    }

    @Override
    public Optional<ImageRegistry> registry() {
      return registry;
    }

    @Override
    public Journal journal() {
      return journal;
    }

    @Override
    public void progress(String message) {
      listener.progress(index, message);
    }

    @Override
    public synchronized void change(Change change) {
      changes.add(change);
    }

    @Override
    public Map<String, String> environment() {
      return release.environmentValue();
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public LocalDate date() {
      return date;
    }

    @Override
    public CommandOutput exec(List<String> command, Map<String, String> environment) {
      // A rehearsal must not publish a package or call a deploy hook: commands are recorded, not run.
      return mode == Mode.PLAN ? new CommandOutput(0, "(not run in a plan: " + String.join(" ", command) + ")")
          : StepContext.super.exec(command, environment);
    }
  }
}
