package dev.releasekit.git;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;
import dev.releasekit.Secret;
import dev.releasekit.git.internal.GitOrderWalk;
import dev.releasekit.git.internal.Identities;
import dev.releasekit.git.internal.Merges;
import dev.releasekit.git.internal.RawCommits;
import dev.releasekit.git.internal.Trees;
import dev.releasekit.git.internal.WorkspaceInternals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
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
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A git repository and its {@code origin}, for release steps. Origin is the truth: every observation asks origin
 * ({@code ls-remote}), and every write is a commit built in memory on top of origin's tip and pushed without force.
 * The work tree and the checked-out branch are never touched, so a release can run from a developer's clone.
 *
 * <p>Rules it keeps: it never forces a push, never deletes a ref and never moves a tag. A push that origin refuses
 * becomes a {@link ConflictException} that says what to do.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(Path.of("."))) {
 *   ws.fetch();
 *   ws.createBranch("release-0-57", "dev");
 *   byte[] constPy = ws.readFile("release-0-57", "homeassistant/const.py").orElseThrow();
 *   ws.commit("release-0-57", "Version bump to 0.57.0", Map.of("homeassistant/const.py", edited));
 * }
 * }</pre>
 *
 * <p>Credentials come from a {@link Secret}: a token becomes HTTPS basic auth ({@code x-access-token}) and is
 * never logged. Writes are reported to the sink given to {@link #recordingChangesTo(Consumer)}, which is how a
 * plan shows refs created and file diffs.
 */
public final class Workspace implements AutoCloseable {
  private static final String ORIGIN = "origin";

  static {
    WorkspaceInternals.register(new WorkspaceInternals() {
      @Override
      public Repository repository(Workspace workspace) {
        return workspace.repo;
      }

      @Override
      public void push(Workspace workspace, ObjectId newId, String remoteRef, ObjectId expectedOld) {
        workspace.push(newId, remoteRef, expectedOld);
      }
    });
  }

  private final Repository repo;
  private final Git git;
  private final CredentialsProvider credentials;
  private final Consumer<Change> sink;

  private Workspace(Repository repo, CredentialsProvider credentials, Consumer<Change> sink) {
    this.repo = repo;
    this.git = new Git(repo);
    this.credentials = credentials;
    this.sink = sink;
  }

  /** Opens the repository at {@code directory} (a work tree or a bare repository) without credentials. */
  public static Workspace open(Path directory) {
    return open(directory, null);
  }

  /** Opens the repository at {@code directory}; {@code credentials} may be null for local or SSH origins. */
  public static Workspace open(Path directory, Secret credentials) {
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
      return new Workspace(repo, provider(credentials), change -> { });
    } catch (IOException e) {
      throw new PreconditionException("Cannot open the git repository at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Clones {@code url} into {@code directory} (which must not exist or be empty). */
  public static Workspace cloneFrom(String url, Path directory, Secret credentials) {
    try {
      Git.cloneRepository().setURI(url).setDirectory(directory.toFile())
          .setCredentialsProvider(provider(credentials)).call().close();
      return open(directory, credentials);
    } catch (TransportException e) {
      throw new RemoteException(host(url), 0, null, "Cannot clone " + url + ": " + redact(credentials, e)
          + ". Check the URL and the token's access to the repository.", null);
    } catch (GitAPIException e) {
      throw new ReleaseException("Cannot clone " + url + ": " + redact(credentials, e), e);
    }
  }

  /** The same repository, reporting every write it makes to {@code sink}. */
  public Workspace recordingChangesTo(Consumer<Change> sink) {
    return new Workspace(repo, credentials, sink);
  }

  private static CredentialsProvider provider(Secret credentials) {
    return credentials == null ? null
        : credentials.reveal(token -> new UsernamePasswordCredentialsProvider("x-access-token", token));
  }

  public Path directory() {
    return repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
  }

  /**
   * The work tree the release runs from, to read untracked files a step keeps there (the commit log): the same as
   * {@link #directory()}, except in a plan's sandbox, where it is the real work tree the sandbox stands in for.
   * Never write to it; write to {@link #directory()}.
   */
  public Path releaseWorkTree() {
    String real = repo.getConfig().getString("releasekit", null, "worktree");
    return real == null ? directory() : Path.of(real);
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

  /** Fetches every branch and tag of origin, and releasekit's journal refs. */
  public void fetch() {
    fetch(List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"), new RefSpec("refs/tags/*:refs/tags/*"),
        new RefSpec("+refs/releasekit/*:refs/releasekit/*")));
  }

  private void fetch(List<RefSpec> specs) {
    try {
      git.fetch().setRemote(ORIGIN).setRefSpecs(specs).setCredentialsProvider(credentials)
          .setRemoveDeletedRefs(false).call();
    } catch (TransportException e) {
      throw new RemoteException(host(originUrl()), 0, null, "Cannot fetch from origin (" + originUrl() + "): "
          + e.getMessage() + ". Check the network and the token's access.", null);
    } catch (GitAPIException e) {
      throw new ReleaseException("Fetching from origin failed: " + e.getMessage(), e);
    }
  }

  /** Every ref on origin and the object it points at, as {@code git ls-remote origin} shows them. */
  public Map<String, String> remoteRefs() {
    Map<String, String> refs = new TreeMap<>();
    for (Ref ref : lsRemote()) {
      refs.put(ref.getName(), ref.getObjectId().name());
    }
    return refs;
  }

  private Collection<Ref> lsRemote() {
    try {
      return git.lsRemote().setRemote(ORIGIN).setCredentialsProvider(credentials).call();
    } catch (TransportException e) {
      throw new RemoteException(host(originUrl()), 0, null, "Cannot list origin's refs (" + originUrl() + "): "
          + e.getMessage() + ". Check the network and the token's access.", null);
    } catch (GitAPIException e) {
      throw new ReleaseException("Listing origin's refs failed: " + e.getMessage(), e);
    }
  }

  /** The commit {@code refs/heads/<name>} points at on origin, asked of origin itself. */
  public Optional<String> remoteBranch(String name) {
    return remoteRef(Constants.R_HEADS + name).map(ObjectId::name);
  }

  /** The commit a tag points at on origin (peeled through annotated tags). */
  public Optional<String> remoteTag(String name) {
    for (Ref ref : lsRemote()) {
      if (ref.getName().equals(Constants.R_TAGS + name)) {
        ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
        ensureObject(id);
        return Optional.of(peel(id).name());
      }
    }
    return Optional.empty();
  }

  private Optional<ObjectId> remoteRef(String fullName) {
    for (Ref ref : lsRemote()) {
      if (ref.getName().equals(fullName)) {
        ensureObject(ref.getObjectId());
        return Optional.of(ref.getObjectId());
      }
    }
    return Optional.empty();
  }

  /** Makes sure an object origin reported is in the local database, fetching once when it is not. */
  private void ensureObject(ObjectId id) {
    try {
      if (!repo.getObjectDatabase().has(id)) {
        fetch();
      }
    } catch (IOException e) {
      throw new ReleaseException("Cannot read the object database: " + e.getMessage(), e);
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
        ObjectId id = repo.resolve(candidate + "^{commit}");
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
      throw new ReleaseException("Cannot read object " + id.name() + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code ancestor} is reachable from {@code descendant} (a commit is its own ancestor). */
  public boolean isAncestor(String ancestor, String descendant) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit a = walk.parseCommit(resolveId(ancestor));
      RevCommit d = walk.parseCommit(resolveId(descendant));
      return walk.isMergedInto(a, d);
    } catch (IOException e) {
      throw new ReleaseException("Cannot compare " + ancestor + " and " + descendant + ": " + e.getMessage(), e);
    }
  }

  /**
   * The best common ancestor of two revisions, as {@code git merge-base a b} prints it, or empty when their
   * histories never meet.
   */
  public Optional<String> mergeBase(String a, String b) {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(resolveId(a)));
      walk.markStart(walk.parseCommit(resolveId(b)));
      RevCommit base = walk.next();
      return Optional.ofNullable(base).map(RevCommit::name);
    } catch (IOException e) {
      throw new ReleaseException("Cannot find the merge base of " + a + " and " + b + ": " + e.getMessage(), e);
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
      throw new ReleaseException("Cannot compute the patch-id of " + commit + ": " + e.getMessage(), e);
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
      throw new ReleaseException("Cannot read " + path + " at " + revision + ": " + e.getMessage(), e);
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
      throw new ReleaseException("Cannot read the status of " + directory() + ": " + e.getMessage(), e);
    }
  }

  /** Throws a {@link PreconditionException} listing the changed files when the work tree is dirty. */
  public void requireClean() {
    if (isClean()) {
      return;
    }
    try {
      var status = git.status().call();
      List<String> changed = new ArrayList<>();
      changed.addAll(status.getModified());
      changed.addAll(status.getChanged());
      changed.addAll(status.getAdded());
      changed.addAll(status.getRemoved());
      changed.addAll(status.getMissing());
      changed.addAll(status.getConflicting());
      throw new PreconditionException("The work tree at " + directory() + " has uncommitted changes "
          + changed.stream().sorted().distinct().toList() + ". Commit or stash them and run again.");
    } catch (GitAPIException e) {
      throw new ReleaseException("Cannot read the status of " + directory() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The commits reachable from {@code to} and not from {@code from} (null: all of {@code to}'s history), oldest
   * first with parents before children (a reversed topological order), for steps that replay or collect commits
   * in history order. {@link #gitLog(String, String)} lists the same commits in {@code git log}'s own order.
   */
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
      throw new ReleaseException("Cannot list commits " + from + ".." + to + ": " + e.getMessage(), e);
    }
  }

  /**
   * The commits {@code git log from..to} lists ({@code from} may be null), in the order it prints them: newest
   * first by committer date, parents queued behind every commit of the same date, so ties in time, clock skew and
   * merges come out exactly as git's. Each {@link Commit#subject()} is git's {@code %s} and each
   * {@link Commit#authorEmail()} its {@code %ae}; see {@code CommitLog}.
   */
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
      throw new ReleaseException("Cannot list commits " + from + ".." + to + ": " + e.getMessage(), e);
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

  // Writing: each write is pushed to origin without force, and reported to the sink.

  /**
   * Creates {@code refs/heads/<name>} on origin at {@code fromRevision}. Fails with a {@link ConflictException} if
   * origin already has the branch (the caller decides beforehand whether an existing branch is already right).
   */
  public void createBranch(String name, String fromRevision) {
    ObjectId target = resolveId(fromRevision);
    push(target, Constants.R_HEADS + name, ObjectId.zeroId());
    sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + name,
        "create " + Constants.R_HEADS + name + " at " + target.abbreviate(7).name() + " (from " + fromRevision + ")"));
  }

  /**
   * Commits files onto origin's {@code branch} and pushes it as a fast-forward. Files whose bytes are unchanged
   * are left out; when nothing changes, no commit is made and origin's tip is returned.
   */
  public String commit(String branch, String message, Map<String, byte[]> files) {
    ObjectId tip = remoteRef(Constants.R_HEADS + branch).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + branch + "'. Create it first (cutBranch), then run again."));
    return commit(branch, tip.name(), message, files);
  }

  /**
   * Commits files onto {@code parent}, the tip of {@code branch} the caller observed and computed the files from,
   * and pushes only if origin's branch is still there: if someone pushed meanwhile, nothing is written and a
   * {@link ConflictException} asks to run again, so their change is never overwritten.
   */
  public String commit(String branch, String parent, String message, Map<String, byte[]> files) {
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
      push(commit, Constants.R_HEADS + branch, base);
      for (String path : changed.keySet()) {
        sink.accept(new Change(Change.Kind.FILE, path, "edit " + path + " on " + branch, fileDiff(diff, path)));
      }
      sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + branch, "move " + Constants.R_HEADS + branch
          + " " + base.abbreviate(7).name() + " -> " + commit.abbreviate(7).name() + " (" + message + ")"));
      return commit.name();
    } catch (IOException e) {
      throw new ReleaseException("Cannot commit to " + branch + ": " + e.getMessage(), e);
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

  /**
   * Merges origin's {@code from} into origin's {@code into} with a merge commit (never a fast-forward or a squash)
   * and pushes it. Returns the merge commit, or {@code into}'s tip when {@code from} is already merged.
   */
  public String merge(String from, String into, String message) {
    ObjectId theirs = remoteRef(Constants.R_HEADS + from).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + from + "' to merge."));
    ObjectId ours = remoteRef(Constants.R_HEADS + into).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + into + "' to merge into."));
    if (isAncestor(theirs.name(), ours.name())) {
      return ours.name();
    }
    try {
      ObjectId merge = Merges.mergeCommit(repo, ours, theirs, message, Identities.committer(repo));
      push(merge, Constants.R_HEADS + into, ours);
      sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + into, "move " + Constants.R_HEADS + into + " "
          + ours.abbreviate(7).name() + " -> " + merge.abbreviate(7).name() + " (merge " + from + ")"));
      return merge.name();
    } catch (ConflictException e) {
      throw new ConflictException("Merging " + from + " into " + into + " conflicts in " + e.files()
          + ". Merge it by hand (git checkout " + into + " && git merge " + from + "), push, and run again.",
          null, theirs.name(), e.files());
    } catch (IOException e) {
      throw new ReleaseException("Cannot merge " + from + " into " + into + ": " + e.getMessage(), e);
    }
  }

  /**
   * Cherry-picks {@code commit} onto origin's {@code branch} as {@code git cherry-pick -x} (with {@code -m 1} for a
   * merge commit) and pushes it. A conflict leaves origin and the work tree untouched and throws a
   * {@link ConflictException} with the files.
   */
  public String cherryPick(String branch, String commit) {
    ObjectId base = remoteRef(Constants.R_HEADS + branch).orElseThrow(() -> new PreconditionException(
        "Origin has no branch '" + branch + "' to cherry-pick onto."));
    ObjectId pick = resolveId(commit);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit picked = walk.parseCommit(pick);
      String message = picked.getFullMessage().stripTrailing() + "\n\n(cherry picked from commit " + pick.name()
          + ")\n";
      ObjectId result = Merges.cherryPick(repo, base, pick, message, Identities.committer(repo));
      push(result, Constants.R_HEADS + branch, base);
      sink.accept(Change.of(Change.Kind.REF, Constants.R_HEADS + branch, "move " + Constants.R_HEADS + branch + " "
          + base.abbreviate(7).name() + " -> " + result.abbreviate(7).name() + " (cherry-pick "
          + pick.abbreviate(7).name() + " " + picked.getShortMessage() + ")"));
      return result.name();
    } catch (IOException e) {
      throw new ReleaseException("Cannot cherry-pick " + commit + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the annotated tag {@code name} on {@code revision} and pushes it. Fails with a
   * {@link ConflictException} if origin already has the tag: tags are never moved.
   */
  public void tag(String name, String revision, String message) {
    ObjectId target = resolveId(revision);
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(target, Constants.OBJ_COMMIT);
      tag.setTagger(Identities.committer(repo));
      tag.setMessage(message.endsWith("\n") ? message : message + "\n");
      ObjectId tagId = inserter.insert(tag);
      inserter.flush();
      push(tagId, Constants.R_TAGS + name, ObjectId.zeroId());
      RefUpdate local = repo.updateRef(Constants.R_TAGS + name);
      local.setNewObjectId(tagId);
      local.setExpectedOldObjectId(ObjectId.zeroId());
      local.update();
      sink.accept(Change.of(Change.Kind.REF, Constants.R_TAGS + name, "create tag " + name + " at "
          + target.abbreviate(7).name() + " (\"" + message.strip() + "\")"));
    } catch (IOException e) {
      throw new ReleaseException("Cannot create tag " + name + ": " + e.getMessage(), e);
    }
  }

  private void push(ObjectId newId, String remoteRef, ObjectId expectedOld) {
    try (Transport transport = Transport.open(repo, ORIGIN)) {
      transport.setCredentialsProvider(credentials);
      String tracking = remoteRef.startsWith(Constants.R_HEADS)
          ? Constants.R_REMOTES + ORIGIN + "/" + remoteRef.substring(Constants.R_HEADS.length()) : null;
      RemoteRefUpdate update = new RemoteRefUpdate(repo, newId.name(), remoteRef, false, tracking, expectedOld);
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      RemoteRefUpdate.Status status = result.getRemoteUpdate(remoteRef).getStatus();
      switch (status) {
        case OK, UP_TO_DATE -> {
          if (tracking != null) {
            RefUpdate local = repo.updateRef(tracking);
            local.setNewObjectId(newId);
            local.setForceUpdate(true);
            local.update();
          }
        }
        case REJECTED_REMOTE_CHANGED -> throw new ConflictException("Origin's " + remoteRef + " changed while"
            + " releasekit was working (someone pushed). Nothing was overwritten; run again to re-observe.");
        case REJECTED_NONFASTFORWARD -> throw new ConflictException("Origin refused to update " + remoteRef
            + ": not a fast-forward. releasekit never force-pushes; fetch, reconcile the branch, and run again.");
        default -> throw new ConflictException("Origin refused to update " + remoteRef + " (" + status
            + (update.getMessage() == null ? "" : ": " + update.getMessage()) + "). Nothing was forced; check"
            + " the branch protection and run again.");
      }
    } catch (URISyntaxException e) {
      throw new PreconditionException("Origin's URL is not valid: " + e.getMessage(), e);
    } catch (org.eclipse.jgit.errors.TransportException e) {
      throw new RemoteException(host(originUrl()), 0, null, "Cannot push to origin (" + originUrl() + "): "
          + e.getMessage() + ". Check the network and the token's write access.", null);
    } catch (MissingObjectException e) {
      throw new ReleaseException("A commit to push is missing locally: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ReleaseException("Cannot push " + remoteRef + ": " + e.getMessage(), e);
    }
  }

  private static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? "origin" : host;
    } catch (IllegalArgumentException e) {
      return "origin";
    }
  }

  private static String redact(Secret credentials, Exception e) {
    String message = String.valueOf(e.getMessage());
    return credentials == null ? message : credentials.redact(message);
  }

  @Override
  public void close() {
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
