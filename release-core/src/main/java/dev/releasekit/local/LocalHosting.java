package dev.releasekit.local;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.git.internal.Identities;
import dev.releasekit.git.internal.Merges;
import dev.releasekit.git.internal.StaleLocks;
import dev.releasekit.local.internal.Store;
import dev.releasekit.local.internal.Store.Item;
import dev.releasekit.local.internal.Store.ContributionData;
import dev.releasekit.local.internal.Store.MilestoneData;
import dev.releasekit.local.internal.Store.RepositoryData;
import dev.releasekit.local.internal.Store.ReleaseData;
import dev.releasekit.local.internal.Store.State;
import dev.releasekit.local.internal.Store.UserData;
import dev.releasekit.spi.Contribution;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A {@link Hosting} kept in a folder as one JSON file, next to a bare git origin: the embedded default that the
 * demo and the tests use, and a way to rehearse a whole release with no token and no network.
 *
 * <p>It behaves like GitHub where a release depends on it: issues and pull requests share one number space,
 * merging a pull request creates a real merge commit on the base branch of the origin repository (never a squash),
 * adding a label that does not exist is refused, and releases start as drafts. It refuses what GitHub refuses with
 * {@code 422}, with the same {@link AlreadyExistsException}: a second open pull request from one head into one
 * base, a second release for a tag, a label whose name is taken (compared without regard to case). It is safe across threads and
 * processes: every write happens under a file lock and replaces the file atomically, and reads never write.
 *
 * <pre>{@code
 * LocalHosting hosting = LocalHosting.open(Path.of("hosting"), Path.of("origin.git"));
 * hosting.seed().milestone("0.57");
 * Release.of("0.57").in(Path.of("core")).hostedOn(hosting).cutBranch().openPr().run();
 * hosting.findPullRequest("release-0-57", "master");   // the PR the run opened
 * }</pre>
 */
public final class LocalHosting implements Hosting {
  /** How far back on base's first-parent line a merge interrupted by a crash is looked for. */
  private static final int INTERRUPTED_MERGE_DEPTH = 50;
  private final Store store;
  private final Path origin;
  private final Clock clock;
  private final String login;
  private final String webUrl;
  private final String userBaseUrl;

  private LocalHosting(Settings settings) {
    this.store = settings.store;
    this.origin = settings.origin;
    this.clock = settings.clock;
    this.login = settings.login;
    this.webUrl = settings.webUrl;
    this.userBaseUrl = settings.userBaseUrl;
  }

  /**
   * A hosting whose state lives in {@code storeDirectory} and whose pull requests merge in the bare repository
   * {@code origin}.
   */
  public static LocalHosting open(Path storeDirectory, Path origin) {
    Path originDir = origin.toAbsolutePath().normalize();
    if (!Files.isDirectory(originDir)) {
      throw new PreconditionException("The origin repository " + originDir + " does not exist. Create it (git"
          + " init --bare), or pass the folder of the bare repository the release pushes to.");
    }
    Settings settings = new Settings();
    settings.store = new Store(storeDirectory.toAbsolutePath().normalize());
    settings.origin = originDir;
    settings.webUrl = originDir.toUri().toString().replaceAll("/$", "");
    return new LocalHosting(settings);
  }

  /** The hosting conventionally kept inside a bare origin, in {@code <origin>/releasekit-hosting}. */
  public static LocalHosting forOrigin(Path origin) {
    return open(origin.resolve("releasekit-hosting"), origin);
  }

  private Settings settings() {
    return new Settings(this);
  }

  /** The same hosting, stamping merges and releases with {@code clock}. */
  public LocalHosting withClock(Clock clock) {
    Settings settings = settings();
    settings.clock = Objects.requireNonNull(clock, "clock");
    return new LocalHosting(settings);
  }

  /** The same hosting, acting as {@code login} when it opens pull requests. */
  public LocalHosting actingAs(String login) {
    Settings settings = settings();
    settings.login = Objects.requireNonNull(login, "login");
    return new LocalHosting(settings);
  }

  /** The same hosting, generating links under {@code webUrl} and {@code userBaseUrl} (ending in a slash). */
  public LocalHosting withWebUrls(String webUrl, String userBaseUrl) {
    Settings settings = settings();
    settings.webUrl = Objects.requireNonNull(webUrl, "webUrl");
    settings.userBaseUrl = Objects.requireNonNull(userBaseUrl, "userBaseUrl");
    return new LocalHosting(settings);
  }

