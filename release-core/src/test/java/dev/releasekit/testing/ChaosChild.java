package dev.releasekit.testing;

import dev.releasekit.Release;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One release phase of a {@link ChaosFlow} in a child JVM, instrumented ({@link Instruments}) to stop at a
 * {@link KillPoint} and wait there for SIGKILL. Arguments: the flow's name, the phase (from 1), the kill point, then
 * {@code go}, {@code barrier} (wait for a line on standard input before the run starts) or {@code barrier-wait} (the
 * same, and the run waits for another run's lease instead of failing at once), then each repository as {@code name=workTree=origin}. It prints the instruments'
 * events, one per line, and at the end {@code OUTCOME COMPLETED} or {@code OUTCOME <exception's simple name>}, then
 * {@code RUN <run id>}.
 */
public final class ChaosChild {
  /** Long enough for any other run of a test's phase to end; a safety net, never reached when all is well. */
  private static final Duration OTHER_RUN = Duration.ofMinutes(3);

  private ChaosChild() {
  }

  public static void main(String[] args) {
    ChaosFlow flow = ChaosFlows.named(args[0]);
    int phase = Integer.parseInt(args[1]);
    KillPoint kill = KillPoint.parse(args[2]);
    boolean barrier = args[3].startsWith("barrier");
    boolean waitForOtherRun = args[3].equals("barrier-wait");
    Map<String, Instruments.Repo> repos = new LinkedHashMap<>();
    for (int i = 4; i < args.length; i++) {
      String[] parts = args[i].split("=", 3);
      repos.put(parts[0], new Instruments.Repo(Path.of(parts[1]), Path.of(parts[2])));
    }
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    Consumer<String> events = line -> {
      synchronized (out) {
        out.println(line);
      }
    };
    BufferedReader release = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Instruments instruments = new Instruments(flow, repos, kill, events, release)) {
      if (barrier) {
        events.accept("READY");
        instruments.awaitRelease();
      }
      Release phaseRelease = flow.phase(phase).release().apply(instruments.wiring())
          .listener(instruments.listener());
      FlowRunner.Outcome outcome = FlowRunner.run(waitForOtherRun ? phaseRelease.waitForOtherRun(OTHER_RUN)
          : phaseRelease);
      events.accept("OUTCOME " + outcome.name());
      events.accept("RUN " + outcome.runId());
      if (outcome.failure() != null) {
        events.accept("MESSAGE " + FlowRunner.firstLine(outcome.failure().getMessage()));
        for (Throwable cause = outcome.failure().getCause(); cause != null; cause = cause.getCause()) {
          events.accept("CAUSE " + cause.getClass().getSimpleName() + ": "
              + FlowRunner.firstLine(cause.getMessage()));
        }
      }
    }
  }
}
