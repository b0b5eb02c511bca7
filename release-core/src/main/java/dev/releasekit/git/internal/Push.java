package dev.releasekit.git.internal;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * The one push releasekit makes: one ref, never forced, with the old value the caller observed, so that origin
 * refuses it if anyone pushed in between. Origin's answer becomes an exception that says what happened and what to
 * do; the table of answers lives here and nowhere else.
 */
final class Push {
  private static final String ORIGIN = "origin";

  private Push() {
  }

  static void to(JGitWorkspace workspace, CredentialsProvider credentials, ObjectId newId, String remoteRef,
      ObjectId expectedOld) {
    Repository repo = workspace.repository();
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
      throw RemoteException.transport(host(workspace.originUrl()), "Cannot push to origin ("
          + workspace.originUrl() + "): " + e.getMessage() + ". Check the network and the token's write access.", e);
    } catch (MissingObjectException e) {
      throw new ReleaseException("A commit to push is missing locally: " + e.getMessage() + ". Fetch (or clone"
          + " without --depth) and run again.", e);
    } catch (IOException e) {
      throw Failures.io("push " + remoteRef, e);
    }
  }

  static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? "origin" : host;
    } catch (IllegalArgumentException e) {
      return "origin";
    }
  }
}
