package dev.releasekit.github.testing;

import dev.releasekit.testing.SecretLeakGuard;
import java.util.List;

/**
 * The step-author kit's {@link SecretLeakGuard} for the GitHub stub's token: a test fails when
 * {@link GitHubStub#TOKEN} shows up in anything it printed, threw or recorded.
 *
 * <pre>{@code
 * @ExtendWith(TokenLeakGuard.class)
 * class MyTest {
 *   @Test void badTokenIsRefused() {
 *     Throwable e = TokenLeakGuard.thrown(() -> github.labels());
 *     assertThat(e).isInstanceOf(AuthenticationException.class);
 *   }
 * }
 * }</pre>
 */
public final class TokenLeakGuard extends SecretLeakGuard {
  public TokenLeakGuard() {
    super(List.of(GitHubStub.TOKEN, GitHubStub.INSTALLATION_TOKEN));
  }
}
