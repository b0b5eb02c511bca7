package dev.releasekit.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.PushRefusedException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Origin's words, as JGit, git's receive-pack and GitHub send them, read as the reason of a refusal. */
class PushMessagesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "failed to lock | LOCKED",
      "failed to update ref; error: cannot lock ref 'refs/heads/dev': Unable to create '/srv/core.git/refs/heads/dev.lock': File exists. | LOCKED",
      "pre-receive hook declined; policy: releases are frozen today | HOOK",
      "GH006: Protected branch update failed for refs/heads/master. | HOOK",
      "Permission to home-assistant/core.git denied to release-bot. | PERMISSION",
      "refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope | PERMISSION",
      "funny refname | OTHER",
  })
  void eachRefusalIsReadAsItsReason(String said, Reason reason) {
    assertThat(Push.Messages.reason(said)).isEqualTo(reason);
  }
}
