package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waits go through the release's one clock and sleeper; a plan never sleeps. */
class VirtualTimeTest {
  @TempDir
  Path temp;

  /** A gate on something outside git: it waits until {@code ready} is set. */
  private static Step gate(AtomicBoolean ready, AtomicInteger probes) {
    return new Step() {
      @Override
      public String description() {
        return "wait for the build";
      }

      @Override
      public StepResult apply(StepContext context) {
        Instant deadline = context.clock().instant().plus(Duration.ofHours(2));
        String found = context.await("the build of 0.57", deadline, Duration.ofSeconds(15), () -> {
          probes.incrementAndGet();
          return ready.get() ? Optional.of("built") : Optional.empty();
        });
        return StepResult.alreadyDone("the build is " + found);
      }
    };
  }

  @Test
  void aPlanWhoseGateWouldWaitSaysForWhatAndHowLongAndNeverSleeps() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    FakeTime time = FakeTime.at("2026-11-21T10:00:00Z");
    AtomicInteger probes = new AtomicInteger();

    Plan plan = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).clock(time).sleeper(time)
        .then(gate(new AtomicBoolean(), probes)).cutBranch().plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.step(1).detail()).isEqualTo("would wait up to 2h for the build of 0.57 (not there yet)");
    assertThat(plan.step(2).outcome()).as("the plan goes on").isEqualTo(Outcome.WOULD_DO);
    assertThat(time.sleeps()).isEmpty();
    assertThat(probes).hasValue(1);
  }

  @Test
  void aRunWaitsOnTheReleasesSleeperUntilTheGateOpens() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    AtomicBoolean ready = new AtomicBoolean();
    FakeTime time = FakeTime.at("2026-11-21T10:00:00Z").onSleep(count -> ready.set(count == 2));

    Report report = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).clock(time).sleeper(time)
        .then(gate(ready, new AtomicInteger())).cutBranch().run();

    assertThat(report.step(1).detail()).isEqualTo("the build is built");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30));
    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
  }

  @Test
  void aFixedClockWithACountingSleeperStillReachesTheDeadline() {
    GitFixture fixture = GitFixture.homeAssistant(temp);
    AtomicInteger sleeps = new AtomicInteger();
    Release release = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .clock(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC))
        .sleeper(duration -> sleeps.incrementAndGet())
        .then(gate(new AtomicBoolean(), new AtomicInteger())).withoutRehearsal();

    assertThatThrownBy(release::run).isInstanceOf(PreconditionException.class)
        .hasMessageContaining("the build of 0.57 did not appear by 2026-11-21T12:00:00Z");
    assertThat(sleeps.get()).as("15s, 30s, 119 times 60s, then the last 15s").isEqualTo(1 + 1 + 119 + 1);
  }
}
