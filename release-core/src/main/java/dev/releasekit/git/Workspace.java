package dev.releasekit.git;

import dev.releasekit.PreconditionException;
import dev.releasekit.Secret;
import dev.releasekit.git.internal.JGitWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A git repository and its {@code origin}, for release steps. Origin is the truth: {@link #origin()} asks it for
 * its refs (one {@code ls-remote}) and every write is a commit built in memory on the commit the caller observed,
 * pushed without force with that commit as the expected old value, so a concurrent push is refused as a
 * {@link dev.releasekit.ConflictException}, never overwritten. The work tree and the checked-out branch are never
 * touched, so a release can run from a developer's clone.
 *
 * <p>Rules it keeps: it never forces a push, never deletes a ref and never moves a tag.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(Path.of("."))) {
 *   ws.fetch();
 *   Origin origin = ws.origin();                                         // one ls-remote
 *   CommitId dev = origin.branch("dev").orElseThrow();
 *   ws.createBranch(origin, "release-0-57", dev);
 *   byte[] constPy = ws.readFile("release-0-57", "homeassistant/const.py").orElseThrow();
 *   ws.commit(ws.origin(), "release-0-57", "Version bump to 0.57.0", Map.of("homeassistant/const.py", edited));
 * }
 * }</pre>
 *
 * <p>Credentials come from a {@link Secret}: a token becomes HTTPS basic auth ({@code x-access-token}) and is
 * never logged. Inside a release the engine hands steps a workspace that also reports every write, which is how a
 * plan shows refs created and file diffs.
 */
public interface Workspace extends AutoCloseable {

  /** Opens the repository at {@code directory} (a work tree or a bare repository) without credentials. */
  static Workspace open(Path directory) {
    return JGitWorkspace.open(directory, null);
  }

  /** Opens the repository at {@code directory}; {@code credentials} may be null for local or SSH origins. */
  static Workspace open(Path directory, Secret credentials) {
    return JGitWorkspace.open(directory, credentials);
  }

  /** Clones {@code url} into {@code directory} (which must not exist or be empty). */
  static Workspace cloneFrom(String url, Path directory, Secret credentials) {
    return JGitWorkspace.cloneFrom(url, directory, credentials);
  }

  /** The work tree, or the repository folder of a bare repository. */
  Path directory();

  Path gitDirectory();

  /**
   * The work tree the release runs from, to read untracked files a step keeps there (the commit log): the same as
   * {@link #directory()}, except in a plan's sandbox, where it is the real work tree the sandbox stands in for.
   * Never write to it; write to {@link #directory()}.
   */
  Path releaseWorkTree();

  /** Origin's URL as configured; never contains credentials added by releasekit. */
  String originUrl();

  // Observing

  /** Fetches every branch and tag of origin, and releasekit's journal refs. */
  void fetch();

  /** What origin holds now: one {@code ls-remote}, with every object it names available locally. */
  Origin origin();

  /** Every ref on origin and the object it advertises, as {@code git ls-remote origin} shows them. */
  default Map<String, String> remoteRefs() {
    return origin().refs();
  }

  /** The commit of origin's branch {@code name}: one observation; prefer {@link #origin()} for several. */
  default Optional<String> remoteBranch(String name) {
    return origin().branch(name).map(CommitId::name);
  }

  /** The commit a tag leads to on origin: one observation; prefer {@link #origin()} for several. */
  default Optional<String> remoteTag(String name) {
    return origin().tag(name).map(CommitId::name);
  }

  /**
   * The commit a revision names: a commit id, a branch (origin's copy is preferred over a local branch, since
   * origin is the truth), or a tag. Unknown revisions are a {@link PreconditionException}.
   */
  String resolve(String revision);

  /** Whether {@code ancestor} is reachable from {@code descendant} (a commit is its own ancestor). */
  boolean isAncestor(String ancestor, String descendant);

  /**
   * The best common ancestor of two revisions, as {@code git merge-base a b} prints it, or empty when their
   * histories never meet.
   */
  Optional<String> mergeBase(String a, String b);

  /**
   * The patch-id of a commit's change (against its first parent), as {@code git patch-id} computes it: equal for
   * the same change applied on another branch, which is how a cherry-pick made by hand is recognised.
   */
  String patchId(String commit);

