package dev.releasekit.testing;

import dev.releasekit.testing.ChaosFlow.Phase;
import dev.releasekit.testing.KillPoint.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The race harness: one release phase of a {@link ChaosFlow} run by two child JVMs at once, each from its own clone
 * (made with the git CLI) of the same origins and on the same hosting store. Each race starts both children, lets
 * them reach a barrier, and releases them together; a held race also stops every child that gets as far as the start
 * of step {@code k} there, and releases them together. Then origin, hosting and plan are compared with the
 * uninterrupted reference of {@link KillAndRerun} after that phase: one run's state, with no empty or duplicate pick, one pull
 * request, one release. Each child must complete or fail with the typed lease error, at least one must complete,
 * and the journal must hold the entries of every child that wrote.
 */
public final class TwoAtOnce {
  static final String LEASE_HELD = "LeaseHeldException";
  /** Races released together at the start, per phase: which child wins varies from one to the next. */
  static final int STARTS = 4;

  private final KillAndRerun reference;

  public TwoAtOnce(KillAndRerun reference) {
    this.reference = reference;
  }

  /**
   * One race: the phase, where the children are held ({@link KillPoint#NONE}: only the start barrier), and whether
   * they wait for each other's lease rather than fail at once.
   */
  public record Race(int phase, KillPoint hold, boolean waitForOtherRun) {
    public String name(ChaosFlow flow) {
      return "phase " + phase + " (" + flow.phase(phase).name() + ") raced"
          + (hold.kind() == Kind.NONE ? " from the start" : ", held at the start of step " + hold.n())
          + (waitForOtherRun ? ", waiting for the other run" : ", failing at once on a held lease");
    }
  }

  /**
   * For each release phase: both children released at the start, {@link #STARTS} times, alternately failing at once
   * and waiting; and held at the
   * start of each step of the reference run, alternately failing at once and waiting.
   */
  public List<Race> races() {
    ChaosFlow flow = reference.flow();
    List<Race> races = new ArrayList<>();
    for (int phase = 1; phase <= flow.phases().size(); phase++) {
      if (!flow.phase(phase).isRelease()) {
        continue;
      }
      for (int i = 0; i < STARTS; i++) {
        races.add(new Race(phase, KillPoint.NONE, i % 2 == 1));
      }
      int steps = 0;
      for (String line : reference.events(phase)) {
        if (line.startsWith("START ")) {
          steps++;
          races.add(new Race(phase, KillPoint.at(Kind.HOLD, steps), steps % 2 == 0));
        }
      }
    }
    String only = System.getProperty("releasekit.chaos.cases");
    if (only != null && !only.isBlank()) {
      java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(only);
      races.removeIf(r -> !pattern.matcher(r.name(flow)).find());
    }
    return races;
  }

  /** How a race ended. */
  public record Result(String name, List<String> outcomes, List<String> problems, String output) {
    public boolean oneRunsState() {
      return problems.isEmpty();
    }

    public String describe() {
      return name + ": " + outcomes + "; " + (oneRunsState() ? "one run's state" : String.join("; ", problems)
          + "\n      children's output:\n" + output.indent(8));
    }
  }

  /** Runs {@code race} in {@code <directory>/race-<number>}. */
  public Result run(Race race, int number) {
    ChaosFlow flow = reference.flow();
    Path root = reference.directory().resolve("race-" + number);
    Phase phase = flow.phase(race.phase());
    List<String> problems = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    Map<String, String> tags = new TreeMap<>();
    try {
      Map<String, Instruments.Repo> repos = reference.checkout(race.phase(), root);
      List<Map<String, Instruments.Repo>> clones = List.of(repos, KillAndRerun.otherClones(repos,
          root.resolve("other-clones")));
      KillAndRerun.observeTags(repos, tags, problems);
      List<ChildJvm> children = new ArrayList<>();
      Map<ChildJvm, String> ended = new HashMap<>();
      try {
        for (Map<String, Instruments.Repo> clone : clones) {
          children.add(ChildJvm.start(ChaosChild.class, arguments(flow, race, clone)));
        }
        for (ChildJvm child : children) {
          if (child.awaitPrefix("READY") == null) {
            problems.add("a child never reached the start barrier");
          }
        }
        children.forEach(child -> child.send("go"));
        if (race.hold().kind() == Kind.HOLD) {
          // Once each child is held, waits for the other's lease or has ended, all go on together; a line sent to
          // a waiting child stays in its input until it reaches the held step after the other run.
          for (ChildJvm child : children) {
            String line = child.await(l -> l.startsWith("HELD ") || l.startsWith("WAITING ")
                || l.startsWith("OUTCOME "));
            if (line != null && line.startsWith("OUTCOME ")) {
              ended.put(child, line);
            }
          }
          children.forEach(child -> child.send("go"));
        }
        for (ChildJvm child : children) {
          String outcome = ended.containsKey(child) ? ended.get(child) : child.awaitPrefix("OUTCOME ");
          String run = child.awaitPrefix("RUN ");
          child.waitFor();
          output.append(child.output()).append("----\n");
          String name = outcome == null ? "(no outcome)" : outcome.substring("OUTCOME ".length());
          outcomes.add(name);
          if (!name.equals(phase.expectedOutcome()) && !name.equals(LEASE_HELD)) {
            problems.add("a child ended " + name + ", neither " + phase.expectedOutcome() + " nor " + LEASE_HELD);
          }
          if (run != null && child.output().contains(" DONE\n")) {
            String id = run.substring("RUN ".length()).strip();
            if (repos.values().stream().noneMatch(r -> journalHasRun(r.origin(), id))) {
              problems.add("the journal lacks the entries of run " + id + ", which wrote");
            }
          }
        }
      } finally {
        children.forEach(ChildJvm::close);
      }
      if (!outcomes.contains(phase.expectedOutcome())) {
        problems.add("neither child ended " + phase.expectedOutcome());
      }
      KillAndRerun.observeTags(repos, tags, problems);
      problems.addAll(reference.compare(race.phase(), repos, root));
    } catch (AssertionError | RuntimeException e) {
      problems.add(e.getClass().getSimpleName() + ": " + FlowRunner.firstLine(e.getMessage()));
    }
    return new Result(race.name(flow), outcomes, problems, output.toString());
  }

  private static boolean journalHasRun(Path origin, String run) {
    return OriginState.git(origin, null, "for-each-ref", "--format=%(refname)", "refs/releasekit/").lines()
        .anyMatch(ref -> OriginState.journalLines(origin, ref).stream()
            .anyMatch(line -> line.contains("\"run\":\"" + run + "\"") && line.contains("\"step:")));
  }

  private static List<String> arguments(ChaosFlow flow, Race race, Map<String, Instruments.Repo> clone) {
    List<String> arguments = new ArrayList<>(List.of(flow.name(), String.valueOf(race.phase()),
        race.hold().toString(), race.waitForOtherRun() ? "barrier-wait" : "barrier"));
    clone.forEach((repo, r) -> arguments.add(repo + "=" + r.workTree() + "=" + r.origin()));
    return arguments;
  }
}
