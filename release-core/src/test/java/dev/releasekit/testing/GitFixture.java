package dev.releasekit.testing;

import dev.releasekit.local.LocalHosting;
import dev.releasekit.local.LocalProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The git fixture every module's tests share (through release-core's test-jar): a {@link LocalProject} in a
 * temporary folder, whose bare origin refuses non-fast-forward pushes and deletions, plus read-only probes of
 * origin for assertions. It never reads the user's git configuration (surefire points HOME at the build folder).
 */
public final class GitFixture {
  private final LocalProject project;

  private GitFixture(LocalProject project) {
    this.project = project;
  }

  public static GitFixture homeAssistant(Path temp) {
    return new GitFixture(LocalProject.homeAssistant(temp));
  }

  public static GitFixture postHog(Path temp) {
    return new GitFixture(LocalProject.postHog(temp));
  }

  /**
   * A repository shaped like Home Assistant's website at 0.57's preparation: {@code current} (the live site) with
   * the {@code _config.yml} release block of 0.56.2, and {@code next} (the docs of the coming release) one commit
   * ahead of it.
   */
  public static GitFixture homeAssistantWebsite(Path temp) {
    LocalProject project = LocalProject.create(temp, "home-assistant.io", "current", Map.of(
        "_config.yml", HomeAssistantFiles.siteConfig(56, 2, "2017-10-25", "#release-0562---october-25"),
        "source/_posts/2017-10-21-release-56.markdown", "---\nlayout: post\ntitle: \"0.56\"\n---\n",
        "source/_integrations/fail2ban.markdown", HomeAssistantFiles.FAIL2BAN_PAGE));
    project.branch("next", "current");
    project.commit("next", "Document the new sensor", Map.of("source/_integrations/kulersky.markdown",
        "---\ntitle: Kuler Sky\nha_release: '0.57'\nha_domain: kulersky\n---\n"));
    project.fetchClone();
    return new GitFixture(project);
  }

  /**
   * PostHog's Helm chart repository at 1.30.0: {@code charts/posthog/Chart.yaml} (appVersion 1.30.0) and its
   * {@code values.yaml} (image tag {@code :release-1.30.0}) on {@code master}.
   */
  public static GitFixture postHogCharts(Path temp) {
    return new GitFixture(LocalProject.create(temp, "charts", "master", Map.of(
        "charts/posthog/Chart.yaml", "apiVersion: v2\nname: posthog\nversion: 7.0.2\nappVersion: 1.30.0\n",
        "charts/posthog/values.yaml", "image:\n  repository: posthog/posthog\n  sha:\n  tag:\n"
            + "  default: \":release-1.30.0\"\n  pullPolicy: IfNotPresent\n")));
  }

  public static GitFixture of(LocalProject project) {
    return new GitFixture(project);
  }

  public LocalProject project() {
    return project;
  }

  public Path workTree() {
    return project.workTree();
  }

  public Path origin() {
    return project.origin();
  }

  public LocalHosting hosting() {
    return project.hosting();
  }

  /** releasekit's own refs: the journal and the lease, which record runs rather than the release. */
  public static boolean releasekitOwn(String ref) {
    return ref.startsWith("refs/releasekit/") || ref.startsWith("refs/releasekit-lease/");
  }

  /** Origin's refs and what they point at, without releasekit's own journal and lease refs. */
  public Map<String, String> originRefs() {
    Map<String, String> refs = new TreeMap<>(allOriginRefs());
    refs.keySet().removeIf(GitFixture::releasekitOwn);
    return refs;
  }

  /** Every ref of origin, journal included. */
  public Map<String, String> allOriginRefs() {
    try (Repository repo = openOrigin()) {
      Map<String, String> refs = new TreeMap<>();
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        refs.put(ref.getName(), ref.getObjectId().name());
      }
      return refs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file's text on origin's branch (or any revision), or null when absent. */
  public String file(String revision, String path) {
    try (Repository repo = openOrigin(); RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      ObjectId id = resolve(repo, revision);
      try (TreeWalk tree = TreeWalk.forPath(reader, path, walk.parseCommit(id).getTree())) {
        return tree == null ? null : new String(reader.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RevCommit commit(String revision) {
    try (Repository repo = openOrigin(); RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(resolve(repo, revision));
      walk.parseBody(commit);
      return commit;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many commits origin holds in all, across every ref. */
  public int commitCount() {
    try (Repository repo = openOrigin(); RevWalk walk = new RevWalk(repo)) {
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        if (!releasekitOwn(ref.getName())) {
          walk.markStart(walk.parseCommit(ref.getObjectId()));
        }
      }
      int count = 0;
      for (RevCommit ignored : walk) {
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAncestor(String ancestor, String descendant) {
    try (Repository repo = openOrigin(); RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(resolve(repo, ancestor)), walk.parseCommit(resolve(repo, descendant)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectId resolve(Repository repo, String revision) throws IOException {
    for (String candidate : List.of(Constants.R_HEADS + revision, Constants.R_TAGS + revision, revision)) {
      ObjectId id = repo.resolve(candidate + "^{commit}");
      if (id != null) {
        return id;
      }
    }
    throw new IllegalArgumentException("no " + revision + " on origin");
  }

  private Repository openOrigin() throws IOException {
    return new FileRepositoryBuilder().setGitDir(origin().toFile()).setMustExist(true).build();
  }

  /**
   * What origin holds, independent of commit timestamps: for each ref (journal excluded), the tree it points at
   * and how many commits it reaches. Two runs that did the same work, once or with interruptions, give equal maps.
   */
  public Map<String, String> contentState() {
    try (Repository repo = openOrigin()) {
      Map<String, String> state = new TreeMap<>();
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        if (releasekitOwn(ref.getName())) {
          continue;
        }
        try (RevWalk walk = new RevWalk(repo)) {
          RevCommit tip = walk.parseCommit(ref.getObjectId());
          walk.markStart(tip);
          int count = 0;
          for (RevCommit ignored : walk) {
            count++;
          }
          state.put(ref.getName(), tip.getTree().name() + " commits=" + count + " parents=" + tip.getParentCount());
        }
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SHA-256 over every file below {@code directory} (paths and bytes), to prove a folder was not touched. */
  public static String hashOf(Path directory) {
    if (!Files.exists(directory)) {
      return "absent";
    }
    try (Stream<Path> files = Files.walk(directory)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> sorted = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
      for (Path file : sorted) {
        digest.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A hash of origin's refs (journal included) and of the hosting store: what a plan must leave identical. */
  public String fingerprint() {
    return allOriginRefs().toString() + "|" + hashOf(hosting().storeDirectory());
  }

  /**
   * Like {@link #fingerprint()} without the journal and the lease: what a run that wrote nothing of the release
   * leaves identical, although it took and released its lease around a step it found done meanwhile.
   */
  public String releaseFingerprint() {
    return originRefs().toString() + "|" + hashOf(hosting().storeDirectory());
  }
}
