package dev.releasekit.notes;

import static dev.releasekit.notes.testing.NotesFixture.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.git.Commit;
import dev.releasekit.notes.testing.NotesFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitLogTest {

  private static CommitLog postHogLog() {
    return CommitLog.of(NotesFixture.postHog1310().commits());
  }

  @Test
  void linesAreSubjectSpaceAuthorEmailInTheGivenOrder() {
    List<String> lines = postHogLog().lines();
    assertThat(lines).hasSize(15);
    assertThat(lines.get(0)).isEqualTo("feat(insights): Add retention graph (#7001) eric@posthog.com");
    assertThat(lines.get(11)).isEqualTo("Merge branch 'master' into release-1.31.0 tim@posthog.com");
  }

  @Test
  void textIsWhatGitLogPrettyFormatWritesWithoutAFinalNewline() {
    assertThat(postHogLog().text()).isEqualTo(expected("log-1.31.0.txt")).doesNotEndWith("\n");
  }

  @Test
  void externalContributorsAreDistinctNonMembersInFirstSeenOrder() {
    ExternalContributors external = postHogLog().externalContributors(NotesFixture.postHogOrganisation());
    assertThat(external.contributors()).containsExactly(
        new Contributor("52345+janedoe@users.noreply.github.com", "Jane Contributor", Optional.of("janedoe")),
        new Contributor("jane.doe@example.org", "Jane Contributor", Optional.empty()),
        new Contributor("71234+bobcontrib@users.noreply.github.com", "Bob External", Optional.of("bobcontrib")));
    assertThat(external.text()).isEqualTo(expected("contributors-1.31.0.md"));
  }

  @Test
  void membersByDomainEmailAndNoreplyLoginAndBotsAreNotExternal() {
    ExternalContributors external = postHogLog().externalContributors(NotesFixture.postHogOrganisation());
    assertThat(external.contributors()).extracting(Contributor::email)
        .noneMatch(e -> e.endsWith("@posthog.com"))
        .doesNotContain("marius.andra@gmail.com", "8888+macobo@users.noreply.github.com",
            "49699333+dependabot[bot]@users.noreply.github.com");
  }

  @Test
  void withoutMembersEveryHumanAuthorIsExternalOnce() {
    ExternalContributors external = postHogLog().externalContributors(Organisation.builder().build());
    // 15 commits: eric, karl, tim, yakko, jane (noreply), paolo, jane (own address), alex, marius, bob, and
    // macobo's noreply; the bot and the repeated addresses are not counted.
    assertThat(external.size()).isEqualTo(11);
    assertThat(external.contributors()).extracting(Contributor::email).doesNotHaveDuplicates();
  }

  @Test
  void subdomainOfAMemberDomainIsAMember() {
    Commit commit = NotesFixture.commit(1, "Fix (#1)", "Ops", "ops@eu.posthog.com");
    Commit other = NotesFixture.commit(2, "Fix (#2)", "Eve", "eve@notposthog.com");
    ExternalContributors external = CommitLog.of(List.of(commit, other))
        .externalContributors(Organisation.builder().domain("@PostHog.com").build());
    assertThat(external.contributors()).extracting(Contributor::email).containsExactly("eve@notposthog.com");
  }

  @Test
  void noExternalContributorsGiveAnEmptyText() {
    ExternalContributors external = CommitLog.of(List.of())
        .externalContributors(NotesFixture.postHogOrganisation());
    assertThat(external.isEmpty()).isTrue();
    assertThat(external.text()).isEmpty();
  }

  @Test
  void blankOrganisationValuesAreRefused() {
    assertThatThrownBy(() -> Organisation.builder().domain(" "))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("domain");
    assertThatThrownBy(() -> Organisation.builder().email("posthog.com").build())
        .isInstanceOf(PreconditionException.class).hasMessageContaining("domain(");
  }
}
