package dev.releasekit.local;

import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.git.Workspace;
import dev.releasekit.git.internal.Merges;
import dev.releasekit.git.internal.Trees;
import dev.releasekit.local.internal.HomeAssistantFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A self-contained project to release: a bare {@code origin.git} that refuses non-fast-forward pushes and
 * deletions (as a protected hosting does), a clone of it, and a {@link LocalHosting} beside it. The demo, the
 * JShell snippet and the tests build their sandboxes with it.
 *
 * <pre>{@code
 * LocalProject project = LocalProject.homeAssistant(Files.createTempDirectory("ha"));
 * Release.of("0.57").in(project.workTree()).hostedOn(project.hosting())
 *     .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
 *     .plan();
 * }</pre>
 *
 * <p>Seeding methods ({@link #commit}, {@link #branch}) write straight into origin, the way other people's pushes
 * arrive; the clone sees them after a fetch.
 */
public final class LocalProject {
  private static final PersonIdent SEED = new PersonIdent("Paulus Schoutsen", "balloob@users.noreply.github.com",
      Instant.parse("2017-10-20T10:00:00Z"), ZoneOffset.UTC);

  private final Path directory;
  private final Path origin;
  private final Path workTree;
  private final LocalHosting hosting;
  private int tick;

  private LocalProject(Path directory, Path origin, Path workTree) {
    this.directory = directory;
    this.origin = origin;
    this.workTree = workTree;
    this.hosting = LocalHosting.forOrigin(origin);
  }

  /**
   * A sandbox shaped like Home Assistant's core repository before 0.57: {@code master} released at 0.56.0 with a
   * hotfix that {@code dev} lacks, and {@code dev} at {@code 0.57.0.dev0}; an open milestone {@code 0.57}.
   */
  public static LocalProject homeAssistant(Path directory) {
    LocalProject project = empty(directory, "core", "master");
    project.commit("master", "Initial commit", Map.of(
        "homeassistant/const.py", HomeAssistantFiles.constPy(56, "0"),
        "homeassistant/__init__.py", "\"\"\"Init file for Home Assistant.\"\"\"\n",
        "README.rst", "Home Assistant\n==============\n\nOpen-source home automation platform.\n"));
    project.branch("dev", "master");
    project.commit("dev", "Version bump to 0.57.0.dev0", Map.of("homeassistant/const.py",
        HomeAssistantFiles.constPy(57, "0.dev0")));
    project.commit("dev", "Add fail2ban sensor (#9975)", Map.of("homeassistant/components/sensor/fail2ban.py",
        "\"\"\"Support for fail2ban.\"\"\"\n"));
    project.commit("master", "Fix light flicker (#9990)", Map.of("homeassistant/components/light/__init__.py",
        "\"\"\"Lights.\"\"\"\nFLICKER_FIX = True\n"));
    project.hosting.seed().milestone("0.57");
    project.hosting.createLabel("cherry-picked");
    project.fetchClone();
    return project;
  }

  /** A sandbox shaped like PostHog: {@code master} at version 1.30.0 with a changelog and versions.json. */
  public static LocalProject postHog(Path directory) {
    LocalProject project = empty(directory, "posthog", "master");
    project.commit("master", "Release 1.30.0", Map.of(
        "posthog/version.py", "VERSION = \"1.30.0\"\n",
        "CHANGELOG.md", "# Changelog\n\n### 1.30.0 - Tuesday 16 November\n\n- Session recording filters\n",
        "versions.json", "[\n    {\n        \"version\": \"1.30.0\",\n        \"release_date\": \"2021-11-16\"\n"
            + "    },\n    {\n        \"version\": \"1.29.0\"\n    }\n]\n"));
    project.tag("1.30.0", "master", "Version 1.30.0");
    project.commitAs("master", "Add funnel correlation (#7001)", Map.of("posthog/funnels.py", "CORRELATION = 1\n"),
        "Jane Doe", "jane@posthog.com");
    project.commitAs("master", "Fix typo in docs (#7003)", Map.of("docs/README.md", "PostHog\n"),
        "Outside Contributor", "12345+outsider@users.noreply.github.com");
    project.fetchClone();
    return project;
  }

  /** An empty project: a bare origin with one root commit on {@code mainBranch}, and a clone. */
  public static LocalProject create(Path directory, String name, String mainBranch, Map<String, String> files) {
    LocalProject project = empty(directory, name, mainBranch);
    project.commit(mainBranch, "Initial commit", files);
    project.fetchClone();
    return project;
  }

  /**
   * A project with no commit yet: a bare origin (refusing non-fast-forward pushes and deletions) and a clone; the
   * first {@link #commitAs} on {@code mainBranch} makes the root commit, by whom the caller says.
   */
  public static LocalProject empty(Path directory, String name, String mainBranch) {
    Path dir = directory.toAbsolutePath().normalize();
    Path origin = dir.resolve(name + ".git");
    Path workTree = dir.resolve(name);
    try {
      if (Files.exists(origin) || Files.exists(workTree)) {
        throw new PreconditionException("A project already exists in " + dir + ". Pick an empty folder.");
      }
      Files.createDirectories(dir);
      try (Git bare = Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch(mainBranch).call()) {
        StoredConfig config = bare.getRepository().getConfig();
        config.setBoolean("receive", null, "denyNonFastForwards", true);
        config.setBoolean("receive", null, "denyDeletes", true);
        // A background gc after a push outlives a short-lived sandbox and races its deletion.
        config.setBoolean("receive", null, "autogc", false);
        config.setInt("gc", null, "auto", 0);
        config.save();
      }
      try (Git clone = Git.init().setDirectory(workTree.toFile()).setInitialBranch(mainBranch).call()) {
        StoredConfig config = clone.getRepository().getConfig();
        config.setString("remote", "origin", "url", origin.toUri().toString());
        config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        config.setString("branch", mainBranch, "remote", "origin");
        config.setString("branch", mainBranch, "merge", Constants.R_HEADS + mainBranch);
        config.setString("user", null, "name", "Release Manager");
        config.setString("user", null, "email", "release-manager@example.com");
        config.save();
      }
    } catch (IOException | GitAPIException e) {
      throw new ReleaseException("Cannot create a project in " + dir + ": " + e.getMessage() + ". Pick an empty, writable folder and try again.", e);
    }
    return new LocalProject(dir, origin, workTree);
  }

  public Path directory() {
    return directory;
  }

  /** The bare origin repository. */
  public Path origin() {
    return origin;
  }

  /** The clone a release manager works in. */
  public Path workTree() {
    return workTree;
  }

  public LocalHosting hosting() {
    return hosting;
  }

  /** Opens the clone as a {@link Workspace}. */
  public Workspace workspace() {
    return Workspace.open(workTree);
  }

  /** Commits files onto origin's {@code branch} as the project's seed author; returns the commit id. */
  public String commit(String branch, String message, Map<String, String> files) {
    return commitAs(branch, message, files, SEED.getName(), SEED.getEmailAddress());
  }

  /** Commits files onto origin's {@code branch} as someone else, the way their push would arrive. */
  public String commitAs(String branch, String message, Map<String, String> files, String name, String email) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return withOrigin(repo -> {
      ObjectId parent = repo.resolve(Constants.R_HEADS + branch);
      ObjectId tree;
      try (RevWalk walk = new RevWalk(repo)) {
        tree = Trees.write(repo, parent == null ? null : walk.parseCommit(parent).getTree(), bytes);
      }
      PersonIdent who = new PersonIdent(name, email, SEED.getWhenAsInstant().plusSeconds(60L * ++tick),
          ZoneOffset.UTC);
      ObjectId commit = Merges.commit(repo, tree, parent == null ? List.of() : List.of(parent), message + "\n",
          who, who);
      move(repo, Constants.R_HEADS + branch, parent, commit);
      return commit.name();
    });
  }

  /** Creates {@code name} on origin at {@code from}'s tip. */
  public void branch(String name, String from) {
    withOrigin(repo -> {
      ObjectId at = repo.resolve(Constants.R_HEADS + from);
      move(repo, Constants.R_HEADS + name, null, at);
      return null;
    });
  }

  /** Creates an annotated tag on origin. */
  public void tag(String name, String revision, String message) {
    withOrigin(repo -> {
      ObjectId target = repo.resolve(revision.startsWith("refs/") ? revision : Constants.R_HEADS + revision);
      if (target == null) {
        target = repo.resolve(revision);
      }
      try (ObjectInserter inserter = repo.newObjectInserter()) {
        org.eclipse.jgit.lib.TagBuilder tag = new org.eclipse.jgit.lib.TagBuilder();
        tag.setTag(name);
        tag.setObjectId(target, Constants.OBJ_COMMIT);
        tag.setTagger(SEED);
        tag.setMessage(message + "\n");
        ObjectId id = inserter.insert(tag);
        inserter.flush();
        move(repo, Constants.R_TAGS + name, null, id);
      }
      return null;
    });
  }

  /** Brings the clone's view of origin up to date, as {@code git fetch} would. */
  public void fetchClone() {
    try (Workspace workspace = workspace()) {
      workspace.fetch();
    }
    try (Git clone = Git.open(workTree.toFile())) {
      if (clone.getRepository().resolve(Constants.HEAD) == null) {
        String main = clone.getRepository().getBranch();
        clone.checkout().setCreateBranch(true).setName(main).setStartPoint("origin/" + main).call();
      }
    } catch (IOException | GitAPIException e) {
      throw new ReleaseException("Cannot check out the clone in " + workTree + ": " + e.getMessage() + ". Pick an empty, writable folder and try again.", e);
    }
  }

  private static void move(Repository repo, String ref, ObjectId expected, ObjectId to) throws IOException {
    RefUpdate update = repo.updateRef(ref);
    update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
    update.setNewObjectId(to);
    RefUpdate.Result result = update.update();
    if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
      throw new ReleaseException("Cannot update " + ref + " in " + repo.getDirectory() + ": " + result + ". Pick an empty, writable folder and try again.");
    }
  }

  private interface RepoWork<T> {
    T apply(Repository repo) throws IOException;
  }

  private <T> T withOrigin(RepoWork<T> work) {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build()) {
      return work.apply(repo);
    } catch (IOException e) {
      throw new ReleaseException("Cannot write to " + origin + ": " + e.getMessage() + ". Pick an empty, writable folder and try again.", e);
    }
  }

  @Override
  public String toString() {
    return "LocalProject[" + workTree + ", origin " + origin + "]";
  }
}
