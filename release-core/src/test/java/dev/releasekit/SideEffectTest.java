package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.testing.ChildEffect;
import dev.releasekit.testing.CountingEffectStep;
import dev.releasekit.testing.GitFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user-written step with an effect releasekit cannot observe: never in a plan, once across runs, safe after a kill. */
class SideEffectTest {
  @TempDir
  Path temp;
  GitFixture fixture;
  Path counter;

  @BeforeEach
  void setUp() {
    fixture = GitFixture.homeAssistant(temp.resolve("project"));
    counter = temp.resolve("ops.log");
  }

  private Release release(CountingEffectStep step) {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).cutBranch().then(step);
  }

  @Test
  void aPlanShowsTheEffectAsWouldDoAndPerformsNothing() {
    String before = fixture.fingerprint();

    Plan plan = release(new CountingEffectStep(counter)).plan();

    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.step(2).detail()).isEqualTo("append the release to ops.log");
    assertThat(plan.step(2).changes()).extracting(Change::kind).containsExactly(Change.Kind.EFFECT);
    assertThat(CountingEffectStep.count(counter)).isZero();
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void aRunPerformsItOnceAndARerunPerformsNothingAndWritesNothing() {
    Report report = release(new CountingEffectStep(counter)).run();
    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
    assertThat(report.step(2).detail()).contains("(line 1)");
    String after = fixture.fingerprint();

    Report again = release(new CountingEffectStep(counter)).run();

    assertThat(again.step(2).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(again.step(2).detail()).contains("done in an earlier run (line 1)");
    assertThat(CountingEffectStep.count(counter)).isEqualTo(1);
    assertThat(fixture.fingerprint()).isEqualTo(after);
    assertThat(release(new CountingEffectStep(counter)).plan().isNoOp()).isTrue();
  }

  @Test
  void theIntentIsOnOriginBeforeTheEffectAndTheCompletionAfterIt() {
    release(new CountingEffectStep(counter)).run();

    String journal = fixture.file("refs/releasekit/0.57.0", "journal.jsonl");
    assertThat(journal).containsSubsequence("\"key\":\"effect:tell ops\",\"state\":\"intent\"",
        "\"key\":\"effect:tell ops\",\"state\":\"done\",\"detail\":\"line 1\"");
  }

  private void killBetweenIntentAndCompletion() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
        ChildEffect.class.getName(), fixture.workTree().toString(), fixture.origin().toString(), counter.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("EFFECT PERFORMED")) {
        // the child's output before the effect is not interesting
      }
      assertThat(line).as("the child performed the effect").isEqualTo("EFFECT PERFORMED");
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(CountingEffectStep.count(counter)).isEqualTo(1);
  }

  @Test
  void afterAKillBetweenIntentAndCompletionTheRerunBlocksAndSaysWhatToCheckAndHowToResolve() throws Exception {
    killBetweenIntentAndCompletion();
    String before = fixture.fingerprint();

    Plan plan = release(new CountingEffectStep(counter)).plan();
    assertThat(plan.step(2).outcome()).as("the plan says what the run would").isEqualTo(Outcome.BLOCKED);

    assertThatThrownBy(() -> release(new CountingEffectStep(counter)).run())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("may have happened")
        .hasMessageContaining("Check the file " + counter)
        .hasMessageContaining(".confirm(\"tell ops\")")
        .hasMessageContaining(".resend(\"tell ops\")");
    assertThat(CountingEffectStep.count(counter)).as("never repeated blindly").isEqualTo(1);
    assertThat(fixture.fingerprint()).isEqualTo(before);
  }

  @Test
  void confirmRecordsTheEffectAsDoneWithoutRepeatingIt() throws Exception {
    killBetweenIntentAndCompletion();

    Report report = release(new CountingEffectStep(counter)).confirm(CountingEffectStep.KEY).run();

    assertThat(report.step(2).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(report.step(2).detail()).contains("confirmed as done");
    assertThat(CountingEffectStep.count(counter)).isEqualTo(1);
    assertThat(release(new CountingEffectStep(counter)).run().isNoOp()).as("the confirmation is journalled")
        .isTrue();
  }

  @Test
  void resendPerformsItAgainOnPurposeAndThenNeverAgain() throws Exception {
    killBetweenIntentAndCompletion();

    Report report = release(new CountingEffectStep(counter)).resend(CountingEffectStep.KEY).run();

    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
    assertThat(CountingEffectStep.count(counter)).isEqualTo(2);
    assertThat(release(new CountingEffectStep(counter)).resend(CountingEffectStep.KEY).run().isNoOp()).isTrue();
    assertThat(CountingEffectStep.count(counter)).isEqualTo(2);
  }

  @Test
  void anEffectThatCanBeCheckedIsRecordedAsDoneWhenTheCheckFindsIt() throws Exception {
    killBetweenIntentAndCompletion();

    Report report = release(new CountingEffectStep(counter).checkable()).run();

    assertThat(report.step(2).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(report.step(2).detail()).contains("an earlier run did it (found by checking the file");
    assertThat(CountingEffectStep.count(counter)).isEqualTo(1);
  }
}
