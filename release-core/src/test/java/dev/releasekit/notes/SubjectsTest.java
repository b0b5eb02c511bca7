package dev.releasekit.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.notes.internal.GitHubEmails;
import dev.releasekit.notes.internal.Subjects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectsTest {

  @Test
  void lastPullRequestNumberWinsAndIsCutFromTheTitle() {
    assertThat(Subjects.numbered("Fix MQTT discovery (#9998) (#10004)"))
        .contains(new Subjects.Numbered(10004, "Fix MQTT discovery (#9998)", false));
    assertThat(Subjects.numbered("Fix (#12) in the middle"))
        .contains(new Subjects.Numbered(12, "Fix in the middle", false));
    assertThat(Subjects.numbered("Overflow (#12345678901)")).isEmpty();
  }

  @Test
  void gitHubsMergeCommitSubjectNamesItsPullRequest() {
    assertThat(Subjects.numbered("Merge pull request #10004 from owner/branch"))
        .contains(new Subjects.Numbered(10004, "", true));
    assertThat(Subjects.numbered("Merge branch 'master' into release-1.31.0")).isEmpty();
    assertThat(Subjects.numbered("Merge pull request from nowhere")).isEmpty();
  }

  @Test
  void onlyABreakingChangeFooterLineCountsAsOne() {
    assertThat(Subjects.mentionsBreakingChange("feat: x\n\nBREAKING CHANGE: drops GET\n")).isTrue();
    assertThat(Subjects.mentionsBreakingChange("feat: x\n\nBREAKING-CHANGE: drops GET\n")).isTrue();
    assertThat(Subjects.mentionsBreakingChange("Detect BREAKING CHANGE footers\n")).isFalse();
    assertThat(Subjects.mentionsBreakingChange("fix: x\n\nNot a BREAKING CHANGE: here\n")).isFalse();
  }

  @Test
  void conventionalSubjectsAreParsedAndCapitalisedPrefixesAreNot() {
    Subjects.Conventional c = Subjects.conventional("feat(api)!: Split endpoint").orElseThrow();
    assertThat(c.type()).isEqualTo("feat");
    assertThat(c.scope()).contains("api");
    assertThat(c.description()).isEqualTo("Split endpoint");
    assertThat(c.marker()).isEqualTo(Subjects.Marker.BREAKING);
    assertThat(Subjects.conventional("Tibber: fix login")).isEmpty();
    assertThat(Subjects.conventional("Revert \"feat: x\"")).isEmpty();
  }

  @Test
  void noreplyEmailsGiveTheLoginInBothForms() {
    assertThat(GitHubEmails.login("1234567+syssi@users.noreply.github.com")).contains("syssi");
    assertThat(GitHubEmails.login("sonosfan@users.noreply.github.com")).contains("sonosfan");
    assertThat(GitHubEmails.login("49699333+dependabot[bot]@users.noreply.github.com")).contains("dependabot[bot]");
    assertThat(GitHubEmails.login("7+dev@users.noreply.ghe.example.com")).contains("dev");
    assertThat(GitHubEmails.login("paulus@home-assistant.io")).isEqualTo(Optional.empty());
    assertThat(GitHubEmails.login(null)).isEmpty();
  }
}
