package dev.releasekit.git.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.UserConfig;

/** Who releasekit commits as: the repository's configured user, else a fixed releasekit identity. */
public final class Identities {
  private Identities() {
  }

  public static PersonIdent committer(Repository repo) {
    UserConfig user = repo.getConfig().get(UserConfig.KEY);
    String name = user.isCommitterNameImplicit() ? "releasekit" : user.getCommitterName();
    String email = user.isCommitterEmailImplicit() ? "releasekit@localhost" : user.getCommitterEmail();
    return new PersonIdent(name, email, Instant.now(), ZoneOffset.UTC);
  }
}
