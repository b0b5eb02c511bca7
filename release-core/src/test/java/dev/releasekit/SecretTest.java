package dev.releasekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of("ghp_abc123");
    assertThat(secret.toString()).doesNotContain("ghp_abc123").isEqualTo("Secret[****]");
  }

  @Test
  void redactRemovesEveryOccurrence() {
    Secret secret = Secret.of("tok");
    assertThat(secret.redact("a tok b tok")).isEqualTo("a **** b ****");
  }

  @Test
  void blankSecretIsRefusedWithAHint() {
    assertThatThrownBy(() -> Secret.of(" "))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("GITHUB_TOKEN");
  }
}
