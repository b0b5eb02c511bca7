package dev.releasekit.website.testing;

import dev.releasekit.testing.SecretLeakGuard;
import java.util.List;

/**
 * The step-author kit's {@link SecretLeakGuard} for the Slack stub's secrets: the bot token and the secret part of
 * the webhook URL (the URL is the credential).
 *
 * <pre>{@code
 * @ExtendWith(LeakGuard.class)
 * class MyTest {
 *   @Test void aRevokedTokenIsRefused() {
 *     assertThat(LeakGuard.thrown(release::run)).hasMessageContaining("token_revoked");
 *   }
 * }
 * }</pre>
 */
public final class LeakGuard extends SecretLeakGuard {
  public LeakGuard() {
    super(List.of(SlackStub.TOKEN, SlackStub.HOOK_SECRET));
  }
}
