package dev.releasekit.testing;

import dev.releasekit.git.Commit;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Workspace} that hands every call to another, for tests that make origin move at one exact moment of a
 * step (another run pushing between two of its picks): override the call, act, then call {@code super}.
 *
 * <pre>{@code
 * Workspace racing = new ForwardingWorkspace(Workspace.open(fixture.workTree())) {
 *   public CommitId cherryPick(Origin origin, String branch, String commit) {
 *     CommitId mine = super.cherryPick(origin, branch, commit);
 *     otherRun.cherryPick(branch, next);          // pushed by someone else just after
 *     return mine;
 *   }
 * };
 * }</pre>
 */
public class ForwardingWorkspace implements Workspace {
  private final Workspace delegate;

  public ForwardingWorkspace(Workspace delegate) {
    this.delegate = delegate;
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
  public Optional<String> mergeBase(String a, String b) {
    return delegate.mergeBase(a, b);
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
  public List<Commit> gitLog(String from, String to) {
    return delegate.gitLog(from, to);
  }

  @Override
  public void createBranch(Origin origin, String name, CommitId at) {
    delegate.createBranch(origin, name, at);
  }

  @Override
  public void createBranch(String name, String fromRevision) {
    delegate.createBranch(name, fromRevision);
  }

  @Override
  public CommitId commit(Origin origin, String branch, String message, Map<String, byte[]> files) {
    return delegate.commit(origin, branch, message, files);
  }

  @Override
  public String commit(String branch, String message, Map<String, byte[]> files) {
    return delegate.commit(branch, message, files);
  }

  @Override
  public String commit(String branch, String parent, String message, Map<String, byte[]> files) {
    return delegate.commit(branch, parent, message, files);
  }

  @Override
  public CommitId merge(Origin origin, String from, String into, String message) {
    return delegate.merge(origin, from, into, message);
  }

  @Override
  public String merge(String from, String into, String message) {
    return delegate.merge(from, into, message);
  }

  @Override
  public CommitId cherryPick(Origin origin, String branch, String commit) {
    return delegate.cherryPick(origin, branch, commit);
  }

  @Override
  public String cherryPick(String branch, String commit) {
    return delegate.cherryPick(branch, commit);
  }

  @Override
  public void tag(Origin origin, String name, CommitId at, String message) {
    delegate.tag(origin, name, at, message);
  }

  @Override
  public void tag(String name, String revision, String message) {
    delegate.tag(name, revision, message);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "ForwardingWorkspace[" + delegate + "]";
  }
}
