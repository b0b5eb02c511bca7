package dev.releasekit.git.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.PushRefusedException;
import dev.releasekit.PushRefusedException.Reason;
import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefDatabase;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * The one push releasekit makes: one ref, never forced, with the old value the caller observed, so that origin
 * refuses it if anyone pushed in between. Origin's answer becomes a {@link PushRefusedException} whose reason
 * tells a lock, a non-fast-forward, a hook and a missing permission apart and keeps origin's own words; the table
 * of answers lives here and nowhere else. A lock that a dead releasekit run left in a local origin is removed
 * ({@link StaleLocks}) and the push made once more.
 */
final class Push {
  private static final String ORIGIN = "origin";

  private Push() {
  }

  static void to(JGitWorkspace workspace, ObjectId newId, String remoteRef, ObjectId expectedOld) {
    try {
      attempt(workspace, newId, remoteRef, expectedOld, true);
    } catch (PushRefusedException e) {
      if (e.reason() != Reason.LOCKED || !recovered(workspace, remoteRef, e)) {
        throw e;
      }
      attempt(workspace, newId, remoteRef, expectedOld, false);
    } catch (Transient e) {
      // Two pushes into one local origin at once can make JGit read a pack the other is still writing; the
      // second attempt sees it whole, and the compare-and-swap keeps the retry safe.
      attempt(workspace, newId, remoteRef, expectedOld, false);
    }
  }

  private static boolean recovered(JGitWorkspace workspace, String ref, PushRefusedException refusal) {
    Optional<Path> gitDir = workspace.localOriginGitDir();
    return gitDir.isPresent() && StaleLocks.recover(gitDir.get(), ref, refusal.originMessage(),
        workspace.pause());
  }

