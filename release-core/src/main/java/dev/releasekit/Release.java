package dev.releasekit;

import dev.releasekit.internal.Blueprint;
import dev.releasekit.internal.steps.AfterStep;
import dev.releasekit.internal.steps.AnnounceStep;
import dev.releasekit.internal.steps.BumpVersionStep;
import dev.releasekit.internal.steps.ChangelogStep;
import dev.releasekit.internal.steps.CherryPickMilestoneStep;
import dev.releasekit.internal.steps.CloseMilestoneStep;
import dev.releasekit.internal.steps.CommandStep;
import dev.releasekit.internal.steps.CommitLogStep;
import dev.releasekit.internal.steps.MergePullRequestStep;
import dev.releasekit.internal.steps.PickCommitsStep;
import dev.releasekit.internal.steps.PublishReleaseStep;
import dev.releasekit.internal.steps.ReleaseNotesStep;
import dev.releasekit.internal.steps.CutBranchStep;
import dev.releasekit.internal.steps.MergeForwardStep;
import dev.releasekit.internal.steps.OpenPullRequestStep;
import dev.releasekit.internal.steps.TagStep;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Bump;
import dev.releasekit.version.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A release, as an immutable value: a version, the repositories it spans with their conventions, the services it
 * uses, and the steps to take. Each verb returns a new {@code Release} with one more step; nothing happens until
 * {@link #plan()} or {@link #run()}.
 *
 * <pre>{@code
 * Release release = Release.of("0.57")             // conventions: found from the project's shape on origin
 *     .in(Path.of("core"))                          // default: the working directory
 *     .mergeForward("master", "dev")
 *     .cutBranch()                                  // release-0-57 from dev, on origin
 *     .bumpVersion()                                // homeassistant/const.py PATCH_VERSION '0.dev0' -> '0'
 *     .openPr();                                    // release-0-57 -> master, titled 0.57
 *
 * release.plan();   // rehearses every step on a throwaway copy and says what each would do, with diffs
 * release.run();    // does it; running it again after any failure finishes the job and duplicates nothing
 * }</pre>
 *
 * <h2>Several repositories</h2>
 * A release can span repositories, each with its own work tree, origin, conventions, hosting and journal.
 * {@link #repository(String, Path)} switches the release to another repository; the verbs and the repository
 * wiring ({@link #in}, {@link #conventions}, {@link #hostedOn}, {@link #credentials}) that follow apply to it, until
 * the next switch. Steps run in the order they were written, across repositories, so a step of the website can use
 * what a step of core produced ({@link ResultKey}):
 *
 * <pre>{@code
 * Release.of("0.57")
 *     .repository("core", Path.of("core"))
 *         .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
 *     .repository("website", Path.of("home-assistant.io")).conventions(site)
 *         .mergeForward("current", "next").cutBranch().openPr()
 *     .plan();          // rehearses both repositories before anything is written anywhere
 * }</pre>
 *
 * <p>{@code run()} first rehearses: if any step of any repository would be BLOCKED by the state of the world (a
 * branch or tag that exists on another commit, a version going backwards, a missing file), it throws that step's
 * exception before writing anything. A cherry-pick that conflicts is the exception: the run goes up to it (the
 * picks before it land), so a person resolves exactly that change and runs again.
 *
 * <h2>Before the steps</h2>
 * {@code plan()} and {@code run()} first check what no step should have to: a release with no step is refused
 * with a {@link PreconditionException} that says what to do. A shallow clone ({@code git clone --depth}, as
 * {@code actions/checkout} makes by default) gets the rest of its history from origin in the first fetch, as
 * {@code git fetch --unshallow} would (this adds objects to the clone and removes its {@code .git/shallow}; origin
 * is only read, in a plan too); a clone whose origin lacks that history is refused with a
 * {@link PreconditionException}.
 * A repository without {@link #conventions(Conventions)} gets the conventions its shape on origin shows. The work
 * tree is checked too, and the plan lists what was checked as {@link Plan#preconditions()}, before its steps:
 * every write releasekit makes is a commit built in memory and pushed to origin, so uncommitted changes cannot
 * leak into a release. They block only the steps that read the work tree ({@link Step#readsWorkTree()}, such as
 * {@link #command}, which runs there): {@code run()} then stops before writing anything and the plan shows those
 * steps BLOCKED; a release whose steps all leave the work tree alone runs, and its plan lists the changes as a
 * warning.
 *
 * <h2>Services</h2>
 * Every service a step touches is wired here once, or found: the hosting from origin's URL through
 * {@link java.util.ServiceLoader} unless wired with {@link #hostedOn(Hosting)} (a local origin gets
 * {@code LocalHosting}, github.com gets {@code release-github}'s GitHub when that module is on the class path); the
 * registry with {@link #withRegistry}, or the one a registry step was built from; announcers with
 * {@link #announcer}; HTTP endpoints with {@link #withEndpoint}; time with {@link #clock} and {@link #sleeper}. The
 * engine resolves each once per run and, in a plan, wraps each in an overlay that keeps writes in memory.
 */
public final class Release {
  /** The name of the repository a release starts in, until {@link #repository(String)} names another. */
  public static final String MAIN = "main";

  /** How a person resolved an effect that an earlier run may or may not have performed. */
  enum Resolution { CONFIRM, RESEND }

  /**
   * One repository of the release and its own wiring. {@code given} is the conventions passed with
   * {@link Release#conventions(Conventions)}, or null: then {@link #conventions()} is Home Assistant's until the
   * engine finds the project's own from its shape on origin.
   */
  record Repository(String name, Path directory, Conventions given, Hosting hosting, Secret credentials) {
    Repository in(Path directory) {
      return new Repository(name, directory, given, hosting, credentials);
    }

    Repository conventions(Conventions conventions) {
      return new Repository(name, directory, conventions, hosting, credentials);
    }

    Repository hostedOn(Hosting hosting) {
      return new Repository(name, directory, given, hosting, credentials);
    }

    Repository credentials(Secret credentials) {
      return new Repository(name, directory, given, hosting, credentials);
    }

    /** The conventions given, or Home Assistant's, which steps use until the project's own are found. */
    Conventions conventions() {
      return given != null ? given : Conventions.homeAssistant();
    }

    boolean conventionsGiven() {
      return given != null;
    }
  }

  /** A verb of the release and the repository it acts on. */
  record Verb(String repository, Blueprint.Verb verb) {}

  /** A resolved step and the repository it acts on. */
  record Planned(String repository, Step step) {}

  /** Everything a release is wired with, in one value; {@link #with} derives a changed copy. */
  record Wiring(Version version, Map<String, Repository> repositories, String current, ImageRegistry registry,
      List<Announcer> announcers, Map<String, HttpEndpoint> endpoints, ReleaseListener listener,
      Map<String, String> environment, Clock clock, Sleeper sleeper, LocalDate date, boolean rehearseFirst,
      java.time.Duration otherRunWait, Map<String, Resolution> resolutions, List<Verb> verbs) {

    Wiring {
      repositories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(repositories));
      announcers = List.copyOf(announcers);
      endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
      resolutions = Map.copyOf(resolutions);
      verbs = List.copyOf(verbs);
    }

    Repository currentRepository() {
      return repositories.get(current);
    }
  }

  /** A mutable copy of a {@link Wiring}, for the one place that derives a new release. */
  private static final class Edit {
    Version version;
    Map<String, Repository> repositories;
    String current;
    ImageRegistry registry;
    List<Announcer> announcers;
    Map<String, HttpEndpoint> endpoints;
    ReleaseListener listener;
    Map<String, String> environment;
    Clock clock;
    Sleeper sleeper;
    LocalDate date;
    boolean rehearseFirst;
    java.time.Duration otherRunWait;
    Map<String, Resolution> resolutions;
    List<Verb> verbs;

    Edit(Wiring w) {
      version = w.version();
      repositories = new LinkedHashMap<>(w.repositories());
      current = w.current();
      registry = w.registry();
      announcers = new ArrayList<>(w.announcers());
      endpoints = new LinkedHashMap<>(w.endpoints());
      listener = w.listener();
      environment = w.environment();
      clock = w.clock();
      sleeper = w.sleeper();
      date = w.date();
      rehearseFirst = w.rehearseFirst();
      otherRunWait = w.otherRunWait();
      resolutions = new LinkedHashMap<>(w.resolutions());
      verbs = new ArrayList<>(w.verbs());
    }

    void repository(UnaryOperator<Repository> change) {
      repositories.put(current, change.apply(repositories.get(current)));
    }

    Wiring build() {
      return new Wiring(version, repositories, current, registry, announcers, endpoints, listener, environment,
          clock, sleeper, date, rehearseFirst, otherRunWait, resolutions, verbs);
    }
  }

  private final Wiring wiring;

  private Release(Wiring wiring) {
    this.wiring = wiring;
  }

  /**
   * Starts a release of {@code version}, such as {@code 0.57}, {@code 0.56.2} or {@code 1.31.0}. An unparsable
   * version is refused at once with a {@link PreconditionException} that lists the accepted forms.
   */
  public static Release of(String version) {
    return of(Version.parse(version));
  }

  public static Release of(Version version) {
    Objects.requireNonNull(version, "version");
    Repository main = new Repository(MAIN, Path.of(""), null, null, null);
    return new Release(new Wiring(version, Map.of(MAIN, main), MAIN, null, List.of(), Map.of(),
        ReleaseListener.silent(), System.getenv(), Clock.systemUTC(), Sleeper.system(), null, true,
        java.time.Duration.ZERO, Map.of(), List.of()));
  }

  private Release with(java.util.function.Consumer<Edit> change) {
    Edit copy = new Edit(wiring);
    change.accept(copy);
    return new Release(copy.build());
  }

  private Release plus(Blueprint.Verb verb) {
    return with(c -> c.verbs.add(new Verb(c.current, verb)));
  }

  // Repositories

  /**
   * Switches to the repository named {@code name}, adding it when new (its folder then comes from {@link #in}).
   * The repository wiring and the verbs that follow apply to it. A repository that gets no step is never opened,
   * so a release may start with {@code repository("core", ...)} and leave {@link #MAIN} unused.
   */
  public Release repository(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new PreconditionException("A repository name is letters, digits, '.', '_' or '-', such as core or"
          + " website; got " + (name == null ? "null" : "'" + name + "'") + ".");
    }
    return with(c -> {
      Repository inherit = c.repositories.get(c.current);
      c.repositories.putIfAbsent(name, new Repository(name, Path.of(""), inherit.given(), null, null));
      c.current = name;
    });
  }

  /** Switches to (or adds) the repository {@code name}, whose git clone is {@code directory}. */
  public Release repository(String name, Path directory) {
    return repository(name).in(directory);
  }

  // Wiring of the current repository

  /**
   * The current repository's conventions: branch names, patterns, version files, labels. Without them,
   * {@link #plan()} and {@link #run()} find them from the project's shape on origin's default branch
   * ({@code homeassistant/const.py}: {@link Conventions#homeAssistant()}; {@code posthog/version.py}:
   * {@link Conventions#postHog()}), and the plan says which file decided; a project of neither shape is refused with
   * a {@link PreconditionException} that asks for them. Conventions given here that plainly do not fit origin (a
   * branch they name is missing, a version file is absent) while a preset does are refused too, naming the preset
   * to pass. A variant of the preset that fits ({@code Conventions.homeAssistant().withX(...)}) is taken as given.
   * Until then, {@link #steps()} and {@link #toString()} describe the steps with Home Assistant's conventions.
   */
  public Release conventions(Conventions conventions) {
    Objects.requireNonNull(conventions, "conventions");
    return with(c -> c.repository(r -> r.conventions(conventions)));
  }

  /** The current repository's git clone; its {@code origin} is where everything is pushed. */
  public Release in(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return with(c -> c.repository(r -> r.in(directory)));
  }

  /** The current repository's hosting, instead of the one found from origin's URL. */
  public Release hostedOn(Hosting hosting) {
    Objects.requireNonNull(hosting, "hosting");
    return with(c -> c.repository(r -> r.hostedOn(hosting)));
  }

  /** The token for pushing the current repository over HTTPS (and for discovering its hosting). */
  public Release credentials(Secret credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return with(c -> c.repository(r -> r.credentials(credentials)));
  }

  // Wiring of the release

  /** The release's container registry; registry steps built from another {@code Registry} use this one. */
  public Release withRegistry(ImageRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return with(c -> c.registry = registry);
  }

  /** Adds an announcer (a Slack channel, a webhook); {@link #announce(String)} posts through every one. */
  public Release announcer(Announcer announcer) {
    Objects.requireNonNull(announcer, "announcer");
    return with(c -> c.announcers.add(announcer));
  }

  /** Wires an HTTP endpoint under its {@link HttpEndpoint#name()}, for steps that look it up by name. */
  public Release withEndpoint(HttpEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return with(c -> c.endpoints.put(endpoint.name(), endpoint));
  }

  public Release listener(ReleaseListener listener) {
    Objects.requireNonNull(listener, "listener");
    return with(c -> c.listener = listener);
  }

  /** The variables commands see and hostings are discovered from; the process environment by default. */
  public Release environment(Map<String, String> environment) {
    Map<String, String> copy = Map.copyOf(environment);
    return with(c -> c.environment = copy);
  }

  /** The release's one clock, for timestamps and deadlines; tests pass a fake one. */
  public Release clock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return with(c -> c.clock = clock);
  }

  /** The release's one sleeper, for every wait of a run (plans never sleep); tests pass a fake one. */
  public Release sleeper(Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "sleeper");
    return with(c -> c.sleeper = sleeper);
  }

  /**
   * The release's date, which every step that prints a date uses: the changelog heading, a patch release's notes
   * heading. Without it, the release is dated the day the run starts in the conventions' time zone, by the clock.
   */
  public Release date(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return with(c -> c.date = date);
  }

  /**
   * A release whose {@link #run()} skips the rehearsal before writing. Faster on very large flows, but a
   * contradiction found half way then leaves the earlier steps done (a re-run still converges).
   */
  public Release withoutRehearsal() {
    return with(c -> c.rehearseFirst = false);
  }

  /**
   * How long {@link #run()} waits when another run of this release holds its lease (two CI jobs, or a person and
   * CI). By default it does not wait: it fails at once with a {@link LeaseHeldException} naming the other run, and
   * writes nothing. A holder that died is never waited for (see {@link LeaseHeldException}). Plans never take the
   * lease.
   */
  public Release waitForOtherRun(java.time.Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative()) {
      throw new PreconditionException("waitForOtherRun takes a duration of zero or more; got " + budget + ".");
    }
    return with(c -> c.otherRunWait = budget);
  }

  /**
   * Records that the side effect {@code key}, which an earlier run started but never recorded as finished, did
   * happen (you checked the channel): the run records it as done instead of blocking. The BLOCKED message names
   * the key.
   */
  public Release confirm(String key) {
    Objects.requireNonNull(key, "key");
    return with(c -> c.resolutions.put(key, Resolution.CONFIRM));
  }

  /**
   * Records that the side effect {@code key}, which an earlier run started but never recorded as finished, did not
   * happen (you checked): the run performs it again instead of blocking.
   */
  public Release resend(String key) {
    Objects.requireNonNull(key, "key");
    return with(c -> c.resolutions.put(key, Resolution.RESEND));
  }

  /**
   * Every credential this release is wired with: each repository's {@link #credentials(Secret)}, and the secrets
   * of the hostings, registry, announcers and endpoints it is wired with or its steps were built with, when they
   * are {@link dev.releasekit.spi.SecretHolder}s. A hosting found from origin is not known before a plan or run;
   * its token reaches the listener's {@link ReleaseListener#secretsInUse} too. Mask them before printing anything:
   *
   * <pre>{@code
   * release.secrets().forEach(s -> s.reveal(v -> { System.out.println("::add-mask::" + v); return null; }));
   * }</pre>
   */
  public List<Secret> secrets() {
    java.util.LinkedHashSet<Secret> secrets = new java.util.LinkedHashSet<>();
    List<Object> services = new ArrayList<>();
    for (Repository repository : wiring.repositories().values()) {
      if (repository.credentials() != null) {
        secrets.add(repository.credentials());
      }
      services.add(repository.hosting());
    }
    services.add(wiring.registry());
    services.addAll(wiring.announcers());
    services.addAll(wiring.endpoints().values());
    try {
      resolve().forEach(planned -> services.addAll(planned.step().services()));
    } catch (ReleaseException e) {
      // Steps that cannot be resolved never run, so their services never see a credential either.
    }
    for (Object service : services) {
      if (service instanceof dev.releasekit.spi.SecretHolder holder) {
        secrets.addAll(holder.secrets());
      }
    }
    return List.copyOf(secrets);
  }

  // Verbs

  /** Merges origin's {@code from} into {@code into} with a merge commit, as "merge master into dev". */
  public Release mergeForward(String from, String into) {
    return plus(b -> b.add(new MergeForwardStep(from, into)));
  }

  /** Cuts the release branch from the conventions' source branch (Home Assistant: dev; PostHog: master). */
  public Release cutBranch() {
    return plus(b -> cut(b, b.conventions.releaseBranchSource()));
  }

  /** Cuts the release branch from {@code from}, as a bugfix release cuts from master. */
  public Release cutBranch(String from) {
    return plus(b -> cut(b, from));
  }

  private static void cut(Blueprint b, String from) {
    String branch = b.conventions.releaseBranch(b.version);
    b.add(new CutBranchStep(branch, from));
    b.branch = branch;
  }

  /**
   * Works on the release branch from here on without cutting it, as release day does on a branch cut days
   * before.
   */
  public Release onReleaseBranch() {
    return plus(b -> b.branch = b.conventions.releaseBranch(b.version));
  }

  /** Writes this release's version into the version files on the release branch (or main when none was cut). */
  public Release bumpVersion() {
    return plus(b -> bump(b, b.version));
  }

  /** Writes {@code version} into the version files, as a bugfix's {@code PATCH_VERSION '2'}. */
  public Release bumpVersion(Version version) {
    return plus(b -> bump(b, version.inScheme(b.conventions.scheme())));
  }

  private static void bump(Blueprint b, Version target) {
    b.add(new BumpVersionStep(b.branch, target, b.conventions.versionFiles(), b.conventions.bumpMessage(target),
        BumpVersionStep.Mode.RELEASE));
  }

  /** Merges main into the development branch and puts the next development version there ({@code 0.58.0.dev0}). */
  public Release startNextDevelopment() {
    return plus(b -> {
      Conventions c = b.conventions;
      if (!c.mainBranch().equals(c.developmentBranch())) {
        b.add(new MergeForwardStep(c.mainBranch(), c.developmentBranch()));
      }
      Version next = b.version.bump(Bump.DEV);
      b.add(new BumpVersionStep(c.developmentBranch(), next, c.versionFiles(), c.nextDevelopmentMessage(next),
          BumpVersionStep.Mode.NEXT_DEVELOPMENT));
    });
  }

  /** Creates the annotated tag for this version on the current branch's tip. */
  public Release tag() {
    return plus(b -> b.add(new TagStep(b.conventions.tag(b.version), b.branch, b.conventions.tagMessage(b.version))));
  }

  /** Opens the release pull request from the release branch to main, titled by the conventions. */
  public Release openPr() {
    return plus(b -> b.add(new OpenPullRequestStep(b.branch, b.conventions.mainBranch(),
        b.conventions.pullRequestTitle(b.version), context -> "Release " + b.version + ".", ResultKey.RELEASE_PR)));
  }

  // Release day

  /** Cherry-picks the merged pull requests of the open milestone with the highest version onto the branch. */
  public Release cherryPickMilestone() {
    return plus(b -> b.add(new CherryPickMilestoneStep(Optional.empty(), b.branch, b.conventions.mainBranch(),
        CherryPicks.inMergeOrder())));
  }

  /** Cherry-picks the merged pull requests of the milestone titled exactly {@code title}, in merge order. */
  public Release cherryPickMilestone(String title) {
    return cherryPickMilestone(title, CherryPicks.inMergeOrder());
  }

  public Release cherryPickMilestone(String title, CherryPicks options) {
    Objects.requireNonNull(title, "title");
    return plus(b -> b.add(new CherryPickMilestoneStep(Optional.of(title), b.branch, b.conventions.mainBranch(),
        options)));
  }

  /** Writes the release notes (GitHub variant) into the release pull request's body. */
  public Release releaseNotes() {
    return plus(b -> b.add(new ReleaseNotesStep(b.branch, b.conventions.mainBranch())));
  }

  /** Lists {@code %s %ae} of the commits since the previous release's tag, external contributors apart. */
  public Release commitLog() {
    return plus(b -> b.add(new CommitLogStep(Optional.empty(), b.branch)));
  }

  /** Lists {@code %s %ae} of {@code from..to}, external contributors apart. */
  public Release commitLog(String from, String to) {
    return plus(b -> b.add(new CommitLogStep(Optional.of(from), to)));
  }

  /** Prepends this version's section, built from the release's pull requests, to the changelog. */
  public Release changelog() {
    return plus(b -> b.add(new ChangelogStep(b.branch, b.conventions.mainBranch(), Optional.empty())));
  }

  /** Prepends this version's section with a hand-written body to the changelog. */
  public Release changelog(String body) {
    return plus(b -> b.add(new ChangelogStep(b.branch, b.conventions.mainBranch(), Optional.of(body))));
  }

  /** Merges the release pull request with a merge commit, never a squash. */
  public Release mergePr() {
    return plus(b -> b.add(new MergePullRequestStep(b.branch, b.conventions.mainBranch())));
  }

  /**
   * Tags main (annotated, message from the conventions) and publishes the hosting's release for the tag: created
   * as a draft with the release pull request's body, then published.
   */
  public Release publishRelease() {
    return plus(b -> {
      Conventions c = b.conventions;
      String tag = c.tag(b.version);
      b.add(new TagStep(tag, c.mainBranch(), c.tagMessage(b.version)));
      b.add(new PublishReleaseStep(tag, c.releaseTitle(b.version), b.branch, c.mainBranch()));
    });
  }

  /** Closes the release's milestone once everything in it is merged and on the release branch. */
  public Release closeMilestone() {
    return plus(b -> b.add(new CloseMilestoneStep(Optional.of(milestoneTitle(b)), b.branch,
        b.conventions.mainBranch(), false)));
  }

  /** Closes the release's milestone even if open or unpicked pull requests remain (they become warnings). */
  public Release closeMilestoneEvenIfIncomplete() {
    return plus(b -> b.add(new CloseMilestoneStep(Optional.of(milestoneTitle(b)), b.branch,
        b.conventions.mainBranch(), true)));
  }

  private static String milestoneTitle(Blueprint b) {
    return b.conventions.pullRequestTitle(b.version).matches("[0-9][0-9.a-z]*")
        ? b.conventions.pullRequestTitle(b.version) : b.version.toString();
  }

  /**
   * PostHog's sync: a {@code <version>-sync} branch from main carrying the release branch's changelog and version
   * commits, and a pull request to main.
   */
  public Release syncBranch() {
    return plus(b -> {
      Conventions c = b.conventions;
      String sync = c.syncBranch(b.version);
      b.add(new CutBranchStep(sync, c.mainBranch()));
      b.add(new PickCommitsStep(b.branch, sync, c.mainBranch(),
          Set.of(c.changelogMessage(b.version), c.bumpMessage(b.version))));
      b.add(new OpenPullRequestStep(sync, c.mainBranch(), c.syncTitle(b.version),
          context -> "Brings the " + b.version + " changelog and version bump back to " + c.mainBranch() + ".",
          ResultKey.SYNC_PR));
    });
  }

  /**
   * Merges PostHog's sync pull request ({@link #syncBranch()}) into main with a merge commit. Merging it is what
   * tells users an update is available (its {@code versions.json} entry reaches main), so put it after the gate on
   * the release's images.
   */
  public Release mergeSyncPr() {
    return plus(b -> b.add(new MergePullRequestStep(b.conventions.syncBranch(b.version), b.conventions.mainBranch(),
        ResultKey.SYNC_PR, "syncBranch()")));
  }

  /**
   * Runs a command in the work tree, such as {@code script/release}, with {@code RELEASEKIT_VERSION},
   * {@code RELEASEKIT_TAG} and {@code RELEASEKIT_BRANCH} set. Its output goes into the report; a non-zero exit
   * fails the step. Plans record it without running it. It reads the work tree, so uncommitted changes there block
   * it (see the class documentation).
   */
  public Release command(String command, String... arguments) {
    List<String> full = new ArrayList<>();
    full.add(Objects.requireNonNull(command, "command"));
    full.addAll(List.of(arguments));
    return plus(b -> b.add(new RunsInWorkTree(new CommandStep(full, b.conventions.tag(b.version), b.branch,
        b.conventions.mainBranch()))));
  }

  /** A step that runs in the work tree: the command step, which declares it here rather than in its own class. */
  private static final class RunsInWorkTree implements Step {
    private final Step step;

    RunsInWorkTree(Step step) {
      this.step = step;
    }

    @Override
    public String description() {
      return step.description();
    }

    @Override
    public StepResult apply(StepContext context) {
      return step.apply(context);
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

  /**
   * Posts {@code text} through every announcer of the release ({@link #announcer(Announcer)}), once per announcer
   * across all runs, and never in a plan, where the text is shown instead. {@code {version}} is replaced by the
   * version.
   */
  public Release announce(String text) {
    Objects.requireNonNull(text, "text");
    return plus(b -> b.add(new AnnounceStep(text)));
  }

  /**
   * A gate: the steps after it run only once an earlier step of {@code repository} produced {@code key}, such as
   * {@code after("core", ResultKey.PUBLISHED_RELEASE)} before the website's pull request is merged.
   */
  public Release after(String repository, ResultKey<?> key) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(key, "key");
    return plus(b -> b.add(new AfterStep(repository, key)));
  }

  /** Adds any step, such as {@code Registry.awaitTag(...)} or one of your own, to the current repository. */
  public Release then(Step step) {
    Objects.requireNonNull(step, "step");
    return plus(b -> b.add(step));
  }

  // Results

  /**
   * Rehearses every step of every repository on throwaway copies of the repositories and origins, with every
   * service behind an overlay, and says what each step would do, after the {@linkplain Plan#preconditions()
   * preconditions} it checked (the conventions, and which file decided them; the work tree). The real origins and
   * services only receive reads, and nothing sleeps; a shallow clone gets its history fetched from origin. A release
   * with no step, a shallow clone whose origin lacks the history, and conventions that cannot be found or plainly
   * do not fit are refused with a {@link PreconditionException}.
   */
  public Plan plan() {
    return new Engine(this).plan();
  }

  /**
   * Runs every step for real and returns what each did; see the class documentation for failures. A release with
   * no step, a shallow clone whose origin lacks the history, and conventions that cannot be found or plainly do not
   * fit are refused with a {@link PreconditionException} before anything is written; so are uncommitted changes in the work tree when a
   * step reads it.
   */
  public Report run() {
    return new Engine(this).run();
  }

  /** The steps, described, in order; resolving patterns may throw a {@link PreconditionException}. */
  public List<String> steps() {
    return resolve().stream().map(this::describe).toList();
  }

  /** The names of the repositories that have steps, in the order they were declared. */
  public List<String> repositories() {
    return resolve().stream().map(Planned::repository).distinct().toList();
  }

  String describe(Planned planned) {
    return isMultiRepository() ? planned.repository() + ": " + planned.step().description()
        : planned.step().description();
  }

  private boolean isMultiRepository() {
    return wiring.verbs().stream().map(Verb::repository).distinct().count() > 1;
  }

  List<Planned> resolve() {
    Map<String, Blueprint> blueprints = new LinkedHashMap<>();
    List<Planned> planned = new ArrayList<>();
    for (Verb verb : wiring.verbs()) {
      Repository repository = wiring.repositories().get(verb.repository());
      Blueprint blueprint = blueprints.computeIfAbsent(verb.repository(), name -> new Blueprint(
          wiring.version().inScheme(repository.conventions().scheme()), repository.conventions()));
      int before = blueprint.steps().size();
      verb.verb().addTo(blueprint);
      for (Step step : blueprint.steps().subList(before, blueprint.steps().size())) {
        planned.add(new Planned(verb.repository(), step));
      }
    }
    return planned;
  }

  /** The version, in the form of the first repository's conventions. */
  public Version version() {
    return wiring.version().inScheme(firstRepository().conventions().scheme());
  }

  Version version(String repository) {
    return wiring.version().inScheme(wiring.repositories().get(repository).conventions().scheme());
  }

  private Repository firstRepository() {
    return wiring.verbs().isEmpty() ? wiring.currentRepository()
        : wiring.repositories().get(wiring.verbs().get(0).repository());
  }

  Wiring wiring() {
    return wiring;
  }

  Optional<Resolution> resolution(String key) {
    return Optional.ofNullable(wiring.resolutions().get(key));
  }

  /** The conventions of the first repository with a step: the release's version form and default time zone. */
  Conventions firstConventions() {
    return firstRepository().conventions();
  }

  /** This release with {@code found} as the conventions of those repositories, as if they had been given. */
  Release withConventions(Map<String, Conventions> found) {
    return with(c -> found.forEach((name, conventions) ->
        c.repositories.computeIfPresent(name, (key, repository) -> repository.conventions(conventions))));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Release ").append(version()).append(" (");
    try {
      List<String> steps = steps();
      out.append(steps.size()).append(steps.size() == 1 ? " step" : " steps").append(", not run)");
      for (int i = 0; i < steps.size(); i++) {
        out.append("\n  ").append(i + 1).append(") ").append(steps.get(i));
      }
    } catch (ReleaseException e) {
      out.append("invalid: ").append(e.getMessage()).append(')');
    }
    return out.toString();
  }
}
