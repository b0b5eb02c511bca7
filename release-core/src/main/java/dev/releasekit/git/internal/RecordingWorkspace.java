package dev.releasekit.git.internal;

import dev.releasekit.Change;
import dev.releasekit.git.Commit;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A step's view of a {@link JGitWorkspace}: reads pass through, and every write is also reported to a sink, which
 * is how a plan and a report show the refs a step created and the diffs of the files it edited. The engine applies
 * it around each step; closing it leaves the workspace open, since the engine owns that.
 */
public final class RecordingWorkspace implements Workspace {
  private final JGitWorkspace delegate;
  private final Consumer<Change> sink;

  public RecordingWorkspace(JGitWorkspace delegate, Consumer<Change> sink) {
    this.delegate = delegate;
    this.sink = sink;
  }

  @Override
  public Path directory() {
    return delegate.directory();
  }

  @Override
  public Path gitDirectory() {
    return delegate.gitDirectory();
  }

  @Override
  public Path releaseWorkTree() {
    return delegate.releaseWorkTree();
  }

  @Override
  public Optional<String> mergeBase(String a, String b) {
    return delegate.mergeBase(a, b);
  }

  @Override
  public List<Commit> gitLog(String from, String to) {
    return delegate.gitLog(from, to);
  }

  @Override
  public String originUrl() {
    return delegate.originUrl();
  }

  @Override
  public void fetch() {
    delegate.fetch();
  }

  @Override
  public Origin origin() {
    return delegate.origin();
  }

  @Override
  public String resolve(String revision) {
    return delegate.resolve(revision);
  }

  @Override
  public boolean isAncestor(String ancestor, String descendant) {
    return delegate.isAncestor(ancestor, descendant);
  }

  @Override
  public String patchId(String commit) {
    return delegate.patchId(commit);
  }

  @Override
  public Optional<byte[]> readFile(String revision, String path) {
    return delegate.readFile(revision, path);
  }

  @Override
  public boolean exists(String revision, String path) {
    return delegate.exists(revision, path);
  }

  @Override
  public List<String> list(String revision, String path) {
    return delegate.list(revision, path);
  }

  @Override
  public boolean isClean() {
    return delegate.isClean();
  }

  @Override
  public void requireClean() {
    delegate.requireClean();
  }

  @Override
  public List<Commit> log(String from, String to) {
    return delegate.log(from, to);
  }

  @Override
  public void createBranch(Origin origin, String name, CommitId at) {
    delegate.createBranch(origin, name, at, sink);
  }

  @Override
  public void createBranch(String name, String fromRevision) {
    delegate.createBranch(name, fromRevision, sink);
  }

  @Override
  public CommitId commit(Origin origin, String branch, String message, Map<String, byte[]> files) {
    return delegate.commit(origin, branch, message, files, sink);
  }

  @Override
  public String commit(String branch, String message, Map<String, byte[]> files) {
    return commit(origin(), branch, message, files).name();
  }

  @Override
  public String commit(String branch, String parent, String message, Map<String, byte[]> files) {
    return delegate.commit(branch, parent, message, files, sink);
  }

  @Override
  public CommitId merge(Origin origin, String from, String into, String message) {
    return delegate.merge(origin, from, into, message, sink);
  }

  @Override
  public String merge(String from, String into, String message) {
    return merge(origin(), from, into, message).name();
  }

  @Override
  public CommitId cherryPick(Origin origin, String branch, String commit) {
    return delegate.cherryPick(origin, branch, commit, sink);
  }

  @Override
  public String cherryPick(String branch, String commit) {
    return cherryPick(origin(), branch, commit).name();
  }

  @Override
  public void tag(Origin origin, String name, CommitId at, String message) {
    delegate.tag(origin, name, at, message, sink);
  }

  @Override
  public void tag(String name, String revision, String message) {
    delegate.tag(name, org.eclipse.jgit.lib.ObjectId.fromString(delegate.resolve(revision)), message, sink);
  }

  @Override
  public void close() {
    // The engine owns the workspace.
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