  private static void attempt(JGitWorkspace workspace, ObjectId newId, String remoteRef, ObjectId expectedOld,
      boolean retryable) {
    Optional<Repository> inProcess = workspace.inProcessOrigin();
    if (inProcess.isPresent()) {
      attemptInProcess(workspace, inProcess.get(), newId, remoteRef, expectedOld);
      return;
    }
    Repository repo = workspace.repository();
    try (Transport transport = Transport.open(repo, ORIGIN)) {
      transport.setCredentialsProvider(workspace.credentialsProvider());
      String tracking = remoteRef.startsWith(Constants.R_HEADS)
          ? Constants.R_REMOTES + ORIGIN + "/" + remoteRef.substring(Constants.R_HEADS.length()) : null;
      RemoteRefUpdate update = new RemoteRefUpdate(repo, newId.name(), remoteRef, false, tracking, expectedOld);
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      RemoteRefUpdate.Status status = result.getRemoteUpdate(remoteRef).getStatus();
      if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
        track(workspace, remoteRef, newId);
        return;
      }
      String said = workspace.mask(join(update.getMessage(), result.getMessages()));
      throw refused(workspace, status, remoteRef, said);
    } catch (URISyntaxException e) {
      throw new PreconditionException("Origin's URL is not valid: " + workspace.mask(e.getMessage()), e);
    } catch (org.eclipse.jgit.errors.TransportException e) {
      String said = workspace.mask(String.valueOf(e.getMessage()));
      if (retryable && said.contains("Short read") && workspace.localOriginGitDir().isPresent()) {
        throw new Transient();
      }
      if (Messages.permission(said)) {
        throw new PushRefusedException(Reason.PERMISSION, remoteRef, said, null, "Origin ("
            + workspace.mask(workspace.originUrl()) + ") refused to let these credentials push " + remoteRef
            + ": " + said + ". Give the token write access to the repository (contents: write), then run again.");
      }
      throw RemoteException.transport(host(workspace.originUrl()), "Cannot push " + remoteRef + " to origin ("
          + workspace.mask(workspace.originUrl()) + "): " + said + ". Check the network and run again.", null);
    } catch (MissingObjectException e) {
      throw workspace.missingObject(e);
    } catch (IOException e) {
      throw Failures.io("push " + remoteRef, e);
    }
  }

  /** After origin took {@code newId}: the clone's copy of a pushed branch follows, as git's push moves it. */
  private static void track(JGitWorkspace workspace, String remoteRef, ObjectId newId) throws IOException {
    if (!remoteRef.startsWith(Constants.R_HEADS)) {
      return;
    }
    String tracking = Constants.R_REMOTES + ORIGIN + "/" + remoteRef.substring(Constants.R_HEADS.length());
    RefUpdate local = workspace.repository().updateRef(tracking);
    local.setNewObjectId(newId);
    local.setForceUpdate(true);
    if (local.update() == RefUpdate.Result.LOCK_FAILURE) {
      workspace.copyLags(tracking, newId);
    }
  }

  /**
   * The push into a plan's sandbox origin ({@link JGitWorkspace#originInProcess}), judged as JGit's push and
   * receive-pack judge one: a ref that is no longer what the caller observed, then a non-fast-forward, are refused
   * before anything is written; the compare-and-swap of the ref itself meets its lock, in JGit's and git's words
   * ("failed to lock"). The sandbox origin already sees the clone's objects, so none are sent.
   */
  private static void attemptInProcess(JGitWorkspace workspace, Repository origin, ObjectId newId, String remoteRef,
      ObjectId expectedOld) {
    workspace.credentialsProvider();   // counts the attempt, as a push through the protocol does
    try (RevWalk walk = new RevWalk(origin)) {
      Ref current = origin.exactRef(remoteRef);
      ObjectId old = current == null ? ObjectId.zeroId() : current.getObjectId();
      if (!old.equals(expectedOld)) {
        throw refused(workspace, RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED, remoteRef, "");
      }
      if (old.equals(newId)) {
        track(workspace, remoteRef, newId);
        return;
      }
      if (newId.equals(ObjectId.zeroId())) {
        throw refused(workspace, RemoteRefUpdate.Status.REJECTED_OTHER_REASON, remoteRef, "deletion prohibited");
      }
      RefUpdate update = origin.updateRef(remoteRef);
      update.setExpectedOldObjectId(old);
      update.setNewObjectId(newId);
      RefUpdate.Result result = update.update(walk);
      switch (result) {
        case NEW, FAST_FORWARD -> track(workspace, remoteRef, newId);
        case REJECTED -> throw refused(workspace, RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD, remoteRef, "");
        case LOCK_FAILURE -> {
          Ref now = origin.exactRef(remoteRef);
          if (now != null ? !now.getObjectId().equals(old) : !old.equals(ObjectId.zeroId())) {
            throw refused(workspace, RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED, remoteRef, "");
          }
          throw refused(workspace, RemoteRefUpdate.Status.REJECTED_OTHER_REASON, remoteRef, "failed to lock");
        }
        default -> throw refused(workspace, RemoteRefUpdate.Status.REJECTED_OTHER_REASON, remoteRef,
            result.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    } catch (MissingObjectException e) {
      throw workspace.missingObject(e);
    } catch (IOException e) {
      throw Failures.io("push " + remoteRef, e);
    }
  }

  /**
   * What {@code git ls-remote} lists for {@code origin}, a repository on this machine: {@code HEAD}, then every
   * ref, annotated tags with the commit they peel to.
   */
  static List<Ref> advertised(Repository origin) {
    try {
      RefDatabase refs = origin.getRefDatabase();
      List<Ref> all = new java.util.ArrayList<>();
      Ref head = refs.exactRef(Constants.HEAD);
      if (head != null && head.getObjectId() != null) {
        all.add(head);
      }
      for (Ref ref : refs.getRefs()) {
        all.add(ref.getName().startsWith(Constants.R_TAGS) ? refs.peel(ref) : ref);
      }
      return all;
    } catch (IOException e) {
      throw Failures.io("list the refs of " + origin.getDirectory(), e);
    }
  }

  private static PushRefusedException refused(JGitWorkspace workspace, RemoteRefUpdate.Status status, String ref,
      String said) {
    String quoted = said.isEmpty() ? "" : " Origin said: \"" + said + "\".";
    return switch (status) {
      case REJECTED_REMOTE_CHANGED, REJECTED_NONFASTFORWARD -> new PushRefusedException(Reason.NON_FAST_FORWARD,
          ref, said, null, "Origin's " + ref + " changed since releasekit observed it (someone pushed in between);"
              + " nothing was overwritten." + quoted + " The step observes again once; if the ref keeps moving, let"
              + " the other writer finish and run again.");
      default -> {
        Reason reason = Messages.reason(said);
        String next = switch (reason) {
          case LOCKED -> " Another writer holds the ref's lock on origin; run again once it is done.";
          case HOOK -> " A hook or branch protection on origin declined it: read its message above, satisfy the"
              + " rule (or ask whoever owns it), then run again.";
          case PERMISSION -> " Give the credentials write access to " + ref + ", then run again.";
          default -> " Nothing was forced; check origin's rules for " + ref + " and run again.";
        };
        yield new PushRefusedException(reason, ref, said, workspace.localOriginGitDir()
            .flatMap(dir -> StaleLocks.lockOf(dir, ref)).orElse(null), "Origin refused to update " + ref + " ("
            + status + ")." + quoted + next);
      }
    };
  }

  private static String join(String refMessage, String remoteMessages) {
    String a = refMessage == null ? "" : refMessage.strip();
    String b = remoteMessages == null ? "" : remoteMessages.strip();
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b.replace('\n', ' ');
  }

  static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? "origin" : host;
    } catch (IllegalArgumentException e) {
      return "origin";
    }
  }

  /** Reads a refusal's reason from origin's words: JGit's, git's receive-pack's and GitHub's. */
  static final class Messages {
    private Messages() {
    }

    static Reason reason(String said) {
      String text = said.toLowerCase(Locale.ROOT);
      if (text.contains("lock")) {
        return Reason.LOCKED;
      }
      if (text.contains("hook declined") || text.contains("gh006") || text.contains("protected branch")
          || text.contains("hook")) {
        return Reason.HOOK;
      }
      if (permission(text)) {
        return Reason.PERMISSION;
      }
      return Reason.OTHER;
    }

    static boolean permission(String said) {
      String text = said.toLowerCase(Locale.ROOT);
      return text.contains("permission") || text.contains("not authorized") || text.contains("403")
          || text.contains("authentication is required") || text.contains("refusing to allow")
          || text.contains("access denied") || text.contains("read-only") || text.contains("read only");
    }
  }

  /** A failure a second attempt is expected to clear. */
  private static final class Transient extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Transient() {
      super(null, null, false, false);
    }
  }
}
