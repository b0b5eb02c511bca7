package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.ChildRelease;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.Leases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease that keeps two runs of one release from writing at once: taken before the first write, named in a
 * typed error when another live run holds it, waited for within a budget, taken over when its holder died, and
 * never taken by a plan or by a run with nothing to do.
 */
class LeaseTest {
  private static final String VERSION = "0.57.0";

  @TempDir
  Path temp;

  private static Release preparation(GitFixture fixture) {
    return PreparationFlowTest.preparation(fixture);
  }

  @Test
  void aLiveLeaseOfAnotherRunFailsTheRunAtOnceNamingTheRunAndNothingIsWritten() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Instant until = Instant.now().plus(Duration.ofMinutes(8));
    Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242, until, false);
    Map<String, String> before = fixture.allOriginRefs();

    LeaseHeldException held = catchThrowableOfType(LeaseHeldException.class, preparation(fixture)::run);

    assertThat(held.holder()).isEqualTo("other-run");
    assertThat(held.host()).isEqualTo("ci-runner-7");
    assertThat(held.pid()).isEqualTo(4242);
    assertThat(held.expires()).isEqualTo(until);
    assertThat(held.getMessage()).contains("run other-run").contains("Nothing was written")
        .contains(".waitForOtherRun(Duration)");
    assertThat(fixture.allOriginRefs()).isEqualTo(before);
  }

  private static Precondition leaseOf(Plan plan) {
    return plan.preconditions().stream().filter(p -> p.what().equals("lease")).findFirst().orElseThrow();
  }

  @Test
  void thePlanSaysARunNowWouldFailAtTheLiveLeaseOfAnotherRunAndTakesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    Instant until = Instant.now().plus(Duration.ofMinutes(8));
    Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242, until, false);
    String before = fixture.fingerprint();

    Plan plan = preparation(fixture).plan();

    assertThat(leaseOf(plan).state()).isEqualTo(Precondition.State.FAILS);
    assertThat(leaseOf(plan).message()).contains("run other-run (process 4242 on ci-runner-7)")
        .contains("until " + until).contains("fails at once with LeaseHeldException")
        .contains(".waitForOtherRun(Duration)");
    assertThat(plan.toString()).contains("FAILS    lease: run other-run");
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void thePlanOfARunThatWouldWaitSaysHowLongAndOfATakeoverSaysSo() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    FakeTime time = new FakeTime(Instant.now());
    Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242, time.instant().plusSeconds(600), false);

    Plan waiting = preparation(fixture).clock(time).waitForOtherRun(Duration.ofMinutes(5)).plan();
    time.advance(Duration.ofMinutes(11));
    Plan expired = preparation(fixture).clock(time).plan();

    assertThat(leaseOf(waiting).state()).isEqualTo(Precondition.State.WARNING);
    assertThat(leaseOf(waiting).message()).endsWith("a run started now waits up to PT5M for it to end.");
    assertThat(leaseOf(expired).holds()).isTrue();
    assertThat(leaseOf(expired).message()).contains("run other-run").endsWith("let it expire: a run takes it over");
  }

  @Test
  void thePlanNamesTheFreeLeaseARunWouldTakeAndNoneWhenNoStepWrites() {
    GitFixture fixture = GitFixture.homeAssistant(temp);

    Plan fresh = preparation(fixture).plan();
    preparation(fixture).run();
    Plan done = preparation(fixture).plan();

    assertThat(leaseOf(fresh).message()).isEqualTo("free: a run takes refs/releasekit-lease/0.57.0 on origin before"
        + " its first write");
    assertThat(leaseOf(done).message()).isEqualTo("not needed: no step writes, so a run takes no lease");
  }

  @Test
  void aRunGivenAWaitWaitsOnTheReleasesSleeperUntilTheOtherRunReleasesThenRuns() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    FakeTime time = new FakeTime(Instant.now());
    Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242, time.instant().plusSeconds(600), false);
    time.onSleep(count -> {
      if (count == 3) {
        Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242, time.instant(), true);
      }
    });

    Report report = preparation(fixture).clock(time).sleeper(time).waitForOtherRun(Duration.ofMinutes(5)).run();

    assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
    assertThat(time.sleeps()).hasSize(3);
    assertThat(Leases.current(fixture, VERSION)).contains("released by run " + report.runId());
  }

  @Test
  void aWaitThatEndsBeforeTheOtherRunDoesFailsWithTheLeaseError() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    FakeTime time = new FakeTime(Instant.now());
    Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242, time.instant().plusSeconds(600), false);
    Map<String, String> before = fixture.allOriginRefs();

    LeaseHeldException held = catchThrowableOfType(LeaseHeldException.class,
        preparation(fixture).clock(time).sleeper(time).waitForOtherRun(Duration.ofMinutes(2))::run);

    assertThat(held.getMessage()).contains("after waiting PT2M");
    assertThat(time.slept()).isEqualTo(Duration.ofMinutes(2));
    assertThat(fixture.allOriginRefs()).isEqualTo(before);
  }

  @Test
  void aKilledRunOnAnotherMachineHoldsTheLeaseUntilItExpiresOnTheClockThenTheNextRunTakesOverAndConverges()
      throws Exception {
    GitFixture reference = GitFixture.homeAssistant(temp.resolve("reference"));
    preparation(reference).run();
    GitFixture fixture = GitFixture.homeAssistant(temp.resolve("killed"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
        ChildRelease.class.getName(), fixture.workTree().toString(), fixture.origin().toString(), "2")
        .redirectErrorStream(true);
    // The child says it runs elsewhere, so its death cannot be proved by its process id: only expiry frees it.
    builder.environment().put("HOSTNAME", "runner-elsewhere");
    Process child = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("STEP 2 DONE")) {
        // the child's output before the park point is not interesting
      }
      assertThat(line).as("child reached step 2").isEqualTo("STEP 2 DONE");
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(Leases.current(fixture, VERSION)).contains("host: runner-elsewhere").contains("state: held");

    FakeTime soon = new FakeTime(Instant.now());
    LeaseHeldException held = catchThrowableOfType(LeaseHeldException.class,
        preparation(fixture).clock(soon).sleeper(soon)::run);
    assertThat(held.host()).isEqualTo("runner-elsewhere");

    FakeTime later = new FakeTime(held.expires().plusSeconds(1));
    Report rerun = preparation(fixture).clock(later).sleeper(later).run();

    assertThat(rerun.steps()).extracting(StepResult::outcome)
        .containsExactly(Outcome.ALREADY_DONE, Outcome.ALREADY_DONE, Outcome.DONE, Outcome.DONE);
    assertThat(fixture.contentState()).isEqualTo(reference.contentState());
    assertThat(preparation(fixture).plan().isNoOp()).isTrue();
  }

  @Test
  void theLeaseCostsTwoPushesForARunThatWritesAndNothingForAPlanOrARunWithNothingToDo() {
    GitFixture fixture = GitFixture.homeAssistant(temp);

    preparation(fixture).plan();
    assertThat(Leases.writes(fixture, VERSION)).as("a plan takes no lease").isZero();

    Report first = preparation(fixture).run();
    assertThat(Leases.writes(fixture, VERSION)).as("take and release").isEqualTo(2);
    assertThat(Leases.current(fixture, VERSION)).contains("released by run " + first.runId());

    Map<String, String> before = fixture.allOriginRefs();
    preparation(fixture).run();
    assertThat(fixture.allOriginRefs()).as("a no-op run writes neither lease nor journal").isEqualTo(before);
  }

  @Test
  void aRunWithoutRehearsalTakesTheLeaseAlsoWhenThereIsNothingToDo() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    preparation(fixture).run();

    preparation(fixture).withoutRehearsal().run();

    assertThat(Leases.writes(fixture, VERSION)).isEqualTo(4);
  }

  @Test
  void theRunsOwnLeaseIsHeldWhileItsStepsRun() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    String[] seen = new String[1];
    Step look = new Step() {
      @Override
      public String description() {
        return "look at the lease";
      }

      @Override
      public StepResult apply(StepContext context) {
        // The rehearsal calls this too, before any lease: the run's call comes last.
        seen[0] = Leases.tip(fixture, VERSION).isEmpty() ? "no lease" : Leases.current(fixture, VERSION);
        return StepResult.done("looked");
      }
    };

    Report report = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch().then(look)
        .run();

    assertThat(seen[0]).contains("held by run " + report.runId()).contains("pid: " + ProcessHandle.current().pid());
  }

  private static Step taking(GitFixture fixture, Duration duration, FakeTime time, Runnable meanwhile) {
    return new Step() {
      @Override
      public String description() {
        return "take " + duration;
      }

      @Override
      public StepResult apply(StepContext context) {
        if (!context.workspace().directory().equals(fixture.workTree())) {
          return StepResult.done("would take " + duration);
        }
        time.advance(duration);
        meanwhile.run();
        context.progress("still working");
        return StepResult.done("took " + duration);
      }
    };
  }

  @Test
  void aStepLongerThanHalfTheTermRenewsTheLeaseFromItsProgress() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    FakeTime time = new FakeTime(Instant.now());

    Report report = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).clock(time).sleeper(time)
        .then(taking(fixture, Duration.ofMinutes(6), time, () -> { })).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(Leases.writes(fixture, VERSION)).as("take, renew, release").isEqualTo(3);
  }

  @Test
  void aRunWhoseLeaseExpiredAndWasTakenOverStopsBeforeItsNextStep() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    FakeTime time = new FakeTime(Instant.now());
    Runnable anotherRunTakesOver = () -> Leases.forge(fixture, VERSION, "other-run", "ci-runner-7", 4242,
        time.instant().plusSeconds(600), false);
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).clock(time)
        .sleeper(time).withoutRehearsal().then(taking(fixture, Duration.ofMinutes(11), time, anotherRunTakesOver))
        .cutBranch();

    LeaseHeldException stopped = catchThrowableOfType(LeaseHeldException.class, release::run);

    assertThat(stopped.holder()).isEqualTo("other-run");
    assertThat(stopped.getMessage()).contains("expired").contains("took it over");
    assertThat(fixture.originRefs()).doesNotContainKey("refs/heads/release-0-57");
  }

  @Test
  void aRunThatFindsEveryStepDoneReleasesTheLeaseOfARunThatDiedAtItsEndAndTheNextWritesNothing() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    preparation(fixture).run();
    Map<String, String> content = fixture.originRefs();
    // A run on another machine that finished its steps and died before releasing the lease, long ago.
    Leases.forge(fixture, VERSION, "dead-run", "runner-elsewhere", 4242, Instant.now().minusSeconds(60), false);

    Report tidy = preparation(fixture).run();

    assertThat(tidy.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(Leases.current(fixture, VERSION)).contains("released by run " + tidy.runId());
    assertThat(fixture.originRefs()).isEqualTo(content);
    Map<String, String> before = fixture.allOriginRefs();
    preparation(fixture).run();
    assertThat(fixture.allOriginRefs()).as("nothing left to tidy").isEqualTo(before);
  }

  @Test
  void aRunThatFindsEveryStepDonePublishesTheJournalLinesADeadRunLeftInTheClone() throws Exception {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    preparation(fixture).run();
    String line = "{\"time\":\"2017-10-20T10:00:00Z\",\"run\":\"dead-run\",\"key\":\"run:dead-run\","
        + "\"state\":\"STARTED\",\"detail\":\"\"}";
    Path local = fixture.workTree().resolve(".git/releasekit/" + VERSION + ".jsonl");
    java.nio.file.Files.writeString(local, line + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    Report tidy = preparation(fixture).run();

    assertThat(tidy.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(dev.releasekit.testing.OriginState.journalLines(fixture.origin(), "refs/releasekit/" + VERSION))
        .contains(line);
    assertThat(Leases.current(fixture, VERSION)).contains("released by run " + tidy.runId());
  }
}
