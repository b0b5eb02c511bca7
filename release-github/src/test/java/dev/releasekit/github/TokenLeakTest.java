package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Secret;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.GitHubStub.Fault;
import dev.releasekit.github.testing.TokenLeakGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token goes on the wire and nowhere else. {@link TokenLeakGuard} (on every GitHub test class) captures all
 * log output at trace level and every exception; these tests make sure that capture really sees the client's
 * logging and its failures, so the guard's silence means something.
 */
class TokenLeakTest extends StubTestSupport {

  @Test
  void theClientLogsEveryRequestAndTheCaptureSeesItWithoutTheToken() {
    stub.label("cherry-picked");
    int pull = stub.pull("Fix").create();
    stub.faultAt(1, Fault.BAD_GATEWAY);

    github.addLabels(pull, List.of("cherry-picked"));
    github.labels();

    String captured = TokenLeakGuard.captured();
    assertThat(captured).contains("GET /repos/home-assistant/core/labels -> 200")
        .contains("POST /repos/home-assistant/core/issues/" + pull + "/labels")
        .contains("reading the state back")
        .doesNotContain(GitHubStub.TOKEN);
    assertThat(stub.requests()).allMatch(GitHubStub.Recorded::authorized);
  }

  @Test
  void noExceptionOfAFailedRunQuotesTheToken() {
    stub.echoCredentialsInErrors();
    for (int i = 0; i < 4; i++) {
      stub.faultAt(i, Fault.RESET);
    }
    Throwable reset = TokenLeakGuard.thrown(github::labels);
    GitHub wrong = stub.client().token(Secret.of(GitHubStub.TOKEN + "x")).build();
    Throwable unauthorized = TokenLeakGuard.thrown(wrong::labels);

    assertThat(reset.getMessage()).doesNotContain(GitHubStub.TOKEN).contains("No answer");
    assertThat(unauthorized.getMessage()).doesNotContain(GitHubStub.TOKEN).contains("****");
    assertThat(TokenLeakGuard.captured()).contains("AuthenticationException");
  }

  @Test
  void toStringsShowNoToken() {
    assertThat(github.toString()).doesNotContain(GitHubStub.TOKEN);
    assertThat(github.readOnly().toString()).doesNotContain(GitHubStub.TOKEN);
    assertThat(github.requestCount().toString()).doesNotContain(GitHubStub.TOKEN);
    assertThat(Secret.of(GitHubStub.TOKEN).toString()).doesNotContain(GitHubStub.TOKEN);
  }
}