  /** What a {@link LocalHosting} is made of; the withers above derive changed copies through it. */
  private static final class Settings {
    private Store store;
    private Path origin;
    private Clock clock = Clock.systemUTC();
    private String login = "releasekit";
    private String webUrl;
    private String userBaseUrl = "https://github.com/";

    Settings() {
    }

    Settings(LocalHosting hosting) {
      store = hosting.store;
      origin = hosting.origin;
      clock = hosting.clock;
      login = hosting.login;
      webUrl = hosting.webUrl;
      userBaseUrl = hosting.userBaseUrl;
    }
  }

  public Path storeDirectory() {
    return store.directory();
  }

  public Path origin() {
    return origin;
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String webUrl() {
    return webUrl;
  }

  @Override
  public String userUrl(String login) {
    return userBaseUrl + login;
  }

  // Pull requests

  @Override
  public Optional<PullRequest> findPullRequest(String head, String base) {
    return store.read(state -> state.items.stream()
        .filter(i -> "pull".equals(i.kind) && head.equals(i.head) && base.equals(i.base))
        .max(Comparator.comparingInt(i -> i.number))
        .map(this::toPull));
  }

  @Override
  public PullRequest pullRequest(int number) {
    return store.read(state -> toPull(pull(state, number)));
  }

  @Override
  public Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers) {
    return store.read(state -> {
      Map<Integer, PullRequest> found = new LinkedHashMap<>();
      for (int number : numbers) {
        state.items.stream().filter(i -> i.number == number && "pull".equals(i.kind)).findFirst()
            .ifPresent(i -> found.put(number, toPull(i)));
      }
      return found;
    });
  }

  @Override
  public PullRequest openPullRequest(String head, String base, String title, String body) {
    return open(head, base, title, body, login);
  }

  private PullRequest open(String head, String base, String title, String body, String author) {
    requireBranch(head);
    requireBranch(base);
    return write(state -> {
      Optional<Item> open = state.items.stream().filter(i -> "pull".equals(i.kind) && "open".equals(i.state)
          && head.equals(i.head) && base.equals(i.base)).findFirst();
      if (open.isPresent()) {
        // GitHub: 422 Validation Failed, "A pull request already exists for owner:head."
        throw new AlreadyExistsException(Change.Kind.PULL_REQUEST, head + " -> " + base, "A pull request already"
            + " exists for " + head + " into " + base + ": #" + open.get().number + " (" + webUrl + "/pull/"
            + open.get().number + "). Use it (findPullRequest(head, base)), or close it first; a head and base have"
            + " one open pull request at a time.");
      }
      Item item = new Item();
      item.number = state.nextNumber++;
      item.kind = "pull";
      item.title = title;
      item.body = body;
      item.state = "open";
      item.author = author;
      item.head = head;
      item.base = base;
      state.items.add(item);
      return toPull(item);
    });
  }

  @Override
  public PullRequest updatePullRequest(int number, String title, String body) {
    return write(state -> {
      Item item = pull(state, number);
      item.title = title;
      item.body = body;
      return toPull(item);
    });
  }

  @Override
  public PullRequest mergePullRequest(int number) {
    return write(state -> {
      Item item = pull(state, number);
      if ("merged".equals(item.state)) {
        return toPull(item);
      }
      if ("closed".equals(item.state)) {
        throw new ConflictException("Pull request #" + number + " is closed. Reopen it before merging.");
      }
      item.mergeCommitSha = mergeOnOrigin(item);
      item.mergedAt = clock.instant().toString();
      item.state = "merged";
      return toPull(item);
    });
  }

