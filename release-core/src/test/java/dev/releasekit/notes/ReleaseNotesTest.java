package dev.releasekit.notes;

import static dev.releasekit.notes.testing.NotesFixture.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.PreconditionException;
import dev.releasekit.git.Commit;
import dev.releasekit.notes.DroppedCommit.Reason;
import dev.releasekit.notes.testing.NotesFixture;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseNotesTest {

  private static ReleaseNotes homeAssistant057() {
    NotesFixture.Release release = NotesFixture.homeAssistant057();
    return ReleaseNotes.builder()
        .version(Version.parse("0.57.0"))
        .milestone("0.57")
        .commits(release.commits())
        .pullRequests(release.pullRequests())
        .style(NotesStyle.homeAssistant())
        .build();
  }

  private static ReleaseNotes homeAssistant0572() {
    NotesFixture.Release release = NotesFixture.homeAssistant0572();
    return ReleaseNotes.builder()
        .version(Version.parse("0.57.2"))
        .milestone("0.57.2")
        .commits(release.commits())
        .pullRequests(release.pullRequests())
        .date(NotesFixture.PATCH_DATE)
        .build();
  }

  private static ReleaseNotes postHog1310() {
    NotesFixture.Release release = NotesFixture.postHog1310();
    return ReleaseNotes.builder()
        .version(Version.parse("1.31.0"))
        .commits(release.commits())
        .pullRequests(release.pullRequests())
        .style(NotesStyle.postHog())
        .build();
  }

  @Test
  void websiteNotesForAnXY0ReleaseMatchTheCheckedInFileByteForByte() {
    assertThat(homeAssistant057().render(Variant.WEBSITE).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(expected("website-0.57.md").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void githubNotesForAnXY0ReleaseMatchTheCheckedInFileByteForByte() {
    assertThat(homeAssistant057().render(Variant.GITHUB)).isEqualTo(expected("github-0.57.md"));
  }

  @Test
  void patchReleaseHasNoSectionsAndOnlyTheWebsiteFileStartsWithItsDatedHeading() {
    String github = homeAssistant0572().render(Variant.GITHUB);
    String website = homeAssistant0572().render(Variant.WEBSITE);
    assertThat(github).isEqualTo(expected("patch-0.57.2.md"));
    assertThat(website).isEqualTo(expected("patch-0.57.2-website.md"));
    assertThat(website).startsWith("## Release 0.57.2 - November 5\n\n- Fix Tibber login").doesNotContain("## All");
    assertThat(github).startsWith("- Fix Tibber login").doesNotContain("## Release").doesNotContain("## All");
  }

  @Test
  void everyGroupingLabelIsADecorationInTheLabelsNameOrderNewIntegrationIncluded() {
    String github = homeAssistant057().render(Variant.GITHUB);
    assertThat(github)
        .contains("- Add Tibber integration ([@Danielhiversen] - [#9980]) ([tibber docs]) (new-integration)\n")
        .contains("- Replace Ring sensor with camera ([@tchellomello] - [#9993]) ([ring docs]) (breaking-change)"
            + " (new-platform)\n")
        .contains("- Add HomematicIP Cloud ([@SukramJ] - [#10014]) ([homematicip_cloud docs]) (breaking-change)"
            + " (new-integration) (new-platform)\n")
        .contains("- Fix Tado climate ([@wmalgadey] - [#10006]) ([tado docs]) (breaking-change) (beta fix)\n")
        .contains("([climate docs]) ([google_assistant docs])");
    // A pull request with three grouping labels is in each of their sections and in All changes.
    assertThat(github.split("\\[#10014]\\)", -1)).hasSize(5);
  }

  @Test
  void aPullRequestMergedWithAMergeCommitIsListedUnderItsOwnTitle() {
    ReleaseNotes notes = homeAssistant057();
    NoteEntry merged = notes.entries().stream().filter(e -> e.number() == 10007).findFirst().orElseThrow();
    assertThat(merged.title()).isEqualTo("Add Hass.io add-on panel");
    assertThat(merged.commit().subject()).isEqualTo("Merge pull request #10007 from pvizeli/hassio-panel");
    assertThat(notes.render(Variant.GITHUB))
        .contains("- Add Hass.io add-on panel ([@pvizeli] - [#10007]) ([hassio docs])\n")
        .doesNotContain("Merge pull request");
    assertThat(homeAssistant0572().render(Variant.WEBSITE))
        .contains("- Fix Z-Wave crash on startup ([@andrey-git] - [#10115]) ([zwave docs])\n");
    assertThat(ReleaseNotes.referencedPullRequests(NotesFixture.homeAssistant057().commits())).contains(10007, 9997);
  }

  @Test
  void theWebsiteHelpBlockIsHomeAssistantsOwnTextBeforeBreakingChanges() {
    assertThat(homeAssistant057().render(Variant.WEBSITE)).contains("\n\n## If you need help...\n\n"
        + "...don't hesitate to use our very active [forums](https://community.home-assistant.io/) or join us for a"
        + " little [chat](https://discord.gg/c5DvZ4e).\n\n"
        + "## Reporting Issues\n\n"
        + "Experiencing issues introduced by this release? Please report them in our [issue tracker]"
        + "(https://github.com/home-assistant/home-assistant/issues). Make sure to fill in all fields of the issue"
        + " template.\n\n"
        + "<!--more-->\n\n"
        + "## Breaking Changes\n\n");
    assertThat(homeAssistant057().render(Variant.GITHUB)).doesNotContain("<!--more-->").doesNotContain("need help");
  }

  @Test
  void everyDroppedCommitIsNamedWithItsIdSubjectAndReason() {
    List<String> lines = homeAssistant057().dropped().stream().map(DroppedCommit::toString).toList();
    assertThat(lines).hasSize(9).allSatisfy(line -> assertThat(line).containsPattern("c[0-9a-f]{6}"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("#9981 dropped: OTHER_MILESTONE")
        .contains("0.56.3").contains("\"Fix Hue color temperature (#9981)\""));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("NO_PULL_REQUEST_NUMBER")
        .contains("\"Update translations\""));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("#9997 dropped: NOT_A_PULL_REQUEST")
        .contains("Merge pull request #9997 from home-assistant/release-0-56"));
  }

  @Test
  void patchReleaseLinesCarryNoBetaFixMarkAlthoughEveryPullRequestWasCherryPicked() {
    assertThat(homeAssistant0572().entries()).allMatch(e -> e.hasLabel("cherry-picked"));
    assertThat(homeAssistant0572().render(Variant.GITHUB)).doesNotContain("(beta fix)");
  }

  @Test
  void postHogNotesGroupConventionalCommitsAndMatchTheCheckedInFile() {
    assertThat(postHog1310().render(Variant.GITHUB)).isEqualTo(expected("posthog-1.31.0.md"));
  }

  @Test
  void revertedAndOtherMilestonePullRequestsAreAbsent() {
    ReleaseNotes notes = homeAssistant057();
    assertThat(notes.entries()).extracting(NoteEntry::number).doesNotContain(9981, 9987, 9991, 10005);
    for (Variant variant : Variant.values()) {
      assertThat(notes.render(variant))
          .doesNotContain("#9981").doesNotContain("#9987").doesNotContain("#9991").doesNotContain("#10005")
          .doesNotContain("Alexa").doesNotContain("Abode").doesNotContain("Hue");
    }
  }

  @Test
  void droppedCommitsAreReportedWithTheirReasonsInCommitOrder() {
    ReleaseNotes notes = homeAssistant057();
    assertThat(notes.entries()).hasSize(23);
    assertThat(notes.dropped()).extracting(DroppedCommit::reason).containsExactly(
        Reason.NO_PULL_REQUEST_NUMBER,
        Reason.OTHER_MILESTONE,
        Reason.DUPLICATE_SUBJECT,
        Reason.REVERTED,
        Reason.REVERTED,
        Reason.NOT_A_PULL_REQUEST,
        Reason.OTHER_MILESTONE,
        Reason.NO_PULL_REQUEST_NUMBER,
        Reason.DUPLICATE_PULL_REQUEST);
    assertThat(notes.dropped()).extracting(DroppedCommit::pullRequest).containsExactly(
        Optional.empty(), Optional.of(9981), Optional.of(9984), Optional.of(9987), Optional.of(9991),
        Optional.of(9997), Optional.of(10005), Optional.empty(), Optional.of(10006));
    assertThat(notes.dropped().get(1).detail()).contains("0.56.3").contains("0.57");
    assertThat(notes.dropped().get(1).toString()).startsWith("#9981 dropped: OTHER_MILESTONE");
  }

  @Test
  void renderingTwiceAndBuildingTwiceGiveIdenticalBytes() {
    ReleaseNotes notes = homeAssistant057();
    for (Variant variant : Variant.values()) {
      assertThat(notes.render(variant)).isEqualTo(notes.render(variant));
      assertThat(homeAssistant057().render(variant)).isEqualTo(notes.render(variant));
    }
    assertThat(postHog1310().render(Variant.GITHUB)).isEqualTo(postHog1310().render(Variant.GITHUB));
  }

  @Test
  void betaFixesSectionAppearsOnlyForXY0Releases() {
    NotesFixture.Release release = NotesFixture.homeAssistant057();
    NotesStyle sectionedPatches = NotesStyle.homeAssistant().toBuilder().noPatchHeading().build();
    ReleaseNotes.Builder builder = ReleaseNotes.builder()
        .milestone("0.57")
        .commits(release.commits())
        .pullRequests(release.pullRequests())
        .style(sectionedPatches);
    String dotZero = builder.version(Version.parse("0.57.0")).build().render(Variant.GITHUB);
    String patch = builder.version(Version.parse("0.57.1")).build().render(Variant.GITHUB);
    assertThat(dotZero).contains("## Beta Fixes\n").contains("(beta fix)");
    assertThat(patch).doesNotContain("## Beta Fixes").doesNotContain("(beta fix)")
        .contains("## Breaking Changes\n").contains("## All changes\n");
  }

  @Test
  void prNumberIsTheLastOneInTheSubjectAndTheTitleKeepsTheEarlierOnes() {
    NoteEntry entry = homeAssistant057().entries().stream().filter(e -> e.number() == 10004).findFirst().orElseThrow();
    assertThat(entry.title()).isEqualTo("Fix MQTT discovery (#9998)");
  }

  @Test
  void authorComesFromThePullRequestThenTheNoreplyEmailThenTheName() {
    Map<Integer, NoteEntry> byNumber = new HashMap<>();
    homeAssistant057().entries().forEach(e -> byNumber.put(e.number(), e));
    assertThat(byNumber.get(9985).login()).contains("syssi");
    assertThat(byNumber.get(9994).login()).contains("ghostfixer");
    assertThat(byNumber.get(9996).login()).contains("sonosfan");
    assertThat(byNumber.get(9995).login()).isEmpty();
    assertThat(byNumber.get(9995).author()).isEqualTo("Casey Jones");
    assertThat(homeAssistant057().render(Variant.GITHUB))
        .contains("- Improve Nest discovery (Casey Jones - [#9995]) ([nest docs])")
        .doesNotContain("[@Casey");
  }

  @Test
  void pullRequestAuthorWinsOverTheLoginInANoreplyEmail() {
    Commit commit = NotesFixture.commit(1, "Fix it (#5)", "Someone", "77+oldname@users.noreply.github.com");
    PullRequest pr = NotesFixture.pullRequest(5, "Fix it", "newname", null, NotesFixture.HA_PULL);
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("0.60.0"))
        .commits(List.of(commit)).pullRequests(Map.of(5, pr)).build();
    assertThat(notes.entries().get(0).login()).contains("newname");
  }

  @Test
  void gitHubEnterpriseUserLinksUseTheGivenWebAddress() {
    Commit commit = NotesFixture.commit(1, "Fix it (#5)", "Someone", "someone@example.com");
    PullRequest pr = NotesFixture.pullRequest(5, "Fix it", "someone", null, "https://ghe.example.com/o/r/pull/");
    String text = ReleaseNotes.builder().version(Version.parse("0.60.0"))
        .commits(List.of(commit)).pullRequests(Map.of(5, pr))
        .userUrlBase("https://ghe.example.com")
        .build().render(Variant.GITHUB);
    assertThat(text).contains("[@someone]: https://ghe.example.com/someone\n")
        .contains("[#5]: https://ghe.example.com/o/r/pull/5\n");
  }

  @Test
  void docsBaseUrlCanBeOverriddenPerVariant() {
    NotesFixture.Release release = NotesFixture.homeAssistant0572();
    ReleaseNotes notes = ReleaseNotes.builder()
        .version(Version.parse("0.57.2")).milestone("0.57.2").date(NotesFixture.PATCH_DATE)
        .commits(release.commits()).pullRequests(release.pullRequests())
        .docsBaseUrl(Variant.GITHUB, "https://rc.home-assistant.io/integrations")
        .build();
    assertThat(notes.render(Variant.GITHUB)).contains("[hue docs]: https://rc.home-assistant.io/integrations/hue/\n");
    assertThat(notes.render(Variant.WEBSITE)).contains("[hue docs]: /integrations/hue/\n");
  }

  @Test
  void milestoneDefaultsToTheVersionAndComparesAsNumbers() {
    NotesFixture.Release release = NotesFixture.homeAssistant057();
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("0.57.0"))
        .commits(release.commits()).pullRequests(release.pullRequests()).build();
    assertThat(notes.milestone()).isEqualTo("0.57.0");
    assertThat(notes.render(Variant.GITHUB)).isEqualTo(expected("github-0.57.md"));
  }

  @Test
  void referencedPullRequestsAreTheDistinctLastNumbersInCommitOrder() {
    List<Integer> numbers = ReleaseNotes.referencedPullRequests(NotesFixture.homeAssistant057().commits());
    assertThat(numbers).startsWith(9975, 9980, 9981, 9982, 9984, 9985).contains(10004).doesNotContain(9998)
        .doesNotHaveDuplicates().hasSize(28);
  }

  @Test
  void numberTheHostingDoesNotKnowAsAPullRequestIsDroppedAndReported() {
    NotesFixture.Release release = NotesFixture.homeAssistant057();
    Map<Integer, PullRequest> prs = new HashMap<>(release.pullRequests());
    prs.remove(9986);
    Commit commit = release.commits().stream().filter(c -> c.subject().contains("#9986")).findFirst().orElseThrow();
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("0.57.0")).milestone("0.57")
        .commits(release.commits()).pullRequests(prs).build();
    assertThat(notes.entries()).hasSize(22).extracting(NoteEntry::number).doesNotContain(9986);
    DroppedCommit dropped = notes.dropped().stream().filter(d -> d.reason() == Reason.NOT_A_PULL_REQUEST)
        .findFirst().orElseThrow();
    assertThat(dropped.pullRequest()).contains(9986);
    assertThat(dropped.commit()).isEqualTo(commit);
    assertThat(dropped.detail()).contains(commit.shortId()).contains("issue number");
    assertThat(notes.render(Variant.GITHUB)).doesNotContain("pyhue");
  }

  @Test
  void pullRequestWithoutAWebAddressIsRefusedBecauseItsLinkCannotBeWritten() {
    Commit commit = NotesFixture.commit(1, "Fix it (#5)", "Someone", "someone@example.com");
    PullRequest pr = NotesFixture.pullRequest(5, "Fix it", "someone", null, "");
    PullRequest noUrl = new PullRequest(5, pr.title(), pr.body(), pr.head(), pr.base(), pr.state(), pr.author(),
        pr.labels(), pr.milestone(), pr.mergedAt(), pr.mergeCommitSha(), null);
    assertThatThrownBy(() -> ReleaseNotes.builder().version(Version.parse("0.60.0"))
        .commits(List.of(commit)).pullRequests(Map.of(5, noUrl)).build())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("#5")
        .hasMessageContaining("url");
  }

  @Test
  void notesWithoutAVersionAreRefusedWithAHint() {
    assertThatThrownBy(() -> ReleaseNotes.builder().commits(List.of()).build())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("version(");
  }

  @Test
  void patchReleaseWithoutADateIsRefusedBecauseItsHeadingNeedsOne() {
    NotesFixture.Release release = NotesFixture.homeAssistant0572();
    assertThatThrownBy(() -> ReleaseNotes.builder().version(Version.parse("0.57.2"))
        .commits(release.commits()).pullRequests(release.pullRequests()).build())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("date(LocalDate)");
  }

  @Test
  void blankUserUrlBaseAndMilestoneAreRefused() {
    assertThatThrownBy(() -> ReleaseNotes.builder().userUrlBase(" "))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("user URL base");
    assertThatThrownBy(() -> ReleaseNotes.builder().milestone(""))
        .isInstanceOf(PreconditionException.class).hasMessageContaining("milestone");
  }

  @Test
  void styleWithDocsLabelsButNoDocsAddressIsRefusedAtRender() {
    NotesStyle style = NotesStyle.homeAssistant().toBuilder().noDocsLinks().docsLabelPrefix("integration: ").build();
    NotesFixture.Release release = NotesFixture.homeAssistant057();
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("0.57.0")).style(style)
        .commits(release.commits()).pullRequests(release.pullRequests()).build();
    assertThatThrownBy(() -> notes.render(Variant.GITHUB))
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("docsBaseUrl(Variant.GITHUB");
  }

  @Test
  void noCommitsRenderNothingOnGitHub() {
    ReleaseNotes notes = ReleaseNotes.builder().version(Version.parse("0.58.0")).build();
    assertThat(notes.entries()).isEmpty();
    assertThat(notes.render(Variant.GITHUB)).isEmpty();
  }

  @Test
  void helpParagraphFollowsToTheNextSectionWhenThereAreNoBreakingChanges() {
    NotesFixture.Release release = NotesFixture.homeAssistant0572();
    String website = ReleaseNotes.builder().version(Version.parse("0.57.0")).milestone("0.57.2")
        .commits(release.commits()).pullRequests(release.pullRequests())
        .build().render(Variant.WEBSITE);
    assertThat(website).contains("<!--more-->\n\n## Breaking Changes\n");
    ReleaseNotes noBreaking = ReleaseNotes.builder().version(Version.parse("0.57.0")).milestone("0.57.2")
        .commits(release.commits().subList(0, 1)).pullRequests(release.pullRequests()).build();
    assertThat(noBreaking.render(Variant.WEBSITE))
        .startsWith(NotesStyle.HOME_ASSISTANT_HELP + "\n\n<!--more-->\n\n## Beta Fixes\n");
  }

  @Test
  void toStringSummarisesEntriesAndDrops() {
    assertThat(homeAssistant057().toString())
        .startsWith("ReleaseNotes 0.57.0 (milestone 0.57): 23 entries, 9 dropped")
        .contains("REVERTED=2");
  }
}
