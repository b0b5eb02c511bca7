package dev.releasekit;

import dev.releasekit.internal.Blueprint;
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
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Step;
import dev.releasekit.version.Bump;
import dev.releasekit.version.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A release, as an immutable value: a version, the conventions of the project, and the steps to take. Each verb
 * returns a new {@code Release} with one more step; nothing happens until {@link #plan()} or {@link #run()}.
 *
 * <pre>{@code
 * Release release = Release.of("0.57")             // Conventions.homeAssistant() unless told otherwise
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
 * <p>{@code run()} first rehearses: if any step would be BLOCKED by the state of the world (a branch or tag that
 * exists on another commit, a version going backwards, a missing file), it throws that step's exception before
 * writing anything. A cherry-pick that conflicts is the exception: the run goes up to it (the picks before it land),
 * so a person resolves exactly that change and runs again.
 *
 * <p>Which hosting to use is found from origin's URL through {@link java.util.ServiceLoader} unless wired with
 * {@link #hostedOn(Hosting)}: a local origin gets {@code LocalHosting}, github.com gets {@code release-github}'s
 * GitHub when that module is on the class path.
 */
public final class Release {
  private final Version version;
  private final Conventions conventions;
  private final Path directory;
  private final Hosting hosting;
  private final ImageRegistry registry;
  private final Secret credentials;
  private final ReleaseListener listener;
  private final Map<String, String> environment;
  private final Clock clock;
  private final boolean rehearseFirst;
  private final List<Blueprint.Verb> verbs;
  private final LocalDate date;

  private Release(Version version, Conventions conventions, Path directory, Hosting hosting, ImageRegistry registry,
      Secret credentials, ReleaseListener listener, Map<String, String> environment, Clock clock,
      boolean rehearseFirst, List<Blueprint.Verb> verbs, LocalDate date) {
    this.version = version;
    this.conventions = conventions;
    this.directory = directory;
    this.hosting = hosting;
    this.registry = registry;
    this.credentials = credentials;
    this.listener = listener;
    this.environment = environment;
    this.clock = clock;
    this.rehearseFirst = rehearseFirst;
    this.verbs = List.copyOf(verbs);
    this.date = date;
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
    return new Release(version, Conventions.homeAssistant(), Path.of(""), null, null, null, ReleaseListener.silent(),
        System.getenv(), Clock.systemUTC(), true, List.of(), null);
  }

  private Release with(Conventions conventions, Path directory, Hosting hosting, ImageRegistry registry,
      Secret credentials, ReleaseListener listener, Map<String, String> environment, Clock clock,
      boolean rehearseFirst, List<Blueprint.Verb> verbs) {
    return new Release(version, conventions, directory, hosting, registry, credentials, listener, environment, clock,
        rehearseFirst, verbs, date);
  }

  private Release plus(Blueprint.Verb verb) {
    List<Blueprint.Verb> more = new ArrayList<>(verbs);
    more.add(verb);
    return with(conventions, directory, hosting, registry, credentials, listener, environment, clock, rehearseFirst,
        more);
  }

  // Wiring

  /** The project's conventions: branch names, patterns, version files, labels. */
  public Release conventions(Conventions conventions) {
    return with(Objects.requireNonNull(conventions), directory, hosting, registry, credentials, listener,
        environment, clock, rehearseFirst, verbs);
  }

  /** The git clone to release from; its {@code origin} is where everything is pushed. */
  public Release in(Path directory) {
    return with(conventions, Objects.requireNonNull(directory), hosting, registry, credentials, listener,
        environment, clock, rehearseFirst, verbs);
  }

  public Release hostedOn(Hosting hosting) {
    return with(conventions, directory, Objects.requireNonNull(hosting), registry, credentials, listener,
        environment, clock, rehearseFirst, verbs);
  }

  public Release withRegistry(ImageRegistry registry) {
    return with(conventions, directory, hosting, Objects.requireNonNull(registry), credentials, listener,
        environment, clock, rehearseFirst, verbs);
  }

  /** The token for pushing over HTTPS (and for discovering a hosting). */
  public Release credentials(Secret credentials) {
    return with(conventions, directory, hosting, registry, Objects.requireNonNull(credentials), listener,
        environment, clock, rehearseFirst, verbs);
  }

  public Release listener(ReleaseListener listener) {
    return with(conventions, directory, hosting, registry, credentials, Objects.requireNonNull(listener),
        environment, clock, rehearseFirst, verbs);
  }

  /** The variables commands see and hostings are discovered from; the process environment by default. */
  public Release environment(Map<String, String> environment) {
    return with(conventions, directory, hosting, registry, credentials, listener, Map.copyOf(environment), clock,
        rehearseFirst, verbs);
  }

  /** The clock for timestamps and waits; tests pass a fixed one. */
  public Release clock(Clock clock) {
    return with(conventions, directory, hosting, registry, credentials, listener, environment,
        Objects.requireNonNull(clock), rehearseFirst, verbs);
  }

  /**
   * The release's date, which every step that prints a date uses: the changelog heading, a patch release's notes
   * heading. Without it, the release is dated the day the run starts in the conventions' time zone, by the clock.
   */
  public Release date(LocalDate date) {
    return new Release(version, conventions, directory, hosting, registry, credentials, listener, environment, clock,
        rehearseFirst, verbs, Objects.requireNonNull(date, "date"));
  }

  /**
   * A release whose {@link #run()} skips the rehearsal before writing. Faster on very large flows, but a
   * contradiction found half way then leaves the earlier steps done (a re-run still converges).
   */
  public Release withoutRehearsal() {
    return with(conventions, directory, hosting, registry, credentials, listener, environment, clock, false, verbs);
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
        b.conventions.pullRequestTitle(b.version), context -> "Release " + b.version + ".")));
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
          context -> "Brings the " + b.version + " changelog and version bump back to " + c.mainBranch() + "."));
    });
  }

  /**
   * Runs a command in the work tree, such as {@code script/release}, with {@code RELEASEKIT_VERSION},
   * {@code RELEASEKIT_TAG} and {@code RELEASEKIT_BRANCH} set. Its output goes into the report; a non-zero exit
   * fails the step. Plans record it without running it.
   */
  public Release run(String command, String... arguments) {
    List<String> full = new ArrayList<>();
    full.add(Objects.requireNonNull(command, "command"));
    full.addAll(List.of(arguments));
    return plus(b -> b.add(new CommandStep(full, b.conventions.tag(b.version), b.branch,
        b.conventions.mainBranch())));
  }

  /** Adds any step, such as {@code Registry.awaitTag(...)} or one of your own. */
  public Release then(Step step) {
    Objects.requireNonNull(step, "step");
    return plus(b -> b.add(step));
  }

  // Results

  /**
   * Rehearses every step on a throwaway copy of the repository and origin, with the hosting and registry behind
   * overlays, and says what each step would do. The real origin, hosting and registry only receive reads.
   */
  public Plan plan() {
    return new Engine(this).plan();
  }

  /** Runs every step for real and returns what each did; see the class documentation for failures. */
  public Report run() {
    return new Engine(this).run();
  }

  /** The steps, described, in order; resolving patterns may throw a {@link PreconditionException}. */
  public List<String> steps() {
    return resolve().stream().map(Step::description).toList();
  }

  List<Step> resolve() {
    Blueprint blueprint = new Blueprint(version.inScheme(conventions.scheme()), conventions);
    for (Blueprint.Verb verb : verbs) {
      verb.addTo(blueprint);
    }
    return blueprint.steps();
  }

  public Version version() {
    return version.inScheme(conventions.scheme());
  }

  Conventions conventionsValue() {
    return conventions;
  }

  Path directory() {
    return directory;
  }

  Hosting hosting() {
    return hosting;
  }

  ImageRegistry registry() {
    return registry;
  }

  Secret credentials() {
    return credentials;
  }

  ReleaseListener listenerValue() {
    return listener;
  }

  Map<String, String> environmentValue() {
    return environment;
  }

  Clock clockValue() {
    return clock;
  }

  boolean rehearseFirst() {
    return rehearseFirst;
  }

  Optional<LocalDate> dateValue() {
    return Optional.ofNullable(date);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Release ").append(version).append(" (");
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
