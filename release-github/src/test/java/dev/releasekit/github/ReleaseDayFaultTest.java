package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Outcome;
import dev.releasekit.Report;
import dev.releasekit.StepResult;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Fault;
import dev.releasekit.github.testing.GitHubStub.Recorded;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's real release-day steps (cherry-pick the milestone, release notes, merge the pull request, publish the
 * release, close the milestone, start the next development) run by the engine on the GitHub stub, with one fault
 * injected at every position of the requests release day sends (the rehearsal's and the run's), one position per
 * run. A read gets a 502 or a reset before it is answered; a write gets a 502 or a reset after it took effect, the
 * answer lost, which is what write-once must survive (the same faults before the effect are pinned per resource in
 * {@code GitHubResilienceTest}). Each run completes, reaches the end state of a run without faults, applies no POST
 * twice, and a re-run writes nothing. One run costs a whole Home Assistant release day on real git, so each
 * position gets one fault rather than all four.
 */
@ExtendWith(TokenLeakGuard.class)
class ReleaseDayFaultTest {
  @TempDir
  Path temp;

  /** One fresh scenario on a fresh stub; the stub's log starts at release day. */
  private record Run(ReleaseDayScenario scenario, GitHubStub stub, int start) implements AutoCloseable {
    static Run fresh(Path directory) {
      GitFixture fixture = GitFixture.homeAssistant(directory);
      GitHubStub stub = GitHubStub.start("home-assistant/core",
          new FakeTime(ReleaseDayScenario.T0.plusSeconds(7200))).withOrigin(fixture.origin());
      ReleaseDayScenario scenario = ReleaseDayScenario.on(fixture, stub.client().build(), stub.seeding())
          .deferUnmerged();
      return new Run(scenario, stub, stub.requests().size());
    }

    Report releaseDay() {
      return scenario.releaseDay().run();
    }

    List<Recorded> releaseDayRequests() {
      List<Recorded> all = stub.requests();
      return all.subList(start, all.size());
    }

    /** What a run leaves behind on GitHub and on origin, independent of commit timestamps. */
    String endState() {
      StringBuilder state = new StringBuilder();
      stub.pulls().forEach(p -> state.append('#').append(p.number).append(' ').append(p.state)
          .append(p.merged() ? " merged" : "").append(' ').append(p.labels).append('\n'));
      stub.releases().forEach(r -> state.append("release ").append(r.tag).append(r.draft ? " draft " : " published ")
          .append(r.body.replace(stub.baseUrl(), "STUB").hashCode()).append('\n'));
      state.append("milestone ").append(stub.milestoneNamed("0.57").orElseThrow().state).append('\n');
      state.append("labels ").append(new TreeSet<>(stub.labelNames())).append('\n');
      scenario.fixture().contentState().forEach((ref, content) -> state.append(ref).append(' ').append(content)
          .append('\n'));
      return state.toString();
    }

    /** POSTs the stub applied during release day, per path: a fault before the effect does not count. */
    Map<String, Long> appliedPosts() {
      return releaseDayRequests().stream()
          .filter(r -> r.method().equals("POST") && r.isWrite())
          .filter(r -> r.fault() == null ? r.status() < 300
              : r.fault() == Fault.BAD_GATEWAY_AFTER_EFFECT || r.fault() == Fault.RESET_AFTER_EFFECT)
          .collect(Collectors.groupingBy(Recorded::path, TreeMap::new, Collectors.counting()));
    }

    @Override
    public void close() {
      stub.close();
    }
  }

  private record Baseline(String endState, List<Recorded> requests) {}

  private static Baseline baseline(Path directory) {
    try (Run run = Run.fresh(directory)) {
      Report report = run.releaseDay();
      assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
      assertThat(run.stub().validationErrors()).isEmpty();
      return new Baseline(run.endState(), List.copyOf(run.releaseDayRequests()));
    }
  }

  @Test
  void anUninterruptedReleaseDaySendsTheStepsRequestsInOrder() {
    Baseline baseline = baseline(temp);

    List<String> sequence = baseline.requests().stream()
        .map(r -> r.method() + " " + r.path().replaceAll("/[0-9.]+(?=/|$)", "/N")).toList();
    assertThat(sequence).containsSubsequence(
        "GET /repos/home-assistant/core/milestones",
        "GET /repos/home-assistant/core/issues",
        "POST /graphql",
        "POST /repos/home-assistant/core/issues/N/labels",
        "PUT /repos/home-assistant/core/pulls/N/merge",
        "POST /repos/home-assistant/core/releases",
        "PATCH /repos/home-assistant/core/releases/N",
        "PATCH /repos/home-assistant/core/milestones/N");
    assertThat(baseline.endState()).contains("release 0.57 published").contains("milestone closed")
        .contains("#1 closed merged");
  }

  @TestFactory
  Stream<DynamicTest> everyRequestPositionOfTheRealStepsSurvivesAFault() {
    Baseline baseline = baseline(temp.resolve("baseline"));
    List<DynamicTest> tests = new ArrayList<>();
    int writes = 0;
    for (int position = 0; position < baseline.requests().size(); position++) {
      Recorded request = baseline.requests().get(position);
      Fault fault = request.isWrite()
          ? (writes++ % 2 == 0 ? Fault.BAD_GATEWAY_AFTER_EFFECT : Fault.RESET_AFTER_EFFECT)
          : (position % 2 == 0 ? Fault.BAD_GATEWAY : Fault.RESET);
      int at = position;
      String name = fault + " at request " + at + " (" + request.method() + " " + request.path() + ")";
      tests.add(DynamicTest.dynamicTest(name, () -> runWithFault(baseline, fault, at,
          temp.resolve("run-" + at + "-" + fault))));
    }
    return tests.stream();
  }

  private static void runWithFault(Baseline baseline, Fault fault, int position, Path directory) {
    try (Run run = Run.fresh(directory)) {
      run.stub().faultAt(run.start() + position, fault);

      Report report = run.releaseDay();

      assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(Outcome.DONE);
      assertThat(run.releaseDayRequests().get(position).fault()).isEqualTo(fault);
      assertThat(run.endState()).isEqualTo(baseline.endState());
      assertThat(run.appliedPosts()).as("POSTs that took effect, per path").allSatisfy((path, count) ->
          assertThat(count).as(path).isEqualTo(1));
      assertThat(run.stub().creations()).containsEntry("release", 1);
      assertThat(run.stub().silentlyCreatedLabels()).isEmpty();
      assertThat(run.stub().validationErrors()).isEmpty();

      // a re-run after the faulty run finds everything done and writes nothing
      int before = run.stub().requests().size();
      Report again = run.releaseDay();
      assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
      assertThat(run.stub().requests().subList(before, run.stub().requests().size())).noneMatch(Recorded::isWrite);
    } finally {
      delete(directory);
    }
  }

  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
