package dev.releasekit.git.internal;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;
import dev.releasekit.Secret;
import dev.releasekit.git.Commit;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The JGit implementation of {@link Workspace}. The engine keeps this type (the sandbox and the journal need its
 * {@link #repository()}); steps only ever see the {@link Workspace} face, wrapped in a {@link RecordingWorkspace}
 * that reports their writes. Every push goes through {@link Push}, which never forces.
 */
public final class JGitWorkspace implements Workspace {
  private static final String ORIGIN = "origin";
  /** Where releases' leases live on origin: outside {@code refs/releasekit/}, so fetches do not copy them. */
  public static final String LEASES = "refs/releasekit-lease/";
  private static final Consumer<Change> NO_SINK = change -> { };

  private final Repository repo;
  private final Git git;
  private final CredentialsProvider credentials;
  private final Secret secret;
  private final AtomicInteger lsRemotes = new AtomicInteger();
  private final AtomicInteger pushes = new AtomicInteger();
  private volatile StaleLocks.Pause pause = StaleLocks.Pause.THREAD;
  private volatile Map<String, String> fetchedBranches = Map.of();
  // The clone's copies of origin's refs that a lock kept from moving, and origin's id for each: a run killed while
  // updating one leaves its lock in the clone, and origin, not the stale copy, is what the steps must read.
  private final Map<String, ObjectId> laggingCopies = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String fetchedDefaultBranch;
  private volatile boolean completedShallowClone;
  // A plan's sandbox origin, whose refs this JVM reads and moves itself (see originInProcess).
  private volatile Repository inProcessOrigin;
  // Origin's repository when it is a folder on this machine whose refs may be read here (see advertisedHere).
  private Repository localOrigin;
  private boolean localOriginOpened;

  private JGitWorkspace(Repository repo, Secret secret) {
    this.repo = repo;
    this.git = new Git(repo);
    this.secret = secret;
    this.credentials = provider(secret);
  }

  CredentialsProvider credentialsProvider() {
    pushes.incrementAndGet();
    return credentials;
  }

  /** How many pushes this workspace made (attempts included): what a lease or a journal costs is counted here. */
  public int pushCount() {
    return pushes.get();
  }

  /**
   * Makes {@code origin}, a plan's throwaway sandbox origin that borrows this clone's objects, one whose refs this
   * workspace lists and moves itself instead of through git's protocol. What the protocol would do there is only
   * ceremony: no hook runs, the objects are already shared, and the sandbox is nobody else's. A cold plan paid a
   * fifth of its time for it (a receive-pack thread, a pack written and parsed per push). The refusals stay those
   * a push meets: a lock, a non-fast-forward and a moved ref ({@link Push}). The workspace closes {@code origin}.
   */
  public void originInProcess(Repository origin) {
    this.inProcessOrigin = origin;
  }

  Optional<Repository> inProcessOrigin() {
    return Optional.ofNullable(inProcessOrigin);
  }

  /** How a stale lock's settle pause is taken; the engine passes the release's sleeper. */
  public void pauseWith(StaleLocks.Pause pause) {
    this.pause = pause;
  }

  StaleLocks.Pause pause() {
    return pause;
  }

  /**
   * With this run holding the release's lease, taken at {@code leaseTaken}, removes what a dead run left: its
   * receive's files in a local origin, and the locks on this clone's copies of origin's refs, which would otherwise
   * fail every {@code git fetch} here with "cannot lock ref". A copy freed so is brought up to date.
   */
  public void tidyAfterDeadRuns(Instant leaseTaken) {
    localOriginGitDir().ifPresent(dir -> StaleLocks.tidyReceives(dir, pause));
    if (!laggingCopies.isEmpty()
        && StaleLocks.tidyLocks(repo.getDirectory().toPath(), laggingCopies.keySet(), leaseTaken, pause)) {
      fetch();
    }
  }

  /** Push could not move the clone's copy {@code ref} of what it pushed: a lock holds it, so origin's id is kept. */
  void copyLags(String ref, ObjectId id) {
    laggingCopies.put(ref, id);
  }

  /** {@code text} with this workspace's token and any credentials in a URL masked. */
  public String mask(String text) {
    String masked = text == null ? "" : text.replaceAll("(\\w+://)[^/@\\s]+@", "$1***@");
    return secret == null ? masked : secret.redact(masked);
  }

  /** The git directory of origin when origin is a folder on this machine, where its lock files can be seen. */
  public Optional<Path> localOriginGitDir() {
    String url = repo.getConfig().getString("remote", ORIGIN, "url");
    return url == null ? Optional.empty() : StaleLocks.localGitDir(url, directory());
  }

  /** A commit is missing: in a shallow clone that is the clone's depth, which the message says. */
  ReleaseException missingObject(MissingObjectException e) {
    if (isShallow()) {
      return new PreconditionException("The clone at " + directory() + " is shallow (cloned with --depth), and"
          + " releasekit needs the history it cut off (" + e.getMessage() + "). Run git fetch --unshallow, then"
          + " run again.", e);
    }
    return new ReleaseException("A commit to push is missing locally: " + e.getMessage() + ". Fetch and run"
        + " again; if it persists, check the repository with git fsck.", e);
  }

  /** The JGit repository, for the engine's sandbox and journal. */
  public Repository repository() {
    return repo;
  }

  /** How many times this workspace asked origin for its refs: one per observation. */
  public int lsRemoteCount() {
    return lsRemotes.get();
  }

  /** Opens the repository at {@code directory}; {@code credentials} may be null for local or SSH origins. */
  public static JGitWorkspace open(Path directory, Secret credentials) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new PreconditionException("The repository folder " + dir + " does not exist. Pass the folder of a"
          + " git clone with Release.in(path).");
    }
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
      if (Files.isDirectory(dir.resolve(".git")) || Files.isRegularFile(dir.resolve(".git"))) {
        builder.findGitDir(dir.toFile());
      } else if (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))) {
        builder.setGitDir(dir.toFile());
      } else {
        throw new PreconditionException(dir + " is not a git repository. Clone the project there first.");
      }
      Repository repo = builder.setMustExist(true).build();
      return new JGitWorkspace(repo, credentials);
    } catch (IOException e) {
      throw new PreconditionException("Cannot open the git repository at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Clones {@code url} into {@code directory} (which must not exist or be empty). */
  public static JGitWorkspace cloneFrom(String url, Path directory, Secret credentials) {
    try {
      Git.cloneRepository().setURI(url).setDirectory(directory.toFile())
          .setCredentialsProvider(provider(credentials)).call().close();
      return open(directory, credentials);
    } catch (TransportException e) {
      // The cause is left out: JGit's own message can hold a URL with credentials, and only ours is redacted.
      throw RemoteException.of(Push.host(url), 0, null, "Cannot clone " + url + ": " + redact(credentials, e)
          + ". Check the URL and the token's access to the repository.");
    } catch (GitAPIException e) {
      throw new ReleaseException("Cannot clone " + url + ": " + redact(credentials, e) + ". Check the URL and that"
          + " the folder is empty, then try again.", e);
    }
  }

  private static CredentialsProvider provider(Secret credentials) {
    return credentials == null ? null
        : credentials.reveal(token -> new UsernamePasswordCredentialsProvider("x-access-token", token));
  }

  public Path directory() {
    return repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
  }

  @Override
  public Path releaseWorkTree() {
    String real = repo.getConfig().getString("releasekit", null, "worktree");
    return real == null ? directory() : Path.of(real);
  }

  @Override
  public Optional<String> mergeBase(String a, String b) {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(resolveId(a)));
      walk.markStart(walk.parseCommit(resolveId(b)));
      RevCommit base = walk.next();
      return Optional.ofNullable(base).map(RevCommit::name);
    } catch (IOException e) {
      throw Failures.io("find the merge base of " + a + " and " + b, e);
    }
  }

  public Path gitDirectory() {
    return repo.getDirectory().toPath();
  }

  /** Origin's URL as configured; never contains credentials added by releasekit. */
  public String originUrl() {
    String url = repo.getConfig().getString("remote", ORIGIN, "url");
    if (url == null) {
      throw new PreconditionException("The repository at " + directory() + " has no remote 'origin'."
          + " Add it with: git remote add origin <url>");
    }
    return url;
  }

  // Observing

  /**
   * Fetches every branch and tag of origin, and releasekit's journal refs. A shallow clone (made with {@code git
   * clone --depth}, as {@code actions/checkout} makes by default) gets its whole history in the same fetch, as
   * {@code git fetch --unshallow} would: the objects land in the clone's database and its {@code .git/shallow} file
   * goes. That changes the local clone only; origin is only read. A clone that stays shallow, because origin
   * itself lacks the history, is refused with a {@link PreconditionException}.
   */
  public void fetch() {
    boolean shallow = isShallow();
    if (!shallow && laggingCopies.isEmpty()) {
      Optional<List<Ref>> here = advertisedHere();
      if (here.isPresent() && nothingToFetch(here.get())) {
        remember(here.get());
        return;
      }
    }
    FetchResult result = fetch(List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
        new RefSpec("refs/tags/*:refs/tags/*"), new RefSpec("+refs/releasekit/*:refs/releasekit/*")), shallow);
    if (shallow) {
      requireFullHistory();
      completedShallowClone = true;
    }
    for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
      if (update.getResult() == RefUpdate.Result.LOCK_FAILURE) {
        laggingCopies.put(update.getLocalName(), update.getNewObjectId());
      } else {
        laggingCopies.remove(update.getLocalName());
      }
    }
    remember(result.getAdvertisedRefs());
  }

  /** What a fetch was told of origin: its branches and the one its {@code HEAD} names. */
  private void remember(Collection<Ref> advertised) {
    Map<String, String> branches = new TreeMap<>();
    Ref head = null;
    for (Ref ref : advertised) {
      if (ref.getName().equals(Constants.HEAD)) {
        head = ref;
      } else if (ref.getName().startsWith(Constants.R_HEADS) && ref.getObjectId() != null) {
        branches.put(ref.getName().substring(Constants.R_HEADS.length()), ref.getObjectId().name());
      }
    }
    fetchedBranches = java.util.Collections.unmodifiableMap(branches);
    fetchedDefaultBranch = head != null && head.isSymbolic()
        && head.getTarget().getName().startsWith(Constants.R_HEADS)
        ? head.getTarget().getName().substring(Constants.R_HEADS.length()) : null;
  }

  /**
   * Whether {@link #fetch()}'s refspecs would change nothing here: every branch of origin has its copy at the same
   * commit, every tag is here (a fetch never moves a tag the clone holds), and releasekit's refs match.
   */
  private boolean nothingToFetch(List<Ref> advertised) {
    try {
      for (Ref ref : advertised) {
        String name = ref.getName();
        ObjectId id = ref.getObjectId();
        if (id == null) {
          continue;
        }
        if (name.startsWith(Constants.R_TAGS)) {
          if (repo.exactRef(name) == null) {
            return false;
          }
          continue;
        }
        String copy = name.startsWith(Constants.R_HEADS)
            ? Constants.R_REMOTES + ORIGIN + "/" + name.substring(Constants.R_HEADS.length())
            : name.startsWith("refs/releasekit/") ? name : null;
        Ref have = copy == null ? null : repo.exactRef(copy);
        if (copy != null && (have == null || !id.equals(have.getObjectId()))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw Failures.io("read the refs of " + directory(), e);
    }
  }

  /**
   * Origin's refs as its upload-pack would advertise them, read from its folder when origin is a repository on this
   * machine (a plan's sandbox, or a local origin): git's protocol would start an upload-pack thread and exchange
   * pkt-lines for the same list, and a cold plan paid a tenth of its time for that. Empty when origin is elsewhere,
   * cannot be opened here, or hides refs ({@code uploadpack.hideRefs}, {@code transfer.hideRefs}), which only its
   * upload-pack applies: then the protocol is asked, and says why it fails when it does.
   */
  private Optional<List<Ref>> advertisedHere() {
    Repository origin = inProcessOrigin;
    if (origin == null) {
      origin = localOrigin();
    }
    return origin == null ? Optional.empty() : Optional.of(Push.advertised(origin));
  }

  private synchronized Repository localOrigin() {
    if (!localOriginOpened) {
      localOriginOpened = true;
      Optional<Path> dir = localOriginGitDir();
      if (dir.isPresent()) {
        try {
          Repository origin = new FileRepositoryBuilder().setGitDir(dir.get().toFile()).setMustExist(true).build();
          org.eclipse.jgit.lib.Config config = origin.getConfig();
          if (config.getStringList("uploadpack", null, "hideRefs").length == 0
              && config.getStringList("transfer", null, "hideRefs").length == 0) {
            localOrigin = origin;
          } else {
            origin.close();
          }
        } catch (IOException | RuntimeException e) {
          // Not a repository this process can open: the protocol is asked instead, and names the problem.
        }
      }
    }
    return localOrigin;
  }

  /** Whether a {@link #fetch()} found this clone shallow and fetched the rest of its history from origin. */
  public boolean completedShallowClone() {
    return completedShallowClone;
  }

  /** Origin's branches and their commits as the last {@link #fetch()} saw them; empty before any fetch. */
  public Map<String, String> fetchedBranches() {
    return fetchedBranches;
  }

  /**
   * Origin's default branch (the one its {@code HEAD} names), as the last {@link #fetch()} was told, or else as
   * the clone recorded it ({@code refs/remotes/origin/HEAD}, which {@code git clone} writes); empty when neither
   * says.
   */
  public Optional<String> fetchedDefaultBranch() {
    if (fetchedDefaultBranch != null) {
      return Optional.of(fetchedDefaultBranch);
    }
    try {
      Ref head = repo.exactRef(Constants.R_REMOTES + ORIGIN + "/" + Constants.HEAD);
      String prefix = Constants.R_REMOTES + ORIGIN + "/";
      return head != null && head.isSymbolic() && head.getTarget().getName().startsWith(prefix)
          ? Optional.of(head.getTarget().getName().substring(prefix.length())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether this is a shallow clone (made with {@code git clone --depth}): its git folder holds a {@code shallow}
   * file listing the commits whose parents are missing.
   */
  public boolean isShallow() {
    return Files.exists(repo.getDirectory().toPath().resolve("shallow"))
        || repo.getCommonDirectory() != null
        && Files.exists(repo.getCommonDirectory().toPath().resolve("shallow"));
  }

  /**
   * After a fetch that deepened a shallow clone, proves the history complete: every commit the clone's refs reach
   * has its parents. Origin may lack the history (a shallow mirror), and then JGit can drop the clone's
   * {@code shallow} file all the same, leaving a clone that git itself calls corrupt; so the clone is walked, the
   * commits whose parents are missing are written back as its shallow boundary, and the clone is refused with a
   * {@link PreconditionException}. Merging forward, finding merge bases, cherry-picking and listing commits all
   * walk the history, and would otherwise stop half way at the first missing parent.
   */
  private void requireFullHistory() {
    Set<ObjectId> boundary = new HashSet<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRetainBody(false);
      RevFlag seen = walk.newFlag("seen");
      ArrayDeque<RevCommit> queue = new ArrayDeque<>();
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
        RevObject tip = id == null || !has(id) ? null : walk.peel(walk.parseAny(id));
        if (tip instanceof RevCommit commit && !commit.has(seen)) {
          commit.add(seen);
          queue.add(commit);
        }
      }
      while (!queue.isEmpty()) {
        RevCommit commit = queue.poll();
        walk.parseHeaders(commit);
        for (RevCommit parent : commit.getParents()) {
          if (parent.has(seen)) {
            continue;
          }
          if (has(parent)) {
            parent.add(seen);
            queue.add(parent);
          } else {
            boundary.add(commit.copy());
          }
        }
      }
      // Written either way: a complete history leaves no stale boundary behind, an incomplete one is described.
      repo.getObjectDatabase().setShallowCommits(boundary);
    } catch (IOException e) {
      throw Failures.io("check the history fetched into " + directory(), e);
    }
    if (!boundary.isEmpty()) {
      throw new PreconditionException("The clone at " + directory() + " is shallow (cloned with --depth), and"
          + " origin (" + mask(originUrl()) + ") could not give the rest of its history: origin lacks it (is"
          + " origin itself a shallow clone or mirror?). releasekit needs the history to merge, find merge bases,"
          + " cherry-pick and list commits. Point origin at the complete repository, or clone that in full (in CI:"
          + " actions/checkout with fetch-depth: 0), and run again. Nothing was changed on origin.");
    }
  }

  /** Fetches {@code specs}; {@code deepen} also brings the history a shallow clone lacks. */
  private FetchResult fetch(List<RefSpec> specs, boolean deepen) {
    String why = deepen ? "The clone at " + directory() + " is shallow, and releasekit fetches the history"
        + " its steps need from origin. " : "";
    try {
      return git.fetch().setRemote(ORIGIN).setRefSpecs(specs).setCredentialsProvider(credentials)
          .setRemoveDeletedRefs(false).setUnshallow(deepen).call();
    } catch (TransportException | InvalidRemoteException e) {
      throw RemoteException.transport(Push.host(originUrl()), why + "Cannot fetch from origin ("
          + mask(originUrl()) + "): " + mask(e.getMessage()) + ". Check origin's URL, the network and the token's"
          + " access, then run again.", null);
    } catch (GitAPIException e) {
      throw new ReleaseException(why + "Fetching from origin failed: " + mask(e.getMessage()) + ". Check"
          + " origin's URL and run again.", e);
    }
  }

  private Collection<Ref> lsRemote() {
    lsRemotes.incrementAndGet();
    Optional<List<Ref>> here = advertisedHere();
    if (here.isPresent()) {
      return here.get();
    }
    try {
      return git.lsRemote().setRemote(ORIGIN).setCredentialsProvider(credentials).call();
    } catch (TransportException e) {
      throw RemoteException.transport(Push.host(originUrl()), "Cannot list origin's refs (" + originUrl()
          + "): " + e.getMessage() + ". Check the network and the token's access.", e);
    } catch (GitAPIException e) {
      throw new ReleaseException("Listing origin's refs failed: " + e.getMessage() + ". Check origin's URL and"
          + " run again.", e);
    }
  }

  @Override
  public Origin origin() {
    Collection<Ref> refs = lsRemote();
    Map<String, String> advertised = new TreeMap<>();
    Map<String, CommitId> commits = new TreeMap<>();
    boolean fetched = false;
    for (Ref ref : refs) {
      String name = ref.getName();
      if (name.equals(Constants.HEAD) || ref.getObjectId() == null) {
        continue;
      }
      advertised.put(name, ref.getObjectId().name());
      ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
      // A lease names a commit that is read only when a run takes it over; it is not worth a fetch here.
      if (!fetched && !name.startsWith(LEASES) && (!has(id) || staleCopy(name, ref.getObjectId()))) {
        // Origin moved since the last fetch: one fetch brings every object this snapshot names. A branch whose
        // commit is already here still needs one when the clone's copy of it lags: a run killed between origin's
        // ref update and its own tracking ref leaves origin's new branch on a commit the clone has.
        fetch();
        fetched = true;
      }
      commits.put(name, CommitId.of(name.startsWith(Constants.R_TAGS) ? peel(id).name() : id.name()));
    }
    return new Origin(advertised, commits);
  }

  /** Whether the clone's copy of origin's branch or tag is missing or behind, so revisions would misresolve. */
  private boolean staleCopy(String name, ObjectId advertised) {
    boolean branch = name.startsWith(Constants.R_HEADS);
    if (!branch && !name.startsWith(Constants.R_TAGS)) {
      return false;
    }
    String copy = branch ? Constants.R_REMOTES + ORIGIN + "/" + name.substring(Constants.R_HEADS.length()) : name;
    ObjectId lagging = laggingCopies.get(copy);
    if (lagging != null) {
      return !lagging.equals(advertised);
    }
    try {
      Ref local = repo.exactRef(copy);
      // A tag the clone holds under another id is the user's own, which a fetch never moves: only a missing one
      // counts, or every run would fetch in vain.
      return local == null || (branch && !advertised.equals(local.getObjectId()));
    } catch (IOException e) {
      throw Failures.io("read " + copy + " in " + directory(), e);
    }
  }

  private boolean has(ObjectId id) {
    try {
      return repo.getObjectDatabase().has(id);
    } catch (IOException e) {
      throw Failures.io("read the object database of " + directory(), e);
    }
  }

  /**
   * The commit a revision names: a commit id, a branch (origin's copy is preferred over a local branch, since
   * origin is the truth), or a tag.
   */
  public String resolve(String revision) {
    return resolveId(revision).name();
  }

  private ObjectId resolveId(String revision) {
    try {
      for (String candidate : List.of(Constants.R_REMOTES + ORIGIN + "/" + revision, Constants.R_TAGS + revision,
          revision)) {
        ObjectId lagging = laggingCopies.get(candidate);
        ObjectId id = repo.resolve((lagging != null ? lagging.name() : candidate) + "^{commit}");
        if (id != null) {
          return id;
        }
      }
    } catch (IOException e) {
      throw new PreconditionException("Cannot resolve '" + revision + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new PreconditionException("'" + revision + "' is not a valid revision: " + e.getMessage(), e);
    }
    throw new PreconditionException("'" + revision + "' names no branch, tag or commit of " + directory()
        + " or its origin. Check the name, or fetch first.");
  }

  private ObjectId peel(ObjectId id) {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.peel(walk.parseAny(id)).getId();
    } catch (IOException e) {
      throw Failures.io("read object " + id.name(), e);
    }
  }

  /** Whether {@code ancestor} is reachable from {@code descendant} (a commit is its own ancestor). */
  public boolean isAncestor(String ancestor, String descendant) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit a = walk.parseCommit(resolveId(ancestor));
      RevCommit d = walk.parseCommit(resolveId(descendant));
      return walk.isMergedInto(a, d);
    } catch (IOException e) {
      throw Failures.io("compare " + ancestor + " and " + descendant, e);
    }
  }

  /**
   * The patch-id of a commit's change (against its first parent), as {@code git patch-id} computes it: equal for
   * the same change applied on another branch, which is how a cherry-pick made by hand is recognised.
   */
  public String patchId(String commit) {
    try (RevWalk walk = new RevWalk(repo);
        org.eclipse.jgit.diff.PatchIdDiffFormatter formatter = new org.eclipse.jgit.diff.PatchIdDiffFormatter()) {
      RevCommit c = walk.parseCommit(resolveId(commit));
      formatter.setRepository(repo);
      formatter.format(c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0)).getTree(), c.getTree());
      return formatter.getCalulatedPatchId().name();
    } catch (IOException e) {
      throw Failures.io("compute the patch-id of " + commit, e);
    }
  }

  /** A file's bytes at a revision, or empty when the file does not exist there. */
  public Optional<byte[]> readFile(String revision, String path) {
    ObjectId commit = resolveId(revision);
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      try (TreeWalk tree = TreeWalk.forPath(reader, path, walk.parseCommit(commit).getTree())) {
        if (tree == null || !tree.getFileMode(0).equals(FileMode.REGULAR_FILE)
            && !tree.getFileMode(0).equals(FileMode.EXECUTABLE_FILE)) {
          return Optional.empty();
        }
        return Optional.of(reader.open(tree.getObjectId(0)).getBytes());
      }
    } catch (IOException e) {
      throw Failures.io("read " + path + " at " + revision, e);
    }
  }

  @Override
  public boolean exists(String revision, String path) {
    ObjectId commit = resolveId(revision);
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
        TreeWalk tree = TreeWalk.forPath(reader, path, walk.parseCommit(commit).getTree())) {
      return tree != null;
    } catch (IOException e) {
      throw Failures.io("look for " + path + " at " + revision, e);
    }
  }

  @Override
  public List<String> list(String revision, String path) {
    ObjectId commit = resolveId(revision);
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
        TreeWalk folder = TreeWalk.forPath(reader, path, walk.parseCommit(commit).getTree())) {
      if (folder == null || !folder.getFileMode(0).equals(FileMode.TREE)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      try (TreeWalk inside = new TreeWalk(reader)) {
        inside.addTree(folder.getObjectId(0));
        while (inside.next()) {
          names.add(inside.getNameString());
        }
      }
      return names;
    } catch (IOException e) {
      throw Failures.io("list " + path + " at " + revision, e);
    }
  }

  /** Whether the work tree and index match HEAD (untracked files are ignored: releasekit never commits them). */
  public boolean isClean() {
    if (repo.isBare()) {
      return true;
    }
    try {
      return !git.status().call().hasUncommittedChanges();
    } catch (GitAPIException e) {
      throw Failures.io("read the status of " + directory(), e);
    }
  }

  /** Throws a {@link PreconditionException} listing the changed files when the work tree is dirty. */
  public void requireClean() {
    List<String> changed = uncommittedChanges();
    if (!changed.isEmpty()) {
      throw new PreconditionException("The work tree at " + directory() + " has uncommitted changes " + changed
          + ". Commit or stash them and run again.");
    }
  }

  /** The tracked files whose work tree or index differs from HEAD, sorted; empty when clean (or bare). */
  public List<String> uncommittedChanges() {
    if (repo.isBare()) {
      return List.of();
    }
    try {
      var status = git.status().call();
      if (!status.hasUncommittedChanges()) {
        return List.of();
      }
      List<String> changed = new ArrayList<>();
      changed.addAll(status.getModified());
      changed.addAll(status.getChanged());
      changed.addAll(status.getAdded());
      changed.addAll(status.getRemoved());
      changed.addAll(status.getMissing());
      changed.addAll(status.getConflicting());
      return changed.stream().sorted().distinct().toList();
    } catch (GitAPIException e) {
      throw Failures.io("read the status of " + directory(), e);
    }
  }

  /** The commits reachable from {@code to} and not from {@code from}, oldest first, like {@code git log from..to}. */
  public List<Commit> log(String from, String to) {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(resolveId(to)));
      if (from != null) {
        walk.markUninteresting(walk.parseCommit(resolveId(from)));
      }
      List<Commit> commits = new ArrayList<>();
      for (RevCommit c : walk) {
        commits.add(commit(walk, c));
      }
      return commits;
    } catch (IOException e) {
      throw Failures.io("list commits " + from + ".." + to, e);
    }
  }

  @Override
  public List<Commit> gitLog(String from, String to) {
    try (ObjectReader reader = repo.newObjectReader()) {
      List<GitOrderWalk.Node> listed = GitOrderWalk.list(reader, from == null ? null : resolveId(from),
          resolveId(to));
      List<Commit> commits = new ArrayList<>(listed.size());
      for (GitOrderWalk.Node c : listed) {
        List<String> parents = new ArrayList<>(c.parentCount());
        for (int i = 0; i < c.parentCount(); i++) {
          parents.add(c.parent(i).name());
        }
        commits.add(commit(c.name(), parents, c.raw()));
      }
      return commits;
    } catch (IOException e) {
      throw Failures.io("list commits " + from + ".." + to, e);
    }
  }

  private static Commit commit(RevWalk walk, RevCommit c) throws IOException {
    if (c.getRawBuffer() == null) {
      walk.parseBody(c);
    }
    List<String> parents = new ArrayList<>(c.getParentCount());
    for (RevCommit p : c.getParents()) {
      parents.add(p.name());
    }
    return commit(c.name(), parents, c.getRawBuffer());
  }

  private static Commit commit(String id, List<String> parents, byte[] buffer) {
    RawCommits.Layout raw = RawCommits.layout(buffer);
    return new Commit(id, parents, RawCommits.subject(raw), RawCommits.message(raw), RawCommits.authorName(raw),
        RawCommits.authorEmail(raw), RawCommits.authorTime(raw));
  }

  // Writing: each write is a commit built in memory on the commit the caller observed, pushed without force with
  // that commit as the expected old value. The variants with a sink report what they wrote (RecordingWorkspace).

  @Override
  public void createBranch(Origin origin, String name, CommitId at) {
    createBranch(origin, name, at, NO_SINK);
  }

  void createBranch(Origin origin, String name, CommitId at, Consumer<Change> sink) {
    String ref = Constants.R_HEADS + name;
    ObjectId expected = origin.ref(ref).map(id -> ObjectId.fromString(id.name())).orElse(ObjectId.zeroId());
    ObjectId target = ObjectId.fromString(at.name());
    Push.to(this, target, ref, expected);
    sink.accept(Change.of(Change.Kind.REF, ref, "create " + ref + " at " + at.abbreviated()));
  }

  @Override
  public void createBranch(String name, String fromRevision) {
    createBranch(name, fromRevision, NO_SINK);
  }

  void createBranch(String name, String fromRevision, Consumer<Change> sink) {
    ObjectId target = resolveId(fromRevision);
    Push.to(this, target, Constants.R_HEADS + name, ObjectId.zeroId());
    sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + name,
        "create " + Constants.R_HEADS + name + " at " + target.abbreviate(7).name() + " (from " + fromRevision + ")"));
  }

  @Override
  public String commit(String branch, String message, Map<String, byte[]> files) {
    return commit(origin(), branch, message, files).name();
  }

  @Override
  public CommitId commit(Origin origin, String branch, String message, Map<String, byte[]> files) {
    return commit(origin, branch, message, files, NO_SINK);
  }

  CommitId commit(Origin origin, String branch, String message, Map<String, byte[]> files, Consumer<Change> sink) {
    CommitId tip = origin.branch(branch).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + branch + "'. Create it first (cutBranch), then run again."));
    return CommitId.of(commit(branch, tip.name(), message, files, sink));
  }

  @Override
  public String commit(String branch, String parent, String message, Map<String, byte[]> files) {
    return commit(branch, parent, message, files, NO_SINK);
  }

  String commit(String branch, String parent, String message, Map<String, byte[]> files, Consumer<Change> sink) {
    ObjectId base = resolveId(parent);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit baseCommit = walk.parseCommit(base);
      Map<String, byte[]> changed = new LinkedHashMap<>();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Optional<byte[]> before = readFile(base.name(), file.getKey());
        if (before.isEmpty() || !java.util.Arrays.equals(before.get(), file.getValue())) {
          changed.put(file.getKey(), file.getValue());
        }
      }
      if (changed.isEmpty()) {
        return base.name();
      }
      ObjectId tree = Trees.write(repo, baseCommit.getTree(), changed);
      PersonIdent me = Identities.committer(repo);
      ObjectId commit = Merges.commit(repo, tree, List.of(base), message, me, me);
      String diff = diff(baseCommit.getTree(), tree);
      Push.to(this, commit, Constants.R_HEADS + branch, base);
      for (String path : changed.keySet()) {
        sink.accept(new Change(Change.Kind.FILE, path, "edit " + path + " on " + branch, fileDiff(diff, path)));
      }
      sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + branch, "move " + Constants.R_HEADS + branch
          + " " + base.abbreviate(7).name() + " -> " + commit.abbreviate(7).name() + " (" + message + ")"));
      return commit.name();
    } catch (IOException e) {
      throw Failures.io("commit to " + branch, e);
    }
  }

  private String diff(AnyObjectId oldTree, AnyObjectId newTree) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      formatter.setRepository(repo);
      formatter.format(oldTree, newTree);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String fileDiff(String diff, String path) {
    int start = diff.indexOf("diff --git a/" + path + " b/" + path);
    if (start < 0) {
      return diff;
    }
    int end = diff.indexOf("\ndiff --git ", start + 1);
    return end < 0 ? diff.substring(start) : diff.substring(start, end + 1);
  }

  @Override
  public String merge(String from, String into, String message) {
    return merge(origin(), from, into, message).name();
  }

  @Override
  public CommitId merge(Origin origin, String from, String into, String message) {
    return merge(origin, from, into, message, NO_SINK);
  }

  CommitId merge(Origin origin, String from, String into, String message, Consumer<Change> sink) {
    ObjectId theirs = branchId(origin, from, "to merge");
    ObjectId ours = branchId(origin, into, "to merge into");
    if (isAncestor(theirs.name(), ours.name())) {
      return CommitId.of(ours.name());
    }
    try {
      ObjectId merge = Merges.mergeCommit(repo, ours, theirs, message, Identities.committer(repo));
      Push.to(this, merge, Constants.R_HEADS + into, ours);
      sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + into, "move " + Constants.R_HEADS + into + " "
          + ours.abbreviate(7).name() + " -> " + merge.abbreviate(7).name() + " (merge " + from + ")"));
      return CommitId.of(merge.name());
    } catch (ConflictException e) {
      if (e.files().isEmpty()) {
        throw e;
      }
      throw new ConflictException("Merging " + from + " into " + into + " conflicts in " + e.files()
          + ". Merge it by hand (git checkout " + into + " && git merge " + from + "), push, and run again.",
          null, theirs.name(), e.files());
    } catch (IOException e) {
      throw Failures.io("merge " + from + " into " + into, e);
    }
  }

  private static ObjectId branchId(Origin origin, String branch, String purpose) {
    return origin.branch(branch).map(id -> ObjectId.fromString(id.name())).orElseThrow(() ->
        new PreconditionException("Origin has no branch '" + branch + "' " + purpose + "."));
  }

  @Override
  public String cherryPick(String branch, String commit) {
    return cherryPick(origin(), branch, commit).name();
  }

  @Override
  public CommitId cherryPick(Origin origin, String branch, String commit) {
    return cherryPick(origin, branch, commit, NO_SINK);
  }

  CommitId cherryPick(Origin origin, String branch, String commit, Consumer<Change> sink) {
    ObjectId base = branchId(origin, branch, "to cherry-pick onto");
    ObjectId pick = resolveId(commit);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit picked = walk.parseCommit(pick);
      String message = picked.getFullMessage().stripTrailing() + "\n\n(cherry picked from commit " + pick.name()
          + ")\n";
      ObjectId result = Merges.cherryPick(repo, base, pick, message, Identities.committer(repo));
      if (result.equals(base)) {
        // The change is on the branch already: no empty commit, nothing to push.
        return CommitId.of(base.name());
      }
      Push.to(this, result, Constants.R_HEADS + branch, base);
      sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + branch, "move " + Constants.R_HEADS + branch + " "
          + base.abbreviate(7).name() + " -> " + result.abbreviate(7).name() + " (cherry-pick "
          + pick.abbreviate(7).name() + " " + picked.getShortMessage() + ")"));
      return CommitId.of(result.name());
    } catch (IOException e) {
      throw Failures.io("cherry-pick " + commit, e);
    }
  }

  @Override
  public void tag(String name, String revision, String message) {
    tag(name, resolveId(revision), message, NO_SINK);
  }

  @Override
  public void tag(Origin origin, String name, CommitId at, String message) {
    tag(origin, name, at, message, NO_SINK);
  }

  void tag(Origin origin, String name, CommitId at, String message, Consumer<Change> sink) {
    Optional<CommitId> existing = origin.tag(name);
    if (existing.isPresent()) {
      throw new ConflictException("Tag " + name + " already exists at " + existing.get().abbreviated()
          + ". releasekit never moves tags.");
    }
    tag(name, ObjectId.fromString(at.name()), message, sink);
  }

  void tag(String name, ObjectId target, String message, Consumer<Change> sink) {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(target, Constants.OBJ_COMMIT);
      tag.setTagger(Identities.committer(repo));
      tag.setMessage(message.endsWith("\n") ? message : message + "\n");
      ObjectId tagId = inserter.insert(tag);
      inserter.flush();
      Push.to(this, tagId, Constants.R_TAGS + name, ObjectId.zeroId());
      RefUpdate local = repo.updateRef(Constants.R_TAGS + name);
      local.setNewObjectId(tagId);
      local.setExpectedOldObjectId(ObjectId.zeroId());
      local.update();
      sink.accept(Change.of(Change.Kind.REF, Constants.R_TAGS + name, "create tag " + name + " at "
          + target.abbreviate(7).name() + " (\"" + message.strip() + "\")"));
    } catch (IOException e) {
      throw Failures.io("create tag " + name, e);
    }
  }

  /**
   * Fetches one ref's objects without creating a local ref for it (a lease: its history stays out of the user's
   * {@code git log --all}); returns the commit it names, or empty when origin has no such ref.
   */
  public Optional<ObjectId> fetchDetached(String remoteRef) {
    try {
      var result = git.fetch().setRemote(ORIGIN).setRefSpecs(new RefSpec(remoteRef))
          .setCredentialsProvider(credentials).call();
      Ref fetched = result.getAdvertisedRef(remoteRef);
      return Optional.ofNullable(fetched).map(Ref::getObjectId);
    } catch (TransportException e) {
      throw RemoteException.transport(Push.host(originUrl()), "Cannot fetch " + remoteRef + " from origin ("
          + mask(originUrl()) + "): " + mask(e.getMessage()) + ". Check the network and the token's access.", null);
    } catch (GitAPIException e) {
      throw new ReleaseException("Fetching " + remoteRef + " failed: " + mask(e.getMessage()) + ". Check origin's"
          + " URL and run again.", e);
    }
  }

  /** Pushes {@code newId} to {@code remoteRef}, expecting {@code expectedOld}; for the engine's journal. */
  public void push(ObjectId newId, String remoteRef, ObjectId expectedOld) {
    Push.to(this, newId, remoteRef, expectedOld);
  }

  private static String redact(Secret credentials, Exception e) {
    String message = String.valueOf(e.getMessage());
    return credentials == null ? message : credentials.redact(message);
  }

  @Override
  public void close() {
    Repository origin = inProcessOrigin;
    if (origin != null) {
      origin.close();
    }
    synchronized (this) {
      if (localOrigin != null) {
        localOrigin.close();
      }
    }
    repo.close();
  }

  @Override
  public String toString() {
    return "Workspace[" + directory() + ", origin " + originUrlOrNone() + "]";
  }

  private String originUrlOrNone() {
    String url = repo.getConfig().getString("remote", ORIGIN, "url");
    return url == null ? "none" : url;
  }
}
