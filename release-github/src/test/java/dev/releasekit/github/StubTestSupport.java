package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh stub per test; after each test every exchange must have fit GitHub's description. */
@ExtendWith(TokenLeakGuard.class)
abstract class StubTestSupport {
  GitHubStub stub;
  GitHub github;

  @BeforeEach
  void startStub() {
    stub = GitHubStub.start("home-assistant/core");
    github = stub.client().build();
  }

  @AfterEach
  void checkExchangesAndStop() {
    try {
      TokenLeakGuard.record(String.valueOf(github));
      assertThat(stub.validationErrors()).as("exchanges that do not fit GitHub's OpenAPI description").isEmpty();
      assertThat(stub.requests()).as("every request carried the token").allMatch(r -> r.authorized()
          || r.status() == 401);
    } finally {
      stub.close();
    }
  }
}
