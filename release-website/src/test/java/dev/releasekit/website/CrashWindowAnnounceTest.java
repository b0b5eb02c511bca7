package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.Report;
import dev.releasekit.website.testing.ChildAnnounce;
import dev.releasekit.website.testing.LeakGuard;
import org.junit.jupiter.api.Test;

/**
 * A child JVM killed with SIGKILL after the intent is on origin and before the POST, or after the POST and before
 * the completion; the re-run then behaves as each announcer promises, with no duplicate post on the stub.
 */
class CrashWindowAnnounceTest extends AnnouncerTestSupport {

  private Report rerun(String kind) {
    return release(ChildAnnounce.step(kind, stub.server().port(), null)).run();
  }

  @Test
  void slackKilledBeforeThePostFindsNothingInTheHistoryAndPostsOnce() throws Exception {
    killAt("slack", "before");
    assertThat(journal()).contains("\"state\":\"intent\"");
    assertThat(stub.posts()).isEmpty();

    Report report = rerun("slack");

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(stub.posts()).hasSize(1);
  }

  @Test
  void slackKilledAfterThePostFindsItInTheHistoryAndPostsNothing() throws Exception {
    killAt("slack", "after");
    assertThat(stub.posts()).hasSize(1);

    Report report = rerun("slack");

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(report.step(1).detail()).contains("found by checking the channel C0RELEASES");
    assertThat(stub.posts()).as("no duplicate post").hasSize(1);
  }

  @Test
  void theWebhookKilledBeforeThePostBlocksAndResendPostsOnce() throws Exception {
    killAt("webhook", "before");
    assertThat(stub.webhookPosts()).isEmpty();

    Throwable blocked = LeakGuard.thrown(() -> rerun("webhook"));
    assertThat(blocked).isInstanceOf(ConflictException.class).hasMessageContaining("may have happened");
    assertThat(stub.webhookPosts()).isEmpty();

    release(ChildAnnounce.step("webhook", stub.server().port(), null)).resend("announce slack webhook #releases")
        .run();
    assertThat(stub.webhookPosts()).hasSize(1);
  }

  @Test
  void theWebhookKilledAfterThePostBlocksAndConfirmPostsNothing() throws Exception {
    killAt("webhook", "after");
    assertThat(stub.webhookPosts()).hasSize(1);

    Throwable blocked = LeakGuard.thrown(() -> rerun("webhook"));
    assertThat(blocked).isInstanceOf(ConflictException.class).hasMessageContaining("may have happened")
        .hasMessageContaining("confirm").hasMessageContaining("resend");

    release(ChildAnnounce.step("webhook", stub.server().port(), null)).confirm("announce slack webhook #releases")
        .run();
    assertThat(stub.webhookPosts()).as("no duplicate post").hasSize(1);
  }

  @Test
  void theJsonWebhookKilledAfterThePostResendsTheSameKeyWhichTheReceiverDrops() throws Exception {
    stub.jsonReceiverDeduplicates();
    killAt("json", "after");

    Report report = rerun("json");

    assertThat(report.step(1).detail()).contains("already received");
    String key = stub.jsonPosts().get(0).getHeader("Idempotency-Key");
    assertThat(stub.jsonPosts()).extracting(r -> r.getHeader("Idempotency-Key")).containsExactly(key, key);
  }

  @Test
  void theJsonWebhookKilledBeforeThePostSendsOnceOnTheRerun() throws Exception {
    stub.jsonReceiverDeduplicates();
    killAt("json", "before");
    assertThat(stub.jsonPosts()).isEmpty();

    assertThat(rerun("json").step(1).detail()).contains("HTTP 202");
    assertThat(stub.jsonPosts()).hasSize(1);
  }
}
