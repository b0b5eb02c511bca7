package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.Report;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.website.testing.LeakGuard;
import org.junit.jupiter.api.Test;

/** The generic JSON webhook: an Idempotency-Key the receiver can deduplicate by. */
class JsonWebhookAnnouncerTest extends AnnouncerTestSupport {
  private static final String TEXT = "{version} released";

  @Test
  void aFreshReleaseSendsExactlyOnePostWithAnIdempotencyKey() {
    Report report = release(stub.json().build().announce(TEXT)).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(stub.writes()).hasSize(1);
    String key = stub.jsonPosts().get(0).getHeader("Idempotency-Key");
    assertThat(key).startsWith("releasekit-");
    assertThat(stub.jsonPosts().get(0).getBodyAsString()).isEqualTo("{\"text\":\"0.57.0 released\","
        + "\"idempotency_key\":\"" + key + "\"}");
  }

  @Test
  void aRerunSendsNothing() {
    release(stub.json().build().announce(TEXT)).run();
    stub.forgetRequests();

    assertThat(release(stub.json().build().announce(TEXT)).run().step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(stub.requests()).isZero();
  }

  @Test
  void aLostAnswerToAReceiverThatMayNotDeduplicateBlocksTheRerunWithNothingSent() {
    stub.jsonAnswerLost();
    LeakGuard.thrown(release(stub.json().build().announce(TEXT))::run);

    Throwable blocked = LeakGuard.thrown(release(stub.json().build().announce(TEXT))::run);

    assertThat(blocked).isInstanceOf(ConflictException.class).hasMessageContaining("may have happened")
        .hasMessageContaining(".confirm(\"announce webhook ops\")");
    assertThat(stub.jsonPosts()).hasSize(1);
  }

  @Test
  void aKeyTheReceiverHasSeenCountsAsAlreadyPerformed() {
    stub.jsonAnswerLost();
    LeakGuard.thrown(release(stub.json().receiverDeduplicates().build().announce(TEXT))::run);
    stub.jsonReceiverDeduplicates();
    stub.server().setScenarioState("keys", "seen");

    Report report = release(stub.json().receiverDeduplicates().build().announce(TEXT)).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(report.step(1).detail()).contains("already received: the receiver knew Idempotency-Key");
    String key = stub.jsonPosts().get(0).getHeader("Idempotency-Key");
    assertThat(stub.jsonPosts()).as("the second send carries the same key, which the receiver drops")
        .extracting(r -> r.getHeader("Idempotency-Key")).containsExactly(key, key);
  }

  @Test
  void aConflictThatIsNotAboutTheKeyIsARefusal() {
    stub.jsonFails(422, "{\"error\": \"text too long\"}");

    Throwable failed = LeakGuard.thrown(release(stub.json().build().announce(TEXT))::run);

    assertThat(failed).isInstanceOf(SideEffect.NotPerformedException.class).hasMessageContaining("HTTP 422")
        .hasMessageContaining("text too long");
  }
}
