package dev.releasekit.git;

import dev.releasekit.Change;
import dev.releasekit.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** STUB signatures; implemented in the engine slice. */
public final class Workspace implements AutoCloseable {

  public static Workspace open(Path directory) {
    throw new UnsupportedOperationException();
  }

  public static Workspace open(Path directory, Secret credentials) {
    throw new UnsupportedOperationException();
  }

  public static Workspace cloneFrom(String url, Path directory, Secret credentials) {
    throw new UnsupportedOperationException();
  }

  public Workspace recordingChangesTo(Consumer<Change> sink) {
    throw new UnsupportedOperationException();
  }

  public Path directory() {
    throw new UnsupportedOperationException();
  }

  public Path gitDirectory() {
    throw new UnsupportedOperationException();
  }

  public String originUrl() {
    throw new UnsupportedOperationException();
  }

  public void fetch() {
    throw new UnsupportedOperationException();
  }

  public Map<String, String> remoteRefs() {
    throw new UnsupportedOperationException();
  }

  public Optional<String> remoteBranch(String name) {
    throw new UnsupportedOperationException();
  }

  public Optional<String> remoteTag(String name) {
    throw new UnsupportedOperationException();
  }

  public String resolve(String revision) {
    throw new UnsupportedOperationException();
  }

  public boolean isAncestor(String ancestor, String descendant) {
    throw new UnsupportedOperationException();
  }

  public Optional<byte[]> readFile(String revision, String path) {
    throw new UnsupportedOperationException();
  }

  public boolean isClean() {
    throw new UnsupportedOperationException();
  }

  public void requireClean() {
    throw new UnsupportedOperationException();
  }

  public void createBranch(String name, String fromRevision) {
    throw new UnsupportedOperationException();
  }

  public String commit(String branch, String message, Map<String, byte[]> files) {
    throw new UnsupportedOperationException();
  }

  public String merge(String from, String into, String message) {
    throw new UnsupportedOperationException();
  }

  public void tag(String name, String revision, String message) {
    throw new UnsupportedOperationException();
  }

  public List<Commit> log(String from, String to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
  }
}
