package dev.releasekit.testing;

import dev.releasekit.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.releasekit.Plan;
import dev.releasekit.testing.ChaosFlow.Phase;
import dev.releasekit.testing.ChaosFlow.Sandbox;
import dev.releasekit.testing.KillPoint.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The kill-anywhere harness: an uninterrupted reference run of a {@link ChaosFlow} that lists every kill point of
 * every release phase, and for each point a case that starts from the reference's origins as they were before that
 * phase (copied, with a fresh clone made by the git CLI), runs the phase in a child JVM killed with SIGKILL at the
 * point, runs the phase again in-process as a user would (up to three times, counted), and compares everything
 * with the reference after that phase. Starting from the copy rather than replaying earlier phases keeps a case to
 * a few seconds; the state is the same, since earlier phases are the reference's own.
 */
public final class KillAndRerun {
  /** Runs after a kill that a user may try before the case counts as stuck. */
  static final int RERUNS = 3;
  /** Delays after a writing step starts at which a timed kill lands. */
  static final int[] DELAYS_MILLIS = {15, 80};

  private final ChaosFlow flow;
  private final Path directory;
  private final Map<Integer, List<String>> events = new LinkedHashMap<>();
  private final Map<Integer, Path> before = new LinkedHashMap<>();
  private final Map<Integer, Map<String, String>> content = new LinkedHashMap<>();
  private final Map<Integer, Map<String, String>> hosting = new LinkedHashMap<>();
  private final Map<Integer, List<String>> plans = new LinkedHashMap<>();
  private final Map<String, Path> origins = new LinkedHashMap<>();
  private final Map<String, Path> workTrees = new LinkedHashMap<>();

  private KillAndRerun(ChaosFlow flow, Path directory) {
    this.flow = flow;
    this.directory = directory;
  }

  ChaosFlow flow() {
    return flow;
  }

  Path directory() {
    return directory;
  }

  /**
   * The reference run of {@code flow} in {@code directory}/reference, with every release phase's events recorded,
   * its origins copied before it, and origin, hosting and plan recorded after it.
   */
  public static KillAndRerun reference(ChaosFlow flow, Path directory) {
    KillAndRerun harness = new KillAndRerun(flow, directory);
    Path root = directory.resolve("reference");
    Sandbox sandbox = flow.create(root);
    sandbox.fixtures().forEach((name, fixture) -> {
      harness.origins.put(name, root.relativize(fixture.origin()));
      harness.workTrees.put(name, root.relativize(fixture.workTree()));
    });
    Map<String, Instruments.Repo> repos = Instruments.of(sandbox);
    for (int i = 1; i <= flow.phases().size(); i++) {
      Phase phase = flow.phase(i);
      if (!phase.isRelease()) {
        phase.world().accept(sandbox);
        continue;
      }
      Path copy = directory.resolve("before-phase-" + i);
      harness.origins.forEach((name, origin) -> copyTree(root.resolve(origin), copy.resolve(origin)));
      harness.before.put(i, copy);
      List<String> recorded = new ArrayList<>();
      FlowRunner.Outcome outcome;
      try (Instruments instruments = new Instruments(flow, repos, KillPoint.NONE, line -> {
        synchronized (recorded) {
          recorded.add(line);
        }
      }, null)) {
        outcome = FlowRunner.run(phase.release().apply(instruments.wiring()).listener(instruments.listener()));
      }
      if (!outcome.name().equals(phase.expectedOutcome())) {
        throw new AssertionError("the reference run of " + flow + " phase " + i + " ended " + outcome.describe(),
            outcome.failure());
      }
      harness.events.put(i, recorded);
      harness.content.put(i, new TreeMap<>());
      harness.hosting.put(i, new TreeMap<>());
      snapshot(repos, root, harness.content.get(i), harness.hosting.get(i));
      harness.plans.put(i, planOutcomes(flow, i, repos));
      if (phase.stopsWith() == null && harness.plans.get(i).stream().anyMatch(p -> !p.endsWith(" ALREADY_DONE"))) {
        throw new AssertionError("the reference run's plan after phase " + i + " is not all ALREADY_DONE: "
            + harness.plans.get(i));
      }
    }
    return harness;
  }

  /**
   * Origins as the reference had them before phase {@code phase}, copied into {@code root}, each with a fresh clone
   * made by the git CLI.
   */
  Map<String, Instruments.Repo> checkout(int phase, Path root) {
    Map<String, Instruments.Repo> repos = new LinkedHashMap<>();
    origins.forEach((name, origin) -> {
      copyTree(before.get(phase).resolve(origin), root.resolve(origin));
      repos.put(name, new Instruments.Repo(cloneWithTheGitCli(root.resolve(origin), root.resolve(workTrees.get(
          name))), root.resolve(origin)));
    });
    return repos;
  }

