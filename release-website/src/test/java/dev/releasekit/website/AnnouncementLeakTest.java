package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Release;
import dev.releasekit.Secret;
import dev.releasekit.website.testing.LeakGuard;
import dev.releasekit.website.testing.SlackStub;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot token and the webhook URLs go on the wire and nowhere else: not in output, exception messages, names,
 * toStrings, plans, reports or the journal on origin, across every failure mode. {@link LeakGuard} checks what
 * each test printed and met; these tests make sure it sees something.
 */
class AnnouncementLeakTest extends AnnouncerTestSupport {
  private static final String TEXT = "{version} is out";

  private Release all() {
    return release(stub.slack().clock(time).sleeper(time).build().announce(TEXT)).then(stub.webhook().build().announce(TEXT))
        .then(stub.json().build().announce(TEXT));
  }

  @Test
  void noFailureModeQuotesTheTokenOrTheWebhookUrl() {
    stub.postFails("invalid_auth");
    LeakGuard.thrown(all()::run);
    stub.postFails("channel_not_found");
    LeakGuard.thrown(all()::run);
    stub.postAnswerLost();
    stub.historyFails("ratelimited");
    LeakGuard.thrown(all()::run);
    LeakGuard.thrown(all()::run);
    stub.webhookFails(403, "action_prohibited " + SlackStub.HOOK_SECRET);
    LeakGuard.thrown(release(stub.webhook().build().announce(TEXT))::run);
    stub.webhookAnswerLost();
    LeakGuard.thrown(release(stub.webhook().channel("#other").build().announce(TEXT))::run);
    stub.jsonFails(500, "boom");
    LeakGuard.thrown(release(stub.json().build().announce(TEXT))::run);
    LeakGuard.thrown(() -> stub.json().url(Secret.of("ftp://example.com/" + SlackStub.HOOK_SECRET)).build());
    LeakGuard.thrown(() -> stub.webhook().url(Secret.of("http://10.0.0.1/" + SlackStub.HOOK_SECRET)).build());
    LeakGuard.record(all().plan().toJson());
    LeakGuard.record(journal());

    assertThat(LeakGuard.captured()).contains("invalid_auth").contains("channel_not_found")
        .contains("may have happened").contains("action_prohibited T0HASS/****/****").contains("does not use HTTPS")
        .contains("\"state\":\"intent\"").doesNotContain(SlackStub.TOKEN).doesNotContain(SlackStub.HOOK_SECRET);
  }

  @Test
  void namesAndToStringsShowNoSecret() {
    String shown = stub.slack().build() + stub.slack().build().name() + stub.webhook().build()
        + stub.webhook().build().name() + stub.json().build() + stub.json().build().name();

    assertThat(shown).doesNotContain(SlackStub.TOKEN).doesNotContain(SlackStub.HOOK_SECRET).contains("****");
  }

  @Test
  void everyAnnouncersCredentialIsAmongTheSecretsAMaskingLogRegistersFirst() {
    List<Secret> secrets = all().secrets();

    assertThat(secrets).containsExactlyInAnyOrder(Secret.of(SlackStub.TOKEN), stub.webhookUrl(), stub.jsonUrl());
  }
}
