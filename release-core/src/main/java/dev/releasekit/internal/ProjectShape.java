package dev.releasekit.internal;

import dev.releasekit.Conventions;
import dev.releasekit.PreconditionException;
import dev.releasekit.files.VersionFile;
import dev.releasekit.git.internal.JGitWorkspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A repository's shape on origin, as its last fetch saw it, for choosing its conventions: which preset's version
 * file is on the default branch ({@code homeassistant/const.py}, {@code posthog/version.py}), and whether
 * conventions that were given name branches and files origin has. It only reads.
 */
public final class ProjectShape {
  /**
   * A preset recognised by files on the default branch: its version files, or, for a project that has none (the
   * website keeps its release in {@code _config.yml}), a file its shape is known by.
   */
  private record Preset(String label, String call, Conventions conventions, List<String> markers) {
    Preset(String label, String call, Conventions conventions) {
      this(label, call, conventions, conventions.versionFiles().stream().map(VersionFile::path).toList());
    }
  }

  private static final List<Preset> PRESETS = List.of(
      new Preset("Home Assistant's", "Conventions.homeAssistant()", Conventions.homeAssistant()),
      new Preset("PostHog's", "Conventions.postHog()", Conventions.postHog()),
      new Preset("Home Assistant's website", "Conventions.homeAssistantWebsite()",
          Conventions.homeAssistantWebsite(), List.of("_config.yml", "source/_posts")));

  /**
   * Conventions found from the shape, and why.
   *
   * @param conventions the preset whose version files are on the default branch
   * @param label whose they are: {@code PostHog's}
   * @param evidence which file decided: {@code found posthog/version.py on master}
   */
  public record Found(Conventions conventions, String label, String evidence) {
  }

  private final JGitWorkspace workspace;
  private final String where;
  private final Map<String, String> branches;
  private final String trunk;

  private ProjectShape(JGitWorkspace workspace, String where) {
    this.workspace = workspace;
    this.where = where;
    this.branches = workspace.fetchedBranches();
    this.trunk = trunk(workspace, branches);
  }

  /**
   * The shape of {@code workspace}'s origin, after a fetch; {@code where} names the repository in messages, such as
   * {@code the repository at /src/posthog}.
   */
  public static ProjectShape of(JGitWorkspace workspace, String where) {
    return new ProjectShape(workspace, where);
  }

  /** The default branch: the one origin's HEAD names, else master, main or dev, else any; null when none. */
  private static String trunk(JGitWorkspace workspace, Map<String, String> branches) {
    Optional<String> head = workspace.fetchedDefaultBranch().filter(branches::containsKey);
    if (head.isPresent()) {
      return head.get();
    }
    for (String usual : List.of("master", "main", "dev")) {
      if (branches.containsKey(usual)) {
        return usual;
      }
    }
    return branches.keySet().stream().findFirst().orElse(null);
  }

  /**
   * The preset whose version files are on the default branch.
   *
   * @throws PreconditionException when no preset's are, or more than one's, naming the files looked for and asking
   *     for {@code conventions(...)}
   */
  public Found detect() {
    if (trunk == null) {
      throw new PreconditionException("Cannot tell which conventions " + where + " follows: its origin has no"
          + " branch yet. Push the project's default branch, or pass its conventions with conventions(...), such as"
          + " conventions(Conventions.semver()).");
    }
    List<Preset> fitting = PRESETS.stream().filter(p -> missing(p.markers(), trunk).isEmpty()).toList();
    if (fitting.size() == 1) {
      Preset preset = fitting.get(0);
      return new Found(preset.conventions(), preset.label(), "found " + files(preset) + " on "
          + trunk);
    }
    if (fitting.isEmpty()) {
      String lookedFor = PRESETS.stream().map(p -> files(p) + " (" + p.label() + ")")
          .collect(Collectors.joining(" nor "));
      throw new PreconditionException("Cannot tell which conventions " + where + " follows: origin's default"
          + " branch " + trunk + " has neither " + lookedFor + ". Pass the project's conventions with"
          + " conventions(...): " + PRESETS.stream().map(p -> "conventions(" + p.call() + ")")
          .collect(Collectors.joining(", ")) + ", conventions(Conventions.semver()), or one of them adapted with"
          + " withMainBranch(...) and withVersionFiles(...).");
    }
    throw new PreconditionException("Cannot tell which conventions " + where + " follows: origin's default branch "
        + trunk + " has " + fitting.stream().map(p -> files(p) + " (" + p.label() + ")")
        .collect(Collectors.joining(" and ")) + ". Pass the ones it follows: " + fitting.stream()
        .map(p -> "conventions(" + p.call() + ")").collect(Collectors.joining(" or ")) + ".");
  }

  /**
   * Refuses {@code given} conventions that plainly do not fit origin (a branch they name is missing, or a version
   * file is absent from their main branch) while a preset of another name fits it entirely, naming that preset.
   * Conventions that fit, a variant of the preset that fits (same name), and a project no preset fits pass: their
   * steps say what is missing.
   *
   * @throws PreconditionException naming what does not fit and the conventions to pass instead
   */
  public void requireFit(Conventions given) {
    List<String> problems = problems(given);
    if (problems.isEmpty()) {
      return;
    }
    for (Preset preset : PRESETS) {
      if (preset.conventions().name().equals(given.name()) || !problems(preset).isEmpty()) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      evidence.add(files(preset));
      for (String branch : branchesOf(given)) {
        if (!branches.containsKey(branch)) {
          evidence.add("no " + branch + " branch");
        }
      }
      throw new PreconditionException("The conventions given for " + where + " (" + given.name() + ") do not fit"
          + " its origin: " + String.join("; ", problems) + ". This looks like " + preset.label() + " project ("
          + String.join(", ", evidence) + "): pass conventions(" + preset.call() + ").");
    }
  }

  /** What a preset names that origin lacks: branches, and the files it is known by on its main branch. */
  private List<String> problems(Preset preset) {
    return problems(preset.conventions(), preset.markers());
  }

  /** What {@code conventions} name that origin lacks: branches, and version files on the main branch. */
  private List<String> problems(Conventions conventions) {
    return problems(conventions, conventions.versionFiles().stream().map(VersionFile::path).toList());
  }

  private List<String> problems(Conventions conventions, List<String> files) {
    List<String> problems = new ArrayList<>();
    for (String branch : branchesOf(conventions)) {
      if (!branches.containsKey(branch)) {
        problems.add("origin has no branch '" + branch + "'");
      }
    }
    if (branches.containsKey(conventions.mainBranch())) {
      for (String path : missing(files, conventions.mainBranch())) {
        problems.add(conventions.mainBranch() + " has no " + path);
      }
    }
    return problems;
  }

  private static Set<String> branchesOf(Conventions conventions) {
    Set<String> names = new LinkedHashSet<>();
    names.add(conventions.mainBranch());
    names.add(conventions.developmentBranch());
    names.add(conventions.releaseBranchSource());
    return names;
  }

  private List<String> missing(List<String> paths, String branch) {
    String commit = branches.get(branch);
    List<String> missing = new ArrayList<>();
    for (String path : paths) {
      if (commit == null || !workspace.exists(commit, path)) {
        missing.add(path);
      }
    }
    return missing;
  }

  private static String files(Preset preset) {
    return String.join(" and ", preset.markers());
  }
}