  /** A second clone of each of {@code repos}' origins, in {@code dir}, as another machine makes it. */
  static Map<String, Instruments.Repo> otherClones(Map<String, Instruments.Repo> repos, Path dir) {
    Map<String, Instruments.Repo> others = new LinkedHashMap<>();
    repos.forEach((name, repo) -> others.put(name, new Instruments.Repo(cloneWithTheGitCli(repo.origin(),
        dir.resolve(name)), repo.origin())));
    return others;
  }

  private static Path cloneWithTheGitCli(Path origin, Path clone) {
    command(null, "git", "clone", "--quiet", origin.toString(), clone.toString());
    command(clone, "git", "config", "user.name", "Release Manager");
    command(clone, "git", "config", "user.email", "release-manager@example.com");
    return clone;
  }

  private static void copyTree(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    command(null, "cp", "-a", from.toString(), to.toString());
  }

  private static void command(Path in, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (in != null) {
        builder.directory(in.toFile());
      }
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void snapshot(Map<String, Instruments.Repo> repos, Path root, Map<String, String> content,
      Map<String, String> hosting) {
    repos.forEach((name, repo) -> {
      content.put(name, OriginState.content(repo.origin(), root));
      hosting.put(name, OriginState.hosting(repo.origin(), root));
    });
  }

  /** The events the reference run's phase {@code index} reported. */
  public List<String> events(int index) {
    return events.getOrDefault(index, List.of());
  }

  /** One kill: a phase and a point in it. */
  public record Case(int phase, KillPoint kill) {
    public String name(ChaosFlow flow) {
      return "phase " + phase + " (" + flow.phase(phase).name() + ") killed at " + kill;
    }
  }

  /**
   * Every kill point of every release phase: each step boundary, each pick, each ref update on origin, each write
   * of the hosting store, and two timed points in each step that wrote.
   */
  public List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    events.forEach((phase, lines) -> {
      for (String line : lines) {
        String[] words = line.split(" ");
        switch (words[0]) {
          case "STEP" -> {
            int step = Integer.parseInt(words[1]);
            cases.add(new Case(phase, KillPoint.at(Kind.STEP, step)));
            if (words[2].equals(Outcome.DONE.name())) {
              for (int delay : DELAYS_MILLIS) {
                cases.add(new Case(phase, KillPoint.timed(step, delay)));
              }
            }
          }
          case "PICK" -> cases.add(new Case(phase, KillPoint.at(Kind.PICK, Integer.parseInt(words[1]))));
          case "REF" -> cases.add(new Case(phase, KillPoint.at(Kind.REF, Integer.parseInt(words[1]))));
          case "STORE" -> cases.add(new Case(phase, KillPoint.at(Kind.STORE, Integer.parseInt(words[1]))));
          case "POST" -> cases.add(new Case(phase, KillPoint.at(Kind.POST, Integer.parseInt(words[1]))));
          default -> {
          }
        }
      }
    });
    String only = System.getProperty("releasekit.chaos.cases");
    if (only != null && !only.isBlank()) {
      Pattern pattern = Pattern.compile(only);
      cases.removeIf(c -> !pattern.matcher(c.name(flow)).find());
    }
    return cases;
  }

  /** How a case ended: how many runs it took (the killed one included) and what is wrong, if anything. */
  public record Result(String name, int runs, List<String> problems, String childOutput) {
    public boolean converged() {
      return problems.isEmpty();
    }

    public String describe() {
      return name + ": " + runs + " runs; " + (converged() ? "converged" : String.join("; ", problems)
          + "\n      child output:\n" + childOutput.indent(8));
    }
  }

