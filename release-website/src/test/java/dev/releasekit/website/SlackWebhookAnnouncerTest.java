package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.RemoteException;
import dev.releasekit.Report;
import dev.releasekit.Secret;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.website.testing.LeakGuard;
import dev.releasekit.website.testing.SlackStub;
import org.junit.jupiter.api.Test;

/** The incoming webhook: posts once, and after an ambiguous end it asks a person instead of posting again. */
class SlackWebhookAnnouncerTest extends AnnouncerTestSupport {
  private static final String TEXT = "Home Assistant {version} is out!";
  private static final String KEY = "announce slack webhook #releases";

  private SlackWebhook webhook() {
    return stub.webhook().clock(time).sleeper(time).build();
  }

  @Test
  void aFreshReleaseSendsExactlyOnePost() {
    Report report = release(webhook().announce(TEXT)).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(stub.writes()).hasSize(1);
    assertThat(stub.webhookPosts().get(0).getBodyAsString()).isEqualTo("{\"text\":\"Home Assistant 0.57.0 is out!\"}");
  }

  @Test
  void aRerunSendsNothing() {
    release(webhook().announce(TEXT)).run();
    stub.forgetRequests();

    assertThat(release(webhook().announce(TEXT)).run().step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(stub.requests()).isZero();
  }

  @Test
  void aLostAnswerFailsTheRunAndTheRerunBlocksAskingToConfirmOrResendWithNothingSent() {
    stub.webhookAnswerLost();

    Throwable lost = LeakGuard.thrown(release(webhook().announce(TEXT))::run);
    assertThat(lost).isInstanceOf(RemoteException.class).hasMessageContaining("may have been posted to #releases");
    Throwable blocked = LeakGuard.thrown(release(webhook().announce(TEXT))::run);

    assertThat(blocked).isInstanceOf(ConflictException.class).hasMessageContaining("may have happened")
        .hasMessageContaining("Check the channel #releases")
        .hasMessageContaining(".confirm(\"" + KEY + "\")").hasMessageContaining(".resend(\"" + KEY + "\")");
    assertThat(stub.webhookPosts()).hasSize(1);
  }

  @Test
  void confirmRecordsThePostWithoutSendingAndResendSendsOnPurpose() {
    stub.webhookAnswerLost();
    LeakGuard.thrown(release(webhook().announce(TEXT))::run);

    assertThat(release(webhook().announce(TEXT)).confirm(KEY).run().step(1).detail()).contains("confirmed");
    assertThat(stub.webhookPosts()).hasSize(1);
    assertThat(release(webhook().announce(TEXT)).run().isNoOp()).isTrue();
  }

  @Test
  void slacksPlainErrorsAreRefusalsThatSayWhatToDoAndLeaveNoOpenIntent() {
    stub.webhookFails(404, "no_service");

    Throwable failed = LeakGuard.thrown(release(webhook().announce(TEXT))::run);

    assertThat(failed).isInstanceOf(SideEffect.NotPerformedException.class).hasMessageContaining("no_service")
        .hasMessageContaining("removed or revoked");
    stub.webhookFails(200, "ok");
    assertThat(release(webhook().announce(TEXT)).run().step(1).outcome()).isEqualTo(Outcome.DONE);
  }

  @Test
  void aWebhookUrlThatIsNotHttpsIsRefusedUnlessItIsLoopback() {
    Throwable refused = LeakGuard.thrown(() -> SlackWebhook.builder()
        .url(Secret.of("http://hooks.slack.com/services/" + SlackStub.HOOK_SECRET)).build());

    assertThat(refused).isInstanceOf(PreconditionException.class).hasMessageContaining("does not use HTTPS");
    assertThat(SlackWebhook.builder().url(stub.webhookUrl()).build().name()).isEqualTo("slack webhook"
        + " (webhook channel)");
    assertThat(SlackWebhook.builder().url(Secret.of("https://hooks.slack.com/services/" + SlackStub.HOOK_SECRET))
        .channel("#releases").build().toString()).doesNotContain(SlackStub.HOOK_SECRET);
  }
}
