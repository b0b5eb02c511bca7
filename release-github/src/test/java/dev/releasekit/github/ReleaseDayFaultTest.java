package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Fault;
import dev.releasekit.github.testing.GitHubStub.Recorded;
import dev.releasekit.github.testing.ReleaseDay;
import dev.releasekit.github.testing.TokenLeakGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release day's hosting sequence (find milestone, list items, batch PR read, add labels, get or create the
 * release, publish, close the milestone, merge the release PR) with one fault injected at every request position,
 * one position per run: each run completes, reaches the same end state as a run without faults, and no POST takes
 * effect twice.
 */
@ExtendWith(TokenLeakGuard.class)
class ReleaseDayFaultTest {
  private static final int MERGED = 10;

  private static int seed(GitHubStub stub) {
    stub.label("cherry-picked", "new-platform");
    stub.milestone("0.57");
    for (int i = 0; i < MERGED; i++) {
      stub.pull("Fix number " + i).author("dev" + i).milestone("0.57").mergedAs("merge" + i).create();
    }
    stub.pull("Still open").milestone("0.57").create();
    stub.issue("A bug report").milestone("0.57").closed().create();
    return stub.pull("0.57").head("release-0-57").base("master").create();
  }

  /** What a run leaves behind, compared between runs. */
  private static String endState(GitHubStub stub) {
    StringBuilder state = new StringBuilder();
    stub.pulls().forEach(p -> state.append('#').append(p.number).append(' ').append(p.state)
        .append(p.merged() ? " merged" : "").append(' ').append(p.labels).append('\n'));
    stub.releases().forEach(r -> state.append("release ").append(r.tag).append(r.draft ? " draft " : " published ")
        .append(r.body.hashCode()).append('\n'));
    state.append("milestone ").append(stub.milestoneNamed("0.57").orElseThrow().state).append('\n');
    state.append("labels ").append(new java.util.TreeSet<>(stub.labelNames()));
    return state.toString();
  }

  /** POSTs the stub applied, per path: a fault before the effect does not count, one after it does. */
  private static Map<String, Long> appliedPosts(GitHubStub stub) {
    return stub.requests().stream()
        .filter(r -> r.method().equals("POST") && r.isWrite())
        .filter(r -> r.fault() == null ? r.status() < 300
            : r.fault() == Fault.BAD_GATEWAY_AFTER_EFFECT || r.fault() == Fault.RESET_AFTER_EFFECT)
        .collect(Collectors.groupingBy(Recorded::path, TreeMap::new, Collectors.counting()));
  }

  private static Baseline baseline() {
    try (GitHubStub stub = GitHubStub.start("home-assistant/core")) {
      int release = seed(stub);
      ReleaseDay.run(stub.client().build(), "0.57", "0.57", release, "cherry-picked");
      assertThat(stub.validationErrors()).isEmpty();
      return new Baseline(stub.requests().size(), endState(stub),
          stub.requests().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList()));
    }
  }

  private record Baseline(int requests, String endState, List<String> sequence) {}

  @Test
  void anUninterruptedRunSendsTheExpectedSequence() {
    Baseline baseline = baseline();

    assertThat(baseline.sequence()).startsWith(
        "GET /repos/home-assistant/core/milestones",
        "GET /repos/home-assistant/core/issues",
        "POST /graphql",
        "GET /repos/home-assistant/core/labels");
    assertThat(baseline.sequence().stream().filter(s -> s.endsWith("/labels") && s.startsWith("POST")))
        .hasSize(MERGED);
    assertThat(baseline.sequence().stream().map(s -> s.replaceAll("/[0-9.]+(?=/|$)", "/N"))).containsSubsequence(
        "GET /repos/home-assistant/core/releases/tags/N",
        "GET /repos/home-assistant/core/releases",
        "POST /repos/home-assistant/core/releases",
        "PATCH /repos/home-assistant/core/releases/N",
        "PATCH /repos/home-assistant/core/milestones/N",
        "GET /repos/home-assistant/core/pulls/N",
        "PUT /repos/home-assistant/core/pulls/N/merge");
    assertThat(baseline.endState()).contains("release 0.57 published").contains("milestone closed")
        .contains("#13 closed merged");
  }

  @TestFactory
  Stream<DynamicTest> everyRequestPositionSurvivesEachFault() {
    Baseline baseline = baseline();
    List<DynamicTest> tests = new ArrayList<>();
    for (Fault fault : List.of(Fault.BAD_GATEWAY, Fault.RESET, Fault.BAD_GATEWAY_AFTER_EFFECT,
        Fault.RESET_AFTER_EFFECT)) {
      for (int position = 0; position < baseline.requests(); position++) {
        int at = position;
        tests.add(DynamicTest.dynamicTest(fault + " at request " + at + " (" + baseline.sequence().get(at) + ")",
            () -> runWithFault(baseline, fault, at)));
      }
    }
    return tests.stream();
  }

  private static void runWithFault(Baseline baseline, Fault fault, int position) {
    try (GitHubStub stub = GitHubStub.start("home-assistant/core")) {
      int release = seed(stub);
      stub.faultAt(position, fault);

      ReleaseDay.run(stub.client().build(), "0.57", "0.57", release, "cherry-picked");

      assertThat(stub.requests().get(position).fault()).isEqualTo(fault);
      assertThat(endState(stub)).isEqualTo(baseline.endState());
      assertThat(appliedPosts(stub)).as("POSTs that took effect, per path").allSatisfy((path, count) ->
          assertThat(count).as(path).isEqualTo(1));
      assertThat(stub.creations()).containsEntry("release", 1).doesNotContainKey("pull");
      assertThat(stub.silentlyCreatedLabels()).isEmpty();
      assertThat(stub.validationErrors()).isEmpty();

      // a re-run after the faulty run finds everything done and writes nothing
      int before = stub.requests().size();
      ReleaseDay.run(stub.client().build(), "0.57", "0.57", release, "cherry-picked");
      assertThat(stub.requests().subList(before, stub.requests().size())).noneMatch(Recorded::isWrite);
    }
  }
}