  /** Runs one case in {@code directory}/case-{@code number}. */
  public Result run(Case kill, int number) {
    Path root = directory.resolve("case-" + number);
    String name = kill.name(flow);
    List<String> problems = new ArrayList<>();
    Phase phase = flow.phase(kill.phase());
    Map<String, String> tags = new TreeMap<>();
    String output = "";
    int runs = 0;
    try {
      Map<String, Instruments.Repo> repos = checkout(kill.phase(), root);
      observeTags(repos, tags, problems);
      List<String> arguments = new ArrayList<>(List.of(flow.name(), String.valueOf(kill.phase()),
          kill.kill().toString(), "go"));
      repos.forEach((repo, r) -> arguments.add(repo + "=" + r.workTree() + "=" + r.origin()));
      try (ChildJvm child = ChildJvm.start(ChaosChild.class, arguments)) {
        runs++;
        String marker = child.awaitPrefix(kill.kill().parks() ? "PARKED " : "STARTED ");
        if (marker == null && kill.kill().parks()) {
          problems.add("the child never reached " + kill.kill());
        }
        if (marker != null && kill.kill().kind() == Kind.TIMED) {
          Thread.sleep(kill.kill().delayMillis());
        }
        child.kill();
        output = child.output();
        if (marker != null && kill.kill().kind() == Kind.REF) {
          String ref = marker.substring(marker.lastIndexOf(' ') + 1);
          if (repos.values().stream().noneMatch(r -> Files.exists(r.origin().resolve(ref + ".lock")))) {
            problems.add("the kill left no " + ref + ".lock on origin");
          }
        }
      }
      observeTags(repos, tags, problems);
      List<String> attempts = new ArrayList<>();
      boolean finished = false;
      while (!finished && attempts.size() < RERUNS) {
        FlowRunner.Outcome outcome = FlowRunner.run(phase.release().apply(FlowRunner.plain(flow, repos)));
        runs++;
        attempts.add(outcome.describe());
        finished = outcome.name().equals(phase.expectedOutcome());
        observeTags(repos, tags, problems);
      }
      if (!finished) {
        problems.add("no re-run ended " + phase.expectedOutcome() + " in " + RERUNS + " tries: " + attempts);
        return new Result(name, runs, problems, output);
      }
      problems.addAll(compare(kill.phase(), repos, root));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted");
    } catch (AssertionError | RuntimeException e) {
      problems.add(e.getClass().getSimpleName() + ": " + FlowRunner.firstLine(e.getMessage())
          + (e.getCause() == null ? "" : " (cause: " + FlowRunner.firstLine(e.getCause().getMessage()) + ")"));
    }
    return new Result(name, runs, problems, output);
  }

  /** Tags never move: every tag once seen on an origin names the same object ever after. */
  static void observeTags(Map<String, Instruments.Repo> repos, Map<String, String> seen, List<String> problems) {
    repos.forEach((repo, r) -> OriginState.tags(r.origin()).forEach((tag, id) -> {
      String before = seen.putIfAbsent(repo + ":" + tag, id);
      if (before != null && !before.equals(id)) {
        problems.add(repo + ": " + tag + " moved from " + before + " to " + id);
      }
    }));
  }

  /**
   * What differs from the reference after phase {@code phase} (origin by content, the hosting, what a plan of the
   * phase says), and what else is wrong: locks left, journals that did not only grow, leases still held.
   */
  List<String> compare(int phase, Map<String, Instruments.Repo> repos, Path root) {
    List<String> problems = new ArrayList<>();
    Map<String, String> content = new TreeMap<>();
    Map<String, String> hosting = new TreeMap<>();
    snapshot(repos, root, content, hosting);
    for (String repo : content.keySet()) {
      String want = this.content.get(phase).get(repo);
      if (!content.get(repo).equals(want)) {
        problems.add(repo + ": origin differs from the reference run's:\n" + diff(want, content.get(repo)));
      }
      want = this.hosting.get(phase).get(repo);
      if (!hosting.get(repo).equals(want)) {
        problems.add(repo + ": the hosting differs from the reference run's:\n" + diff(want, hosting.get(repo)));
      }
    }
    repos.forEach((repo, r) -> {
      List<String> locks = OriginState.lockFiles(r.origin());
      if (!locks.isEmpty()) {
        problems.add(repo + ": lock files left on origin: " + locks);
      }
      OriginState.journalProblems(r.origin()).forEach(p -> problems.add(repo + ": " + p));
      OriginState.leaseProblems(r.origin()).forEach(p -> problems.add(repo + ": " + p));
    });
    List<String> plan = planOutcomes(flow, phase, repos);
    if (!plan.equals(plans.get(phase))) {
      problems.add("the plan of the phase then says " + plan + ", the reference's " + plans.get(phase));
    }
    return problems;
  }

  /** Phase {@code phase} planned: each step's description and outcome. */
  static List<String> planOutcomes(ChaosFlow flow, int phase, Map<String, Instruments.Repo> repos) {
    Plan plan = flow.phase(phase).release().apply(FlowRunner.plain(flow, repos)).plan();
    return plan.steps().stream().map(s -> s.description() + " " + s.outcome()).toList();
  }

  /** The lines only in {@code expected} ({@code -}) and only in {@code actual} ({@code +}). */
  static String diff(String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    StringBuilder out = new StringBuilder();
    want.stream().filter(l -> !got.contains(l)).forEach(l -> out.append("      - ").append(l).append('\n'));
    got.stream().filter(l -> !want.contains(l)).forEach(l -> out.append("      + ").append(l).append('\n'));
    return out.length() == 0 ? "      (same lines, other order or count)\n" : out.toString();
  }
}
