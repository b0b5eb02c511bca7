package dev.releasekit.git.internal;

import dev.releasekit.git.Workspace;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * releasekit's own access to a {@link Workspace}'s JGit repository and its push, so that the engine (sandbox,
 * journal) can use them without putting a JGit type in the public API. Registered by {@code Workspace} itself.
 */
public abstract class WorkspaceInternals {
  private static volatile WorkspaceInternals instance;

  public static void register(WorkspaceInternals internals) {
    instance = internals;
  }

  public static WorkspaceInternals get() {
    if (instance == null) {
      try {
        Class.forName(Workspace.class.getName(), true, Workspace.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  public abstract Repository repository(Workspace workspace);

  /** Pushes {@code newId} to {@code remoteRef} on origin, expecting {@code expectedOld}; never forced. */
  public abstract void push(Workspace workspace, ObjectId newId, String remoteRef, ObjectId expectedOld);
}