  /** A file's bytes at a revision, or empty when the file does not exist there. */
  Optional<byte[]> readFile(String revision, String path);

  /** Whether {@code path} names a file or a folder at {@code revision}. */
  boolean exists(String revision, String path);

  /**
   * The names of the entries directly inside the folder {@code path} at {@code revision}, sorted as git sorts a
   * tree; empty when the folder does not exist.
   */
  List<String> list(String revision, String path);

  /** Whether the work tree and index match HEAD (untracked files are ignored: releasekit never commits them). */
  boolean isClean();

  /** Throws a {@link PreconditionException} listing the changed files when the work tree is dirty. */
  void requireClean();

  /**
   * The commits reachable from {@code to} and not from {@code from} (null: all of {@code to}'s history), oldest
   * first with parents before children (a reversed topological order), for steps that replay or collect commits
   * in history order. {@link #gitLog(String, String)} lists the same commits in {@code git log}'s own order.
   */
  List<Commit> log(String from, String to);

  /**
   * The commits {@code git log from..to} lists ({@code from} may be null), in the order it prints them: newest
   * first by committer date, parents queued behind every commit of the same date, so ties in time, clock skew and
   * merges come out exactly as git's. Each {@link Commit#subject()} is git's {@code %s} and each
   * {@link Commit#authorEmail()} its {@code %ae}; see {@code CommitLog}.
   */
  List<Commit> gitLog(String from, String to);

  // Writing: each write is pushed to origin without force, expecting what the caller observed.

  /** Creates {@code refs/heads/<name>} at {@code at}, expecting origin to hold what {@code origin} says of it. */
  void createBranch(Origin origin, String name, CommitId at);

  /** Creates {@code refs/heads/<name>} at {@code fromRevision}; a branch already on origin is a conflict. */
  void createBranch(String name, String fromRevision);

  /**
   * Commits files onto {@code branch} as {@code origin} saw it and pushes it as a fast-forward. Files whose bytes
   * are unchanged are left out; when nothing changes, no commit is made and the observed tip is returned.
   */
  CommitId commit(Origin origin, String branch, String message, Map<String, byte[]> files);

  /** {@link #commit(Origin, String, String, Map)} on a fresh observation. */
  String commit(String branch, String message, Map<String, byte[]> files);

  /**
   * Commits files onto {@code parent}, the tip of {@code branch} the caller observed and computed the files from,
   * and pushes only if origin's branch is still there: if someone pushed meanwhile, nothing is written and a
   * {@link dev.releasekit.ConflictException} asks to run again, so their change is never overwritten.
   */
  String commit(String branch, String parent, String message, Map<String, byte[]> files);

  /**
   * Merges origin's {@code from} into origin's {@code into}, as {@code origin} saw them, with a merge commit (never
   * a fast-forward or a squash) and pushes it. Returns the merge commit, or {@code into}'s tip when {@code from} is
   * already merged.
   */
  CommitId merge(Origin origin, String from, String into, String message);

  /** {@link #merge(Origin, String, String, String)} on a fresh observation. */
  String merge(String from, String into, String message);

  /**
   * Cherry-picks {@code commit} onto {@code branch} as {@code origin} saw it, as {@code git cherry-pick -x} (with
   * {@code -m 1} for a merge commit), and pushes it. A conflict leaves origin and the work tree untouched and
   * throws a {@link dev.releasekit.ConflictException} with the files. A pick whose result has the branch's own tree
   * (the change is on the branch already) makes no commit and pushes nothing: the observed tip is returned, as
   * {@link #commit(Origin, String, String, Map)} returns it when nothing changes, so a caller tells "already on
   * the branch" by comparing the result with the tip it observed.
   */
  CommitId cherryPick(Origin origin, String branch, String commit);

  /** {@link #cherryPick(Origin, String, String)} on a fresh observation. */
  String cherryPick(String branch, String commit);

  /** Creates the annotated tag {@code name} at {@code at} and pushes it; a tag on origin is never moved. */
  void tag(Origin origin, String name, CommitId at, String message);

  /** Creates the annotated tag {@code name} on {@code revision}; a tag already on origin is a conflict. */
  void tag(String name, String revision, String message);

  @Override
  void close();
}
