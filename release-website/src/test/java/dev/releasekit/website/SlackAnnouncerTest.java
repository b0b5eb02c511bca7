package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.Report;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.website.testing.Json;
import dev.releasekit.website.testing.LeakGuard;
import dev.releasekit.website.testing.SlackStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Slack bot: one post per release, found again by its nonce after a lost answer or a crash. */
class SlackAnnouncerTest extends AnnouncerTestSupport {
  private static final String TEXT = "Home Assistant {version} is out!";

  private Slack slack() {
    return stub.slack().clock(time).sleeper(time).build();
  }

  @Test
  void aFreshReleaseSendsExactlyOnePostWithTheNonceInItsMetadata() {
    Report report = release(slack().announce(TEXT)).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(stub.writes()).hasSize(1);
    assertThat(stub.requests()).as("a fresh post needs no history read").isEqualTo(1);
    Json.Tree body = Json.tree(stub.posts().get(0).getBodyAsString());
    assertThat(body.string("channel")).isEqualTo(SlackStub.CHANNEL);
    assertThat(body.string("text")).isEqualTo("Home Assistant 0.57.0 is out!");
    assertThat(body.tree("metadata").string("event_type")).isEqualTo("releasekit_announcement");
    assertThat(body.tree("metadata").tree("event_payload").string("nonce")).startsWith("releasekit-");
    assertThat(stub.posts().get(0).getHeader("Authorization")).isEqualTo("Bearer " + SlackStub.TOKEN);
    assertThat(report.step(1).detail()).contains("ts 1509800000.000100 in C0RELEASES");
  }

  @Test
  void aRerunSendsNothingAndReadsNothing() {
    release(slack().announce(TEXT)).run();
    stub.forgetRequests();

    Report again = release(slack().announce(TEXT)).run();

    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(again.step(1).detail()).contains("done in an earlier run");
    assertThat(stub.requests()).isZero();
  }

  @Test
  void anOpenIntentWithAnUnreadableHistoryBlocksSayingWhatToCheckAndSendsNothing() {
    stub.postAnswerLost();
    stub.historyFails("missing_scope");
    LeakGuard.thrown(release(slack().announce(TEXT))::run);
    assertThat(stub.posts()).hasSize(1);

    Throwable blocked = LeakGuard.thrown(release(slack().announce(TEXT))::run);

    assertThat(blocked).isInstanceOf(ConflictException.class)
        .hasMessageContaining("channels:history scope")
        .hasMessageContaining("may have happened")
        .hasMessageContaining(".confirm(\"announce slack C0RELEASES\")")
        .hasMessageContaining(".resend(\"announce slack C0RELEASES\")");
    assertThat(stub.posts()).as("nothing sent while blocked").hasSize(1);
  }

  @Test
  void aLostAnswerIsFoundInTheHistoryAndNotPostedAgain() {
    stub.postAnswerLost();

    Report report = release(slack().announce(TEXT)).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(report.step(1).detail()).contains("found in the history of C0RELEASES");
    assertThat(stub.posts()).hasSize(1);
    assertThat(stub.historyReads()).isEqualTo(1);
    assertThat(release(slack().announce(TEXT)).run().step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(stub.posts()).hasSize(1);
  }

  @Test
  void aRateLimitIsWaitedOutOnTheInjectedClockWithinTheBudget() {
    stub.postRateLimited(2, 30);

    Report report = release(slack().announce(TEXT)).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(stub.posts()).hasSize(3);
  }

  @Test
  void aRateLimitBeyondTheBudgetPostsNothingAndTheRerunPostsOnce() {
    stub.postRateLimited(1, 600);

    Throwable failed = LeakGuard.thrown(release(slack().announce(TEXT))::run);

    assertThat(failed).isInstanceOf(SideEffect.NotPerformedException.class)
        .hasMessageContaining("Retry-After 600s").hasMessageContaining("Nothing was posted");
    assertThat(time.sleeps()).isEmpty();
    assertThat(release(slack().announce(TEXT)).run().step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(stub.posts()).hasSize(2);
    assertThat(stub.historyReads()).as("a refusal leaves no open intent").isZero();
  }

  @Test
  void aChannelThatDoesNotExistIsRefusedWithWhatToDo() {
    stub.postFails("channel_not_found");

    Throwable failed = LeakGuard.thrown(release(slack().toBuilder().channel("C0NOSUCH").build().announce(TEXT))::run);

    assertThat(failed).isInstanceOf(SideEffect.NotPerformedException.class)
        .hasMessageContaining("channel_not_found").hasMessageContaining("Check the channel ID")
        .hasMessageContaining("nothing was posted");
  }

  @Test
  void aRevokedTokenIsRefusedWithoutQuotingIt() {
    stub.postFails("token_revoked");

    Throwable failed = LeakGuard.thrown(release(slack().announce(TEXT))::run);

    assertThat(failed).isInstanceOf(SideEffect.NotPerformedException.class)
        .hasMessageContaining("token_revoked").hasMessageContaining("bot token")
        .hasMessageNotContaining(SlackStub.TOKEN);
  }
}