  /** Merges head into base on the origin repository as a hosting's merge button does: a two-parent commit. */
  private String mergeOnOrigin(Item item) {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.R_HEADS + item.head);
      ObjectId base = repo.resolve(Constants.R_HEADS + item.base);
      if (head == null || base == null) {
        throw new PreconditionException("Pull request #" + item.number + " cannot merge: branch "
            + (head == null ? item.head : item.base) + " does not exist on origin.");
      }
      if (walk.isMergedInto(walk.parseCommit(head), walk.parseCommit(base))) {
        return base.name();
      }
      ObjectId merge = Merges.mergeCommit(repo, base, head,
          "Merge pull request #" + item.number + " from " + item.head + "\n\n" + item.title + "\n",
          Identities.committer(repo));
      StaleLocks.moveRef(repo, Constants.R_HEADS + item.base, base, merge, StaleLocks.Pause.THREAD,
          "Merging pull request #" + item.number);
      return merge.name();
    } catch (IOException e) {
      throw new ReleaseException("Cannot merge pull request #" + item.number + ": " + e.getMessage() + ". Check that the local origin is a readable bare repository, then run again.", e);
    }
  }

  private void requireBranch(String branch) {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build()) {
      if (repo.exactRef(Constants.R_HEADS + branch) == null) {
        throw new PreconditionException("Branch '" + branch + "' does not exist on origin. Push it first.");
      }
    } catch (IOException e) {
      throw new ReleaseException("Cannot read origin " + origin + ": " + e.getMessage() + ". Check that the local origin is a readable bare repository, then run again.", e);
    }
  }

  // Labels

  @Override
  public Set<String> labels() {
    return store.read(state -> new LinkedHashSet<>(state.labels));
  }

  @Override
  public void addLabels(int number, Collection<String> labels) {
    write(state -> {
      Labels.requireExisting(Set.copyOf(state.labels), labels, "this repository");
      Item item = item(state, number);
      for (String label : labels) {
        if (!item.labels.contains(label)) {
          item.labels.add(label);
        }
      }
      return null;
    });
  }

  @Override
  public void createLabel(String name) {
    write(state -> {
      Optional<String> taken = state.labels.stream().filter(l -> l.equalsIgnoreCase(name)).findFirst();
      if (taken.isPresent()) {
        // GitHub: 422 Validation Failed, errors[] {resource: Label, field: name, code: already_exists}.
        throw new AlreadyExistsException(Change.Kind.LABEL, name, "The label '" + name + "' already exists"
            + (taken.get().equals(name) ? "" : " as '" + taken.get() + "' (label names are compared without regard"
            + " to case)") + ". Use it, or create labels with Labels.create(hosting, name), which adopts it.");
      }
      state.labels.add(name);
      return null;
    });
  }

  // Milestones

  @Override
  public Optional<Milestone> milestone(String title) {
    return store.read(state -> state.milestones.stream().filter(m -> m.title.equals(title)).findFirst()
        .map(this::toMilestone));
  }

  @Override
  public List<Milestone> openMilestones() {
    return store.read(state -> state.milestones.stream().filter(m -> "open".equals(m.state))
        .map(this::toMilestone).toList());
  }

  @Override
  public List<Issue> milestoneItems(Milestone milestone) {
    return store.read(state -> state.items.stream().filter(i -> milestone.title().equals(i.milestone))
        .map(this::toIssue).toList());
  }

  @Override
  public Milestone closeMilestone(Milestone milestone) {
    return write(state -> {
      MilestoneData data = state.milestones.stream().filter(m -> m.number == milestone.number()).findFirst()
          .orElseThrow(() -> new PreconditionException("No milestone #" + milestone.number() + "."));
      data.state = "closed";
      return toMilestone(data);
    });
  }

  // Releases

  @Override
  public Optional<HostedRelease> releaseByTag(String tag) {
    return store.read(state -> state.releases.stream().filter(r -> r.tag.equals(tag)).findFirst()
        .map(this::toRelease));
  }

  @Override
  public HostedRelease createDraftRelease(String tag, String name, String body) {
    return write(state -> {
      if (state.releases.stream().anyMatch(r -> r.tag.equals(tag))) {
        // GitHub: 422 Validation Failed, errors[] {resource: Release, field: tag_name, code: already_exists}.
        throw new AlreadyExistsException(Change.Kind.RELEASE, tag, "A release for tag " + tag + " already exists ("
            + webUrl + "/releases/tag/" + tag + "). Use it (releaseByTag(tag)); a tag has one release.");
      }
      ReleaseData r = new ReleaseData();
      r.id = String.valueOf(state.nextRelease++);
      r.tag = tag;
      r.name = name;
      r.body = body;
      r.status = "draft";
      state.releases.add(r);
      return toRelease(r);
    });
  }

  @Override
  public HostedRelease updateReleaseBody(String id, String body) {
    return write(state -> {
      ReleaseData r = release(state, id);
      r.body = body;
      return toRelease(r);
    });
  }

  @Override
  public HostedRelease publishRelease(String id) {
    return write(state -> {
      ReleaseData r = release(state, id);
      r.status = "published";
      return toRelease(r);
    });
  }

  // Users

  @Override
  public Optional<User> user(String login) {
    return store.read(state -> state.users.stream().filter(u -> u.login.equals(login)).findFirst()
        .map(u -> new User(u.login, Optional.ofNullable(u.name), userUrl(u.login))));
  }

  // Organisations

  @Override
  public List<String> publicRepositories(String organisation) {
    return store.read(state -> state.repositories.stream().filter(r -> !r.isPrivate)
        .filter(r -> r.fullName.startsWith(organisation + "/")).map(r -> r.fullName).toList());
  }

  @Override
  public List<Contribution> contributors(String repository) {
    return store.read(state -> repository(state, repository).contributors.stream()
        .map(c -> new Contribution(Optional.ofNullable(c.login), Optional.ofNullable(c.name),
            Optional.ofNullable(c.email), c.commits))
        .toList());
  }

  @Override
  public Optional<String> loginOfEmail(String repository, String email) {
    return store.read(state -> {
      boolean committed = repository(state, repository).contributors.stream()
          .anyMatch(c -> email.equalsIgnoreCase(c.email));
      return committed ? state.users.stream().filter(u -> u.emails.stream().anyMatch(email::equalsIgnoreCase))
          .map(u -> u.login).findFirst() : Optional.empty();
    });
  }

  private static RepositoryData repository(State state, String fullName) {
    return state.repositories.stream().filter(r -> r.fullName.equalsIgnoreCase(fullName)).findFirst()
        .orElseThrow(() -> new PreconditionException("No repository " + fullName + " on this hosting. Seed it with"
            + " hosting.seed().repository(\"" + fullName + "\"), or check the name (owner/name)."));
  }

  // Seeding

  /**
   * Fills this hosting with other people's work, for tests, demos and sandboxes: pull requests merged or open,
   * issues, milestones and users, each with a builder instead of positional arguments.
   *
   * <pre>{@code
   * hosting.seed().pull("Fix sensor rounding").number(104).by("sensordev").from("fix-sensor").into("dev")
   *     .milestone("0.57").mergedAs(sha, Instant.parse("2017-10-25T10:00:00Z"));
   * hosting.seed().issue("Lights flicker on 0.56").by("user1").milestone("0.57").create();
   * }</pre>
   */
  public Seed seed() {
    return new Seed();
  }

  /** The seeding verbs of a {@link LocalHosting}. */
  public final class Seed {
    private Seed() {}

    /** A pull request to record; finish with {@link PullSeed#mergedAs} or {@link PullSeed#open()}. */
    public PullSeed pull(String title) {
      return new PullSeed(title);
    }

    /** A plain issue to file; finish with {@link IssueSeed#create()}. */
    public IssueSeed issue(String title) {
      return new IssueSeed(title);
    }

    /** Creates an open milestone, or returns the one with this title. */
    public Milestone milestone(String title) {
      return write(state -> {
        for (MilestoneData m : state.milestones) {
          if (m.title.equals(title)) {
            return toMilestone(m);
          }
        }
        MilestoneData m = new MilestoneData();
        m.number = state.nextMilestone++;
        m.title = title;
        m.state = "open";
        state.milestones.add(m);
        return toMilestone(m);
      });
    }

    /** Puts an issue or pull request in a milestone (null removes it). */
    public void moveTo(int number, String milestone) {
      write(state -> {
        item(state, number).milestone = milestone;
        return null;
      });
    }

    /** Closes an issue or an unmerged pull request. */
    public void close(int number) {
      write(state -> {
        Item item = item(state, number);
        if (!"merged".equals(item.state)) {
          item.state = "closed";
        }
        return null;
      });
    }

    /** Registers a user's display name. */
    public void user(String login, String name) {
      write(state -> {
        List<String> emails = state.users.stream().filter(u -> u.login.equals(login)).findFirst()
            .map(u -> u.emails).orElseGet(ArrayList::new);
        state.users.removeIf(u -> u.login.equals(login));
        UserData u = new UserData();
        u.login = login;
        u.name = name;
        u.emails = emails;
        state.users.add(u);
        return null;
      });
    }

    /** Says that commits by {@code email} map to the account {@code login}, which must be registered. */
    public void email(String login, String email) {
      write(state -> {
        UserData user = state.users.stream().filter(u -> u.login.equals(login)).findFirst()
            .orElseThrow(() -> new PreconditionException("Register " + login + " with seed().user(...) first."));
        if (!user.emails.contains(email)) {
          user.emails.add(email);
        }
        return null;
      });
    }

    /** Another repository of the owner ({@code owner/name}) with its contributors; finish with create(). */
    public RepositorySeed repository(String fullName) {
      return new RepositorySeed(fullName);
    }
  }

  /** A repository being seeded, public unless {@link #privately()}; it replaces one of the same name. */
  public final class RepositorySeed {
    private final RepositoryData data = new RepositoryData();

    private RepositorySeed(String fullName) {
      data.fullName = Objects.requireNonNull(fullName, "fullName");
    }

    public RepositorySeed privately() {
      data.isPrivate = true;
      return this;
    }

    /** {@code commits} by the account {@code login}. */
    public RepositorySeed contributor(String login, int commits) {
      ContributionData c = new ContributionData();
      c.login = Objects.requireNonNull(login, "login");
      c.commits = commits;
      data.contributors.add(c);
      return this;
    }

    /** {@code commits} by an email no account claimed when they were counted. */
    public RepositorySeed anonymous(String name, String email, int commits) {
      ContributionData c = new ContributionData();
      c.name = Objects.requireNonNull(name, "name");
      c.email = Objects.requireNonNull(email, "email");
      c.commits = commits;
      data.contributors.add(c);
      return this;
    }

    public void create() {
      write(state -> {
        state.repositories.removeIf(r -> r.fullName.equalsIgnoreCase(data.fullName));
        state.repositories.add(data);
        return null;
      });
    }
  }

  /** A pull request being seeded. Unset: the next free number, author {@code releasekit}, no labels. */
  public final class PullSeed {
    private final String title;
    private int number;
    private String author = login;
    private String head;
    private String base;
    private List<String> labels = List.of();
    private String milestone;

    private PullSeed(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    public PullSeed number(int number) {
      this.number = number;
      return this;
    }

    public PullSeed by(String author) {
      this.author = Objects.requireNonNull(author, "author");
      return this;
    }

    public PullSeed from(String head) {
      this.head = head;
      return this;
    }

    public PullSeed into(String base) {
      this.base = base;
      return this;
    }

    public PullSeed labels(String... labels) {
      this.labels = List.of(labels);
      return this;
    }

    public PullSeed milestone(String milestone) {
      this.milestone = milestone;
      return this;
    }

    /** Opens it; its branches must exist on origin. Number and labels are not set on an open pull request. */
    public PullRequest open() {
      PullRequest opened = LocalHosting.this.open(head, base, title, "", author);
      if (milestone != null) {
        seed().moveTo(opened.number(), milestone);
      }
      return pullRequest(opened.number());
    }

    /**
     * Records it as merged as {@code mergeCommit} (already on origin) at {@code mergedAt}, as a squash or merge
     * button would have left it.
     */
    public PullRequest mergedAs(String mergeCommit, Instant mergedAt) {
      return write(state -> {
        Item item = new Item();
        item.number = number == 0 ? state.nextNumber : number;
        if (state.items.stream().anyMatch(i -> i.number == item.number)) {
          throw new ConflictException("#" + item.number + " already exists.");
        }
        state.nextNumber = Math.max(state.nextNumber, item.number + 1);
        item.kind = "pull";
        item.title = title;
        item.body = "";
        item.state = "merged";
        item.author = author;
        item.head = head;
        item.base = base;
        item.mergeCommitSha = Objects.requireNonNull(mergeCommit, "mergeCommit");
        item.mergedAt = mergedAt.toString();
        item.labels = new ArrayList<>(labels);
        item.milestone = milestone;
        state.items.add(item);
        return toPull(item);
      });
    }
  }

  /** An issue being seeded. */
  public final class IssueSeed {
    private final String title;
    private String author = login;
    private List<String> labels = List.of();
    private String milestone;

    private IssueSeed(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    public IssueSeed by(String author) {
      this.author = Objects.requireNonNull(author, "author");
      return this;
    }

    public IssueSeed labels(String... labels) {
      this.labels = List.of(labels);
      return this;
    }

    public IssueSeed milestone(String milestone) {
      this.milestone = milestone;
      return this;
    }

    /** Files it, open, with the next free number. */
    public Issue create() {
      return write(state -> {
        Item item = new Item();
        item.number = state.nextNumber++;
        item.kind = "issue";
        item.title = title;
        item.body = "";
        item.state = "open";
        item.author = author;
        item.labels = new ArrayList<>(labels);
        item.milestone = milestone;
        state.items.add(item);
        return toIssue(item);
      });
    }
  }

  // Mapping

  private static Item item(State state, int number) {
    return state.items.stream().filter(i -> i.number == number).findFirst()
        .orElseThrow(() -> new PreconditionException("No issue or pull request #" + number + " exists."));
  }

  private static Item pull(State state, int number) {
    Item item = item(state, number);
    if (!"pull".equals(item.kind)) {
      throw new PreconditionException("#" + number + " is an issue, not a pull request.");
    }
    return item;
  }

  private static ReleaseData release(State state, String id) {
    return state.releases.stream().filter(r -> r.id.equals(id)).findFirst()
        .orElseThrow(() -> new PreconditionException("No release with id " + id + "."));
  }

  /**
   * Every write to the store first records the merges a dead process made and did not record
   * ({@link #interruptedMerge}), so the store converges on what reads already show.
   */
  private <T> T write(java.util.function.Function<State, T> change) {
    return store.write(state -> {
      for (Item item : state.items) {
        if ("pull".equals(item.kind)) {
          interruptedMerge(item).ifPresent(commit -> {
            item.mergeCommitSha = commit.name();
            item.mergedAt = commit.getCommitterIdent().getWhenAsInstant().toString();
            item.state = "merged";
          });
        }
      }
      return change.apply(state);
    });
  }

  /**
   * The merge commit this hosting made on origin for the open pull request {@code item}, when a process died after
   * making it and before recording it in the store: a two-parent commit on base's first-parent line whose second
   * parent is head's tip and whose message is this hosting's own. GitHub's merge is one atomic act, so this window
   * is LocalHosting's alone; reads show such a pull request as merged, and a merge records it, without merging
   * again.
   */
  private Optional<RevCommit> interruptedMerge(Item item) {
    if (!"open".equals(item.state)) {
      return Optional.empty();
    }
    try (Repository repo = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.R_HEADS + item.head);
      ObjectId base = repo.resolve(Constants.R_HEADS + item.base);
      if (head == null || base == null) {
        return Optional.empty();
      }
      String message = "Merge pull request #" + item.number + " from " + item.head + "\n";
      RevCommit commit = walk.parseCommit(base);
      for (int i = 0; i < INTERRUPTED_MERGE_DEPTH && commit != null; i++) {
        if (commit.getParentCount() == 2 && commit.getParent(1).equals(head)
            && commit.getFullMessage().startsWith(message)) {
          return Optional.of(commit);
        }
        commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new ReleaseException("Cannot read pull request #" + item.number + "'s branches on origin: "
          + e.getMessage() + ". Check that the local origin is a readable bare repository, then run again.", e);
    }
  }

  private PullRequest toPull(Item i) {
    Optional<RevCommit> interrupted = interruptedMerge(i);
    if (interrupted.isPresent()) {
      return new PullRequest(i.number, i.title, i.body, i.head, i.base, PullRequest.State.MERGED, i.author,
          i.labels, Optional.ofNullable(i.milestone), Optional.of(interrupted.get().getCommitterIdent()
              .getWhenAsInstant()), Optional.of(interrupted.get().name()), webUrl + "/pull/" + i.number);
    }
    PullRequest.State state = switch (i.state) {
      case "merged" -> PullRequest.State.MERGED;
      case "closed" -> PullRequest.State.CLOSED;
      default -> PullRequest.State.OPEN;
    };
    return new PullRequest(i.number, i.title, i.body, i.head, i.base, state, i.author, i.labels,
        Optional.ofNullable(i.milestone), Optional.ofNullable(i.mergedAt).map(Instant::parse),
        Optional.ofNullable(i.mergeCommitSha), webUrl + "/pull/" + i.number);
  }

  private Issue toIssue(Item i) {
    return new Issue(i.number, i.title, "pull".equals(i.kind) ? Issue.Kind.PULL_REQUEST : Issue.Kind.ISSUE,
        "open".equals(i.state) ? Issue.State.OPEN : Issue.State.CLOSED, i.author, i.labels,
        Optional.ofNullable(i.milestone), webUrl + ("pull".equals(i.kind) ? "/pull/" : "/issues/") + i.number);
  }

  private Milestone toMilestone(MilestoneData m) {
    return new Milestone(m.number, m.title, "open".equals(m.state) ? Milestone.State.OPEN : Milestone.State.CLOSED,
        webUrl + "/milestone/" + m.number);
  }

  private HostedRelease toRelease(ReleaseData r) {
    return new HostedRelease(r.id, r.tag, r.name, r.body,
        "draft".equals(r.status) ? HostedRelease.Status.DRAFT : HostedRelease.Status.PUBLISHED,
        webUrl + "/releases/tag/" + r.tag);
  }

  @Override
  public String toString() {
    return "LocalHosting[" + store.directory() + ", origin " + origin + "]";
  }
}
