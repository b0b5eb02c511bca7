package dev.releasekit;

import dev.releasekit.git.Workspace;
import dev.releasekit.git.internal.JGitWorkspace;
import dev.releasekit.git.internal.RecordingWorkspace;
import dev.releasekit.internal.Hostings;
import dev.releasekit.internal.Lease;
import dev.releasekit.internal.OverlayHosting;
import dev.releasekit.internal.ReleaseServices;
import dev.releasekit.internal.Waits;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.CommandOutput;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Journal;
import dev.releasekit.spi.Preflight;
import dev.releasekit.spi.SecretHolder;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plans and runs a {@link Release}: the same steps, on sandboxes behind overlays or for real. It opens each
 * repository that has steps, resolves every service once (a discovered hosting is found once and shared by the
 * rehearsal and the run, so its client, caches and ETags are too), and executes the steps in order.
 */
final class Engine {
  private enum Mode { PLAN, RUN }

  // Set once by the preamble, before any step executes, to the release with the conventions found.
  private Release release;
  private Release.Wiring wiring;
  private LocalDate date;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);

  Engine(Release release) {
    adopt(release);
  }

  private void adopt(Release release) {
    this.release = release;
    this.wiring = release.wiring();
    // One date for the whole release: the rehearsal and the run, and every step that prints a date, agree.
    this.date = wiring.date() != null ? wiring.date() : LocalDate.ofInstant(wiring.clock().instant(),
        release.firstConventions().zone());
  }

  Plan plan() {
    List<Release.Planned> steps = Preamble.declared(release);
    try (Opened opened = open(steps)) {
      opened.fetch();
      Preamble preamble = preamble(opened);
      steps = preamble.steps();
      ReleaseServices real = resolve(opened, steps);
      wiring.listener().secretsInUse(secrets(real));
      List<StepResult> results = new ArrayList<>();
      Execution execution;
      try (ReleaseServices rehearsal = real.rehearsal(runId, host())) {
        execution = execute(Mode.PLAN, steps, rehearsal, wiring.listener(), List.of());
        results.addAll(execution.results);
      }
      List<Precondition> preconditions = new ArrayList<>(preamble.preconditions());
      boolean writes = results.stream().anyMatch(r -> r.outcome() != Outcome.ALREADY_DONE);
      for (ReleaseServices.Repository repository : real.repositories()) {
        preconditions.add(leasePrecondition(repository, writes));
      }
      for (ReleaseServices.Repository repository : real.repositories()) {
        // A hosting no step needed is neither discovered nor asked: the run would not touch it.
        Optional<Hosting> hosting = repository.resolvedHosting();
        if (hosting.isPresent()) {
          preconditions.addAll(hosting.get().preconditions(preflight(repository.name(), steps, results,
              execution.waits)));
        }
      }
      return new Plan(release.version().toString(), preconditions,
          results.stream().map(Engine::withPlaceholders).toList());
    }
  }

  Report run() {
    List<Release.Planned> steps = Preamble.declared(release);
    try (Opened opened = open(steps)) {
      opened.fetch();
      Preamble preamble = preamble(opened);
      preamble.requireNoneBlocks();
      steps = preamble.steps();
      opened.workspaces.values().forEach(w -> w.pauseWith(wiring.sleeper()::sleep));
      ReleaseServices real = resolve(opened, steps);
      wiring.listener().secretsInUse(secrets(real));
      boolean writes = true;
      if (wiring.rehearseFirst()) {
        try (ReleaseServices rehearsal = real.rehearsal(runId, host())) {
          Execution rehearsed = execute(Mode.PLAN, steps, rehearsal, ReleaseListener.silent(), List.of());
          if (rehearsed.failure != null && blocksRun(rehearsed.failure)) {
            StepResult blocked = withPlaceholders(rehearsed.results.get(rehearsed.failedIndex));
            throw rehearsed.failure.withReport(new Report(release.version().toString(), runId, List.of(blocked)));
          }
          // A run that will find every step done writes nothing, not even a lease: origin stays byte-identical
          // (unless there is a dead run's work to tidy, below).
          writes = rehearsed.results.stream().anyMatch(r -> r.outcome() != Outcome.ALREADY_DONE);
          if (writes) {
            requireHostingsAllow(real, steps, rehearsed);
          }
        }
      }
      // A run that finds the steps done still tidies up after a run that died at its very end: it publishes the
      // journal lines that never reached origin, and releases the dead run's lease (recovering its lock).
      writes |= real.withJournals(runId).repositories().stream().anyMatch(r -> r.journal().pending()
          || deadHolder(r));
      List<Lease> leases = writes ? takeLeases(real) : List.of();
      try {
        // The journals are read once the lease is held: a run that waited for another sees all it recorded.
        Execution execution = execute(Mode.RUN, steps, real.withJournals(runId), wiring.listener(), leases);
        Report report = new Report(release.version().toString(), runId, execution.results);
        if (execution.failure != null) {
          throw execution.failure.withReport(report);
        }
        return report;
      } finally {
        for (int i = leases.size() - 1; i >= 0; i--) {
          leases.get(i).release();
        }
      }
    }
  }

  /**
   * Refuses to run, before anything is written, when a hosting says its credentials may not do what the rehearsal
   * found the run would do (a token without the scope to push or open pull requests), so a run never stops half
   * way for want of a permission.
   */
  private void requireHostingsAllow(ReleaseServices real, List<Release.Planned> steps, Execution rehearsed) {
    List<String> refusals = new ArrayList<>();
    for (ReleaseServices.Repository repository : real.repositories()) {
      repository.resolvedHosting().stream()
          .flatMap(hosting -> hosting.preconditions(preflight(repository.name(), steps, rehearsed.results,
              rehearsed.waits)).stream())
          .filter(Precondition::blocks).forEach(p -> refusals.add(p.message()));
    }
    if (!refusals.isEmpty()) {
      throw new PreconditionException(String.join(" ", refusals) + " Nothing was changed.");
    }
  }

  /** The release's wired credentials and those of every service resolved for it, a hosting found from origin too. */
  private List<Secret> secrets(ReleaseServices services) {
    java.util.LinkedHashSet<Secret> secrets = new java.util.LinkedHashSet<>(release.secrets());
    List<Object> resolved = new ArrayList<>();
    // Where a runner reads masks (GitHub Actions), a hosting found from origin is found now, so its token is
    // masked before anything is printed; elsewhere it is found when a step first needs it.
    boolean masked = "true".equals(wiring.environment().get("GITHUB_ACTIONS"));
    services.repositories().forEach(r -> (masked ? Optional.of(r.hosting()) : r.resolvedHosting())
        .ifPresent(resolved::add));
    services.registry().ifPresent(resolved::add);
    resolved.addAll(services.announcers());
    for (Object service : resolved) {
      if (service instanceof SecretHolder holder) {
        secrets.addAll(holder.secrets());
      }
    }
    return List.copyOf(secrets);
  }

  /**
   * What the rehearsal found {@code repository}'s run would need from its hosting: the access its changes take
   * (every run that writes pushes its journal and lease), the refs it would push, and the steps after its first
   * push that would wait (for an image its tag push builds, say).
   */
  private Preflight preflight(String repository, List<Release.Planned> steps, List<StepResult> results,
      List<Integer> waits) {
    Set<Preflight.Access> access = java.util.EnumSet.noneOf(Preflight.Access.class);
    List<String> pushes = new ArrayList<>();
    int firstPush = -1;
    for (int i = 0; i < results.size(); i++) {
      StepResult result = results.get(i);
      if (!result.repository().equals(repository)) {
        continue;
      }
      for (Change change : result.changes()) {
        switch (change.kind()) {
          case REF -> {
            pushes.add(change.target());
            firstPush = firstPush < 0 ? i : firstPush;
          }
          case PULL_REQUEST -> access.add(Preflight.Access.PULL_REQUESTS);
          case LABEL, MILESTONE -> access.add(Preflight.Access.ISSUES);
          case RELEASE -> access.add(Preflight.Access.RELEASES);
          default -> {
          }
        }
        access.add(Preflight.Access.PUSH);
      }
    }
    List<String> waitsAfterPush = new ArrayList<>();
    for (int index : waits) {
      if (firstPush >= 0 && index - 1 > firstPush) {
        waitsAfterPush.add(index + ") " + release.describe(steps.get(index - 1)));
      }
    }
    return new Preflight(repository, access, pushes.stream().distinct().toList(), waitsAfterPush,
        Optional.ofNullable(wiring.repositories().get(repository).credentials()), wiring.environment());
  }

  /** Whether the release's lease on origin is still held by a run that has ended. */
  private boolean deadHolder(ReleaseServices.Repository repository) {
    return Lease.observe(repository.workspace(), repository.version().toString())
        .filter(holder -> !holder.released() && !holder.live(wiring.clock().instant(), host())).isPresent();
  }

  /**
   * The leases of every repository of the release, taken in one fixed order (by repository name), so two runs
   * of a multi-repository release never wait on each other in a cycle.
   */
  private List<Lease> takeLeases(ReleaseServices services) {
    List<ReleaseServices.Repository> ordered = new ArrayList<>(services.repositories());
    ordered.sort(java.util.Comparator.comparing(ReleaseServices.Repository::name));
    List<Lease> taken = new ArrayList<>();
    try {
      for (ReleaseServices.Repository repository : ordered) {
        taken.add(Lease.take(repository.workspace(), repository.version().toString(), runId, host(),
            wiring.clock(), wiring.sleeper(), wiring.otherRunWait(), message -> wiring.listener().progress(0,
                message)));
      }
      return taken;
    } catch (RuntimeException e) {
      for (int i = taken.size() - 1; i >= 0; i--) {
        taken.get(i).release();
      }
      throw e;
    }
  }

  /**
   * What a run started now would meet at the lease, which the plan reads and never takes: free, or held by a run
   * that ended (taken over), or held by a live run, which fails the run at once or makes it wait its budget.
   */
  private Precondition leasePrecondition(ReleaseServices.Repository repository, boolean writes) {
    String version = repository.version().toString();
    if (!writes) {
      return new Precondition(repository.name(), "lease", Precondition.State.HOLDS,
          "not needed: no step writes, so a run takes no lease");
    }
    Optional<Lease.Holder> holder = Lease.observe(repository.workspace(), version);
    Instant now = wiring.clock().instant();
    if (holder.isEmpty() || holder.get().released()) {
      return new Precondition(repository.name(), "lease", Precondition.State.HOLDS,
          "free: a run takes " + Lease.ref(version) + " on origin before its first write");
    }
    Lease.Holder other = holder.get();
    String who = "run " + other.run() + " (process " + other.pid() + " on " + other.host() + ")";
    if (!other.live(now, host())) {
      return new Precondition(repository.name(), "lease", Precondition.State.HOLDS, who + " held it and has"
          + (now.isBefore(other.expires()) ? " ended" : " let it expire") + ": a run takes it over");
    }
    Duration wait = wiring.otherRunWait();
    if (wait.isZero()) {
      return new Precondition(repository.name(), "lease", Precondition.State.FAILS, who + " holds the lease on "
          + version + " until " + other.expires() + ": a run started now fails at once with LeaseHeldException"
          + " and writes nothing. Let that run finish, or give this one .waitForOtherRun(Duration).");
    }
    return new Precondition(repository.name(), "lease", Precondition.State.WARNING, who + " holds the lease on "
        + version + " until " + other.expires() + ": a run started now waits up to " + wait + " for it to end.");
  }

  /** This machine, as leases name it: HOSTNAME when the environment has it (CI runners and containers do). */
  private String host() {
    String name = wiring.environment().get("HOSTNAME");
    if (name == null || name.isBlank()) {
      try {
        name = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        name = "";
      }
    }
    return name.isBlank() ? "localhost" : name;
  }

  /**
   * A cherry-pick conflict is where a person takes over, so the run goes up to it and the earlier picks land;
   * every other failure in the rehearsal stops the run before it writes.
   */
  private static boolean blocksRun(ReleaseException failure) {
    return !(failure instanceof CherryPickConflictException);
  }

  /** The plan's pull requests have no number yet: {@code #1000000} reads as {@code #(new)}. */
  private static StepResult withPlaceholders(StepResult result) {
    List<Change> changes = result.changes().stream().map(c -> new Change(c.kind(),
        OverlayHosting.placeholders(c.target()), OverlayHosting.placeholders(c.summary()), c.diff())).toList();
    return result.withDetail(OverlayHosting.placeholders(result.detail())).withChanges(changes);
  }

  /**
   * The checks before any step, on the opened and fetched repositories ({@link Preamble}): the conventions of each
   * repository (given, or found from its shape on origin), and its work tree. The engine adopts the release with
   * the conventions found; the steps it returns are resolved with them.
   */
  private Preamble preamble(Opened opened) {
    Preamble preamble = Preamble.of(release, opened.workspaces);
    adopt(preamble.release());
    return preamble;
  }

  // Opening and resolving, once per plan or run

  /** The workspaces of the repositories that have steps, opened once, closed together. */
  private static final class Opened implements AutoCloseable {
    final Map<String, JGitWorkspace> workspaces = new LinkedHashMap<>();

    void fetch() {
      workspaces.values().forEach(JGitWorkspace::fetch);
    }

    @Override
    public void close() {
      workspaces.values().forEach(JGitWorkspace::close);
    }
  }

  private Opened open(List<Release.Planned> steps) {
    Opened opened = new Opened();
    Map<Path, String> folders = new LinkedHashMap<>();
    try {
      for (Release.Planned planned : steps) {
        String name = planned.repository();
        if (opened.workspaces.containsKey(name)) {
          continue;
        }
        Release.Repository repository = wiring.repositories().get(name);
        Path folder = repository.directory().toAbsolutePath().normalize();
        String other = folders.putIfAbsent(folder, name);
        if (other != null) {
          throw new PreconditionException("Repositories '" + other + "' and '" + name + "' are both " + folder
              + ". Give each repository of the release its own clone with repository(name, path).");
        }
        opened.workspaces.put(name, JGitWorkspace.open(repository.directory(), repository.credentials()));
      }
      return opened;
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /**
   * Every service, once: each repository's hosting (wired, or discovered from its origin when a step first asks
   * for it), the registry (wired, or the one a registry step was built from), announcers and endpoints (wired,
   * then those steps were built with).
   */
  private ReleaseServices resolve(Opened opened, List<Release.Planned> steps) {
    Map<String, ReleaseServices.Repository> repositories = new LinkedHashMap<>();
    for (Map.Entry<String, JGitWorkspace> entry : opened.workspaces.entrySet()) {
      Release.Repository wired = wiring.repositories().get(entry.getKey());
      // Discovered when a step first needs it (found once, then shared by the rehearsal and the run).
      String originUrl = entry.getValue().originUrl();
      // A hosting found late has its credentials masked the moment it is found, before any step uses them.
      Supplier<Hosting> hosting = wired.hosting() != null ? wired::hosting : () -> {
        Hosting found = Hostings.discover(originUrl, wiring.environment());
        if (found instanceof SecretHolder holder) {
          wiring.listener().secretsInUse(holder.secrets());
        }
        return found;
      };
      ReleaseServices.Repository repository = new ReleaseServices.Repository(entry.getKey(),
          release.version(entry.getKey()), wired.conventions(), entry.getValue(), hosting, null);
      if (wired.hosting() != null) {
        repository.hosting();   // a wired hosting costs nothing to resolve, and the preflight asks it
      }
      repositories.put(entry.getKey(), repository);
    }
    ImageRegistry registry = wiring.registry();
    List<Announcer> announcers = new ArrayList<>(wiring.announcers());
    Map<String, HttpEndpoint> endpoints = new LinkedHashMap<>(wiring.endpoints());
    for (Release.Planned planned : steps) {
      for (Object service : planned.step().services()) {
        if (service instanceof ImageRegistry images && registry == null) {
          registry = images;
        } else if (service instanceof Announcer announcer
            && announcers.stream().noneMatch(a -> a.name().equals(announcer.name()))) {
          announcers.add(announcer);
        } else if (service instanceof HttpEndpoint endpoint) {
          endpoints.putIfAbsent(endpoint.name(), endpoint);
        }
      }
    }
    return new ReleaseServices(repositories, Optional.ofNullable(registry), announcers, endpoints, wiring.clock(),
        wiring.sleeper());
  }

  // Executing

  private Execution execute(Mode mode, List<Release.Planned> steps, ReleaseServices services,
      ReleaseListener listener, List<Lease> leases) {
    Execution execution = new Execution();
    List<String> done = new ArrayList<>();
    Set<String> runRecorded = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      Release.Planned planned = steps.get(i);
      Step step = planned.step();
      ReleaseServices.Repository repository = services.repository(planned.repository());
      int index = i + 1;
      String description = release.describe(planned);
      if (execution.failure != null) {
        execution.results.add(StepResult.blocked(description, new ReleaseException("not rehearsed: step "
            + (execution.failedIndex + 1) + " is blocked"), List.of()).withRepository(planned.repository()));
        continue;
      }
      try {
        leases.forEach(Lease::renewIfDue);
      } catch (ReleaseException e) {
        execution.fail(i, e);
        execution.results.add(StepResult.blocked(description, e, List.of()).withRepository(planned.repository()));
        continue;
      }
      listener.stepStarted(index, description);
      Context context = new Context(mode, services, repository, listener, index, execution.results, leases);
      StepResult result;
      try {
        StepResult raw = applyObservingAgain(step, context);
        Outcome outcome = raw.outcome() == Outcome.DONE && mode == Mode.PLAN ? Outcome.WOULD_DO : raw.outcome();
        result = raw.withDescription(description).withOutcome(outcome).withChanges(context.changes);
        done.add(description);
      } catch (Waits.WouldWait wait) {
        result = StepResult.done(wait.getMessage()).withOutcome(Outcome.WOULD_DO).withDescription(description)
            .withChanges(context.changes);
        execution.pendingWait = index;
        execution.waits.add(index);
      } catch (RuntimeException e) {
        // A typed failure (a precondition, a conflict, a remote error) says what to do; anything else is wrapped
        // with the step and the steps done before it, so the message still says where the run stopped.
        ReleaseException failure = e instanceof ReleaseException typed && e.getClass() != ReleaseException.class
            ? typed : new StepFailedException(description, done, e);
        result = failed(execution, i, description, failure, context.changes);
      }
      result = result.withRepository(planned.repository());
      execution.results.add(result);
      // The journal records what was written, at most one commit per step: a step that found its state already
      // there, or was blocked before writing, adds nothing, so a no-op re-run leaves origin byte-identical and a
      // run that lost a race leaves no trace in the winner's journal.
      if (!context.changes.isEmpty()) {
        if (runRecorded.add(planned.repository())) {
          repository.journal().record("run:" + runId, mode.name(), mode + " " + steps.size() + " steps");
        }
        repository.journal().record("step:" + index, result.outcome().name(), result.outcome() + " " + description
            + (result.detail().isEmpty() ? "" : ": " + result.detail()));
      }
      try {
        repository.journal().flush();
      } catch (ReleaseException e) {
        if (execution.failure == null) {
          execution.fail(i, e);
        }
      }
      // A rehearsal's new numbers (#1000000) are the overlay's own; the listener sees them as the plan prints them.
      listener.stepFinished(index, mode == Mode.PLAN ? withPlaceholders(result) : result);
    }
    return execution;
  }

  /**
   * Applies a step; when origin refuses a push because someone pushed in between, the step observes and compares
   * again, once: every step is an observe, compare, write, so the second pass converges on what the other writer
   * did (ALREADY_DONE) or blocks with what it found.
   */
  private static StepResult applyObservingAgain(Step step, Context context) {
    try {
      return step.apply(context);
    } catch (PushRefusedException e) {
      if (e.reason() != PushRefusedException.Reason.NON_FAST_FORWARD) {
        throw e;
      }
      context.progress("origin's " + e.ref() + " moved while this step ran; observing again");
      return step.apply(context);
    }
  }

  /**
   * A failure ends the execution, except in a rehearsal after a wait that would have to wait: what a later step
   * finds then is only known once the wait is over (the image is not there yet), so it is shown, not counted.
   */
  private static StepResult failed(Execution execution, int i, String description, ReleaseException e,
      List<Change> changes) {
    if (execution.pendingWait > 0) {
      return StepResult.done("decided after the wait of step " + execution.pendingWait + "; today: "
          + e.getMessage()).withOutcome(Outcome.WOULD_DO).withDescription(description).withChanges(changes);
    }
    execution.fail(i, e);
    return StepResult.blocked(description, e, changes);
  }

  private static final class Execution {
    final List<StepResult> results = new ArrayList<>();
    ReleaseException failure;
    int failedIndex = -1;
    int pendingWait;
    final List<Integer> waits = new ArrayList<>();

    void fail(int index, ReleaseException e) {
      failure = e;
      failedIndex = index;
    }
  }

  private final class Context implements StepContext {
    private final Mode mode;
    private final ReleaseServices services;
    private final ReleaseServices.Repository repository;
    private final Workspace workspace;
    private final ReleaseListener listener;
    private final int index;
    private final List<StepResult> earlier;
    private final List<Lease> leases;
    final List<Change> changes = new ArrayList<>();

    Context(Mode mode, ReleaseServices services, ReleaseServices.Repository repository, ReleaseListener listener,
        int index, List<StepResult> earlier, List<Lease> leases) {
      this.leases = leases;
      this.mode = mode;
      this.services = services;
      this.repository = repository;
      this.workspace = new RecordingWorkspace(repository.workspace(), this::change);
      this.listener = listener;
      this.index = index;
      this.earlier = earlier;
    }

    @Override
    public Version version() {
      return repository.version();
    }

    @Override
    public Conventions conventions() {
      return repository.conventions();
    }

    @Override
    public String repository() {
      return repository.name();
    }

    @Override
    public Workspace workspace() {
      return workspace;
    }

    @Override
    public Hosting hosting() {
      return repository.hosting();
    }

    @Override
    public Optional<ImageRegistry> registry() {
      return services.registry();
    }

    @Override
    public List<Announcer> announcers() {
      return services.announcers();
    }

    @Override
    public Optional<HttpEndpoint> endpoint(String name) {
      return services.endpoint(name);
    }

    @Override
    public Journal journal() {
      return repository.journal();
    }

    @Override
    public void progress(String message) {
      // A wait reports progress on each poll; a wait longer than half the lease's term renews it from here.
      leases.forEach(Lease::renewIfDue);
      listener.progress(index, message);
    }

    @Override
    public synchronized void change(Change change) {
      changes.add(change);
    }

    @Override
    public Map<String, String> environment() {
      return wiring.environment();
    }

    @Override
    public Clock clock() {
      return services.clock();
    }

    @Override
    public Sleeper sleeper() {
      return services.sleeper();
    }

    @Override
    public <T> Optional<T> result(ResultKey<T> key) {
      Optional<T> own = result(repository.name(), key);
      if (own.isPresent()) {
        return own;
      }
      for (ReleaseServices.Repository other : services.repositories()) {
        Optional<T> value = result(other.name(), key);
        if (value.isPresent()) {
          return value;
        }
      }
      return Optional.empty();
    }

    @Override
    public <T> Optional<T> result(String name, ResultKey<T> key) {
      for (int i = earlier.size() - 1; i >= 0; i--) {
        StepResult step = earlier.get(i);
        if (step.repository().equals(name) && step.result(key).isPresent()) {
          return step.result(key);
        }
      }
      return Optional.empty();
    }

    @Override
    public <T> T await(String what, Instant deadline, Duration firstInterval, Supplier<Optional<T>> probe) {
      return mode == Mode.PLAN ? Waits.rehearse(what, deadline, services.clock(), probe)
          : Waits.await(what, deadline, firstInterval, services.clock(), services.sleeper(), this::progress, probe);
    }

    @Override
    public StepResult perform(SideEffect effect) {
      String key = "effect:" + effect.key();
      Journal journal = repository.journal();
      Optional<Journal.Entry> latest = journal.latest(key);
      String state = latest.map(Journal.Entry::state).orElse("");
      if (state.equals("done")) {
        return StepResult.alreadyDone(effect.description() + ": done in an earlier run"
            + (latest.get().detail().isEmpty() ? "" : " (" + latest.get().detail() + ")"));
      }
      if (state.equals("intent")) {
        Optional<Release.Resolution> resolution = release.resolution(effect.key());
        if (resolution.isPresent() && resolution.get() == Release.Resolution.CONFIRM) {
          journal.record(key, "done", "confirmed by a person");
          return StepResult.alreadyDone(effect.description() + ": confirmed as done");
        }
        if (resolution.isEmpty()) {
          SideEffect.Status status = effect.check().map(SideEffect.Check::check).orElse(SideEffect.Status.UNKNOWN);
          if (status == SideEffect.Status.PERFORMED) {
            journal.record(key, "done", "found by checking " + effect.where());
            return StepResult.alreadyDone(effect.description() + ": an earlier run did it (found by checking "
                + effect.where() + ")");
          }
          if (status == SideEffect.Status.UNKNOWN) {
            throw new ConflictException(effect.description() + " may have happened: run "
                + latest.get().run() + " started it at " + latest.get().time() + " and stopped before recording"
                + " the end. Check " + effect.where() + ", then run again with .confirm(\"" + effect.key()
                + "\") if it happened, or .resend(\"" + effect.key() + "\") if it did not.");
          }
        }
      }
      change(Change.of(Change.Kind.EFFECT, effect.key(), effect.description()));
      if (mode == Mode.PLAN) {
        return StepResult.done(effect.description());
      }
      journal.record(key, "intent", effect.description());
      repository.journal().flush();
      String receipt;
      try {
        receipt = effect.action().perform();
      } catch (SideEffect.NotPerformedException e) {
        journal.record(key, "failed", e.getMessage());
        throw e;
      }
      receipt = receipt == null ? "" : receipt;
      // The end is recorded at once in the clone's own journal file and reaches origin with the step's commit:
      // the intent had to be on origin before the effect, the end may wait for the step boundary.
      journal.record(key, "done", receipt);
      return StepResult.done(effect.description() + (receipt.isEmpty() ? "" : " (" + receipt + ")"));
    }

    @Override
    public LocalDate date() {
      return date;
    }

    @Override
    public CommandOutput exec(List<String> command, Map<String, String> environment) {
      // A rehearsal must not publish a package or call a deploy hook: commands are recorded, not run.
      if (mode == Mode.PLAN) {
        return new CommandOutput(0, "(not run in a plan: " + String.join(" ", command) + ")");
      }
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.directory().toFile())
            .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        return new CommandOutput(process.waitFor(), new String(output, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new PreconditionException("Cannot start " + command + ": " + e.getMessage()
            + ". Check the command exists and is executable.", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StepFailedException(String.join(" ", command), "interrupted");
      }
    }
  }
}
