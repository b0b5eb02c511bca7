package dev.releasekit.notes.testing;

import dev.releasekit.git.Commit;
import dev.releasekit.notes.Organisation;
import dev.releasekit.spi.PullRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commits and pull requests of three releases, for tests of release notes, changelogs and commit logs, with the
 * expected renderings checked in under {@code src/test/resources/notes/}. Other modules use it through the
 * release-core test-jar.
 *
 * <pre>{@code
 * NotesFixture.Release release = NotesFixture.homeAssistant057();
 * ReleaseNotes notes = ReleaseNotes.builder()
 *     .version(Version.parse("0.57.0")).milestone("0.57")
 *     .commits(release.commits()).pullRequests(release.pullRequests())
 *     .build();
 * assertThat(notes.render(Variant.GITHUB)).isEqualTo(NotesFixture.expected("github-0.57.md"));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #homeAssistant057()}: 32 commits of Home Assistant 0.57.0 (milestone {@code 0.57}): 23 make lines,
 *       among them a pull request merged with a merge commit ({@code Merge pull request #10007 from ...}) and one
 *       with three grouping labels (#10014); dropped are two commits that name no pull request, a merge of
 *       {@code release-0-56} whose number the hosting does not know, a consecutive duplicate subject, a repeated
 *       pull request, two reverted pull requests and two milestoned for other releases ({@code 0.56.3},
 *       {@code 0.58}). Authors
 *       include a pull request without author whose commit has a {@code ID+login} noreply email, one with the old
 *       {@code login@users.noreply} form, and one with a plain email (shown by name).
 *   <li>{@link #homeAssistant0572()}: 9 commits of the 0.57.2 patch release (milestone {@code 0.57.2}, released
 *       {@link #PATCH_DATE}), with a merge-commit pull request and one with three grouping labels.
 *   <li>{@link #postHog1310()}: 15 conventional commits of PostHog 1.31.0, with a bot, members by domain, email
 *       and login, and external contributors; see {@link #postHogOrganisation()}.
 * </ul>
 */
public final class NotesFixture {
  public static final String HA_PULL = "https://github.com/home-assistant/home-assistant/pull/";
  public static final String POSTHOG_PULL = "https://github.com/PostHog/posthog/pull/";
  /** The date of the 0.57.2 patch release. */
  public static final LocalDate PATCH_DATE = LocalDate.of(2017, 11, 5);
  /** The date of PostHog 1.31.0. */
  public static final LocalDate POSTHOG_DATE = LocalDate.of(2021, 12, 16);

  private static final Instant START = Instant.parse("2017-10-21T10:00:00Z");

  private NotesFixture() {
  }

  /** The commits of a release range, oldest first, and the pull requests they name, by number. */
  public record Release(List<Commit> commits, Map<Integer, PullRequest> pullRequests) {
    public Release {
      commits = List.copyOf(commits);
      pullRequests = Map.copyOf(pullRequests);
    }
  }

  /** Home Assistant 0.57.0, milestone {@code 0.57}. */
  public static Release homeAssistant057() {
    History h = new History(HA_PULL, 0);
    h.pr("Add fail2ban sensor (#9975)", "Kevin Fronczak", "kfronczak@example.com",
        "fronzbot", none(), "integration: fail2ban", "new-platform");
    h.direct("Update translations", "Paulus Schoutsen", "paulus@home-assistant.io");
    h.pr("Add Tibber integration (#9980)", "Daniel Hoyer Iversen", "danielhiversen@example.com",
        "Danielhiversen", "0.57", "integration: tibber", "new-integration");
    h.pr("Fix Hue color temperature (#9981)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.56.3", "integration: hue");
    h.pr("Add timer component (#9982)", "Diogo Gomes", "dgomes@example.com",
        "dgomes", none(), "integration: timer", "new-integration");
    h.pr("Remove deprecated MQTT options (#9984)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.57", "breaking-change", "integration: mqtt");
    h.again();
    h.pr("Add Xiaomi Aqara cover (#9985)", "Sebastian Muszynski", "1234567+syssi@users.noreply.github.com",
        "syssi", none(), "integration: xiaomi_aqara", "new-platform");
    h.pr("Bump pyhue to 1.2 (#9986)", "Fabian Affolter", "fabian@example.com",
        "fabaff", "0.57");
    h.pr("Add Alexa temperature reporting (#9987)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", none(), "integration: alexa", "reverted");
    h.pr("Fix Z-Wave lock state (#9992)", "Andrey", "andrey@example.com",
        "andrey-git", "0.57", "cherry-picked", "integration: zwave");
    h.pr("Revert \"Add Alexa temperature reporting\" (#9991)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", none(), "reverted");
    h.pr("Replace Ring sensor with camera (#9993)", "Marcelo Moreira de Mello", "mmello@example.com",
        "tchellomello", none(), "breaking-change", "integration: ring", "new-platform");
    h.direct("Merge pull request #9997 from home-assistant/release-0-56", "Paulus Schoutsen",
        "paulus@home-assistant.io");
    h.pr("Fix typo in docstring (#9994)", "Ghost Fixer", "4242+ghostfixer@users.noreply.github.com",
        null, none());
    h.pr("Improve Nest discovery (#9995)", "Casey Jones", "casey@example.org",
        null, none(), "integration: nest");
    h.pr("Update Sonos (#9996)", "Sam Fan", "sonosfan@users.noreply.github.com",
        null, none(), "integration: sonos");
    h.pr("Add light groups (#10001)", "Otto Winter", "otto@example.com",
        "OttoWinter", none(), "integration: group", "new-platform");
    h.pr("Fix Tibber price unit (#10002)", "Daniel Hoyer Iversen", "danielhiversen@example.com",
        "Danielhiversen", "0.57", "cherry-picked", "integration: tibber");
    h.pr("Upgrade aiohttp to 2.3.1 (#10003)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.57", "cherry-picked");
    h.pr("Fix MQTT discovery (#9998) (#10004)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.57", "integration: mqtt");
    h.pr("Add Abode services (#10005)", "Wesley", "wesley@example.com",
        "shred86", "0.58", "integration: abode");
    h.pr("Fix Tado climate (#10006)", "Wolfgang Malgadey", "wolfgang@example.com",
        "wmalgadey", "0.57", "breaking-change", "cherry-picked", "integration: tado");
    h.merged(10007, "pvizeli/hassio-panel", "Add Hass.io add-on panel", "Pascal Vizeli", "pvizeli@example.com",
        "pvizeli", "0.57", "integration: hassio");
    h.pr("Update frontend to 20171103.0 (#10008)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", none());
    h.pr("Add Google Assistant climate support (#10009)", "Tom", "tom@example.com",
        "Tommatheussen", none(), "integration: google_assistant", "integration: climate");
    h.direct("Version bump to 0.57.0", "Paulus Schoutsen", "paulus@home-assistant.io");
    h.repeat("Fix Tado climate (#10006)", "Wolfgang Malgadey", "wolfgang@example.com");
    h.pr("Add Yeelight Sunflower light (#10011)", "Lindsay Ward", "lindsay@example.com",
        "lindsaymarkward", none(), "integration: yeelightsunflower", "new-platform");
    h.pr("Fix KNX sensor (#10012)", "Julius", "julius@example.com",
        "Julius2342", "0.57", "integration: knx");
    h.pr("Add Dyson fan (#10013)", "Charles Blonde", "charles@example.com",
        "CharlesBlonde", none(), "integration: dyson", "new-integration", "new-platform");
    // Three grouping labels, given out of name order: the line shows them sorted, as GitHub returns them.
    h.pr("Add HomematicIP Cloud (#10014)", "Markus Jankowski", "markus@example.com",
        "SukramJ", none(), "new-platform", "integration: homematicip_cloud", "breaking-change", "new-integration");
    return h.release();
  }

  /** Home Assistant 0.57.2, milestone {@code 0.57.2}, released {@link #PATCH_DATE}. */
  public static Release homeAssistant0572() {
    History h = new History(HA_PULL, 100);
    h.pr("Fix Tibber login (#10101)", "Daniel Hoyer Iversen", "danielhiversen@example.com",
        "Danielhiversen", "0.57.2", "cherry-picked", "integration: tibber");
    h.again();
    h.direct("Version bump to 0.57.2", "Paulus Schoutsen", "paulus@home-assistant.io");
    h.pr("Handle Hue bridge timeouts (#10105)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.57.2", "breaking-change", "cherry-picked", "integration: hue");
    h.pr("Add Abode services (#10005)", "Wesley", "wesley@example.com",
        "shred86", "0.58", "integration: abode");
    h.pr("Fix Sonos grouping (#10110)", "Sam Fan", "sonosfan@users.noreply.github.com",
        null, "0.57.2", "cherry-picked", "integration: sonos");
    h.pr("Update frontend to 20171105.0 (#10111)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.57.2", "cherry-picked");
    h.merged(10115, "home-assistant/fix-zwave-startup", "Fix Z-Wave crash on startup", "Andrey",
        "andrey@example.com", "andrey-git", "0.57.2", "cherry-picked", "integration: zwave");
    h.pr("Replace Nest with the SDM API (#10116)", "Paulus Schoutsen", "paulus@home-assistant.io",
        "balloob", "0.57.2", "new-platform", "cherry-picked", "breaking-change", "integration: nest",
        "new-integration");
    return h.release();
  }

  /** PostHog 1.31.0: conventional commits, no milestones. */
  public static Release postHog1310() {
    History h = new History(POSTHOG_PULL, 200);
    h.pr("feat(insights): Add retention graph (#7001)", "Eric Duong", "eric@posthog.com", "EDsCODE", none());
    h.pr("fix: Correct funnel conversion rounding (#7003)", "Karl-Aksel Puulmann", "karl@posthog.com",
        "macobo", none());
    h.pr("chore: Bump posthog-js to 1.16.0 (#7004)", "dependabot[bot]",
        "49699333+dependabot[bot]@users.noreply.github.com", "dependabot[bot]", none());
    h.pr("feat!: Drop Python 3.7 support (#7005)", "Tim Glaser", "tim@posthog.com", "timgl", none());
    h.pr("perf(ingestion): Batch person updates (#7006)", "Yakko Majuri", "yakko@posthog.com",
        "yakkomajuri", none());
    h.pr("Fix typo in README (#7007)", "Jane Contributor", "52345+janedoe@users.noreply.github.com",
        "janedoe", none());
    h.prWithMessage("refactor(api): Split event endpoint (#7008)",
        "refactor(api): Split event endpoint (#7008)\n\nBREAKING CHANGE: /api/event no longer accepts GET.\n",
        "Paolo D'Amico", "paolo@posthog.com", "paolodamico", none());
    h.pr("fix(toolbar): Keep heatmap open on navigation (#7009)", "Jane Contributor", "jane.doe@example.org",
        "janedoe", none());
    h.pr("feat: Add session recording export (#7002)", "Alex Kim", "alex@posthog.com", "alexkim", none(),
        "reverted");
    h.pr("Revert \"feat: Add session recording export\" (#7010)", "Tim Glaser", "tim@posthog.com", "timgl",
        none(), "reverted");
    h.pr("docs: Update contributing guide (#7011)", "Marius Andra", "marius.andra@gmail.com", "mariusandra",
        none());
    h.direct("Merge branch 'master' into release-1.31.0", "Tim Glaser", "tim@posthog.com");
    h.pr("feat(ingestion): Support $groupidentify (#7012)", "Bob External",
        "71234+bobcontrib@users.noreply.github.com", "bobcontrib", none());
    h.pr("fix: Handle empty cohorts (#7013)", "Karl-Aksel Puulmann", "8888+macobo@users.noreply.github.com",
        "macobo", none());
    h.pr("fix(toolbar): Escape selectors (#7014)", "Jane Contributor", "52345+JaneDoe@users.noreply.github.com",
        "janedoe", none());
    return h.release();
  }

  /** PostHog: members by the domain posthog.com, by the email marius.andra@gmail.com and by the login macobo. */
  public static Organisation postHogOrganisation() {
    return Organisation.builder()
        .domain("posthog.com")
        .email("marius.andra@gmail.com")
        .login("macobo")
        .build();
  }

  /** A checked-in expected file under {@code src/test/resources/notes/}, as UTF-8. */
  public static String expected(String name) {
    try (InputStream in = NotesFixture.class.getResourceAsStream("/notes/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No expected file notes/" + name + " on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A commit as the git log would give it, for tests that need one more. */
  public static Commit commit(int index, String subject, String authorName, String authorEmail) {
    return new Commit(id(index), List.of(id(index - 1)), subject, subject + "\n", authorName, authorEmail,
        START.plusSeconds(3600L * index));
  }

  /** A commit id whose short form tells the commits apart: {@code c000012} for commit 12. */
  private static String id(int index) {
    return String.format("c%06x%033x", index, 0);
  }

  /** A merged pull request as the hosting would give it. */
  public static PullRequest pullRequest(int number, String title, String author, String milestone,
      String url, String... labels) {
    return new PullRequest(number, title, "", "feature-" + number, "dev", PullRequest.State.MERGED, author,
        Arrays.asList(labels), Optional.ofNullable(milestone), Optional.of(START.plusSeconds(number)),
        Optional.of(String.format("%040x", 0xbeef0000L + number)), url + number);
  }

  private static String none() {
    return null;
  }

  /** Appends commits and their pull requests in merge order. */
  private static final class History {
    private final String pullBase;
    private final List<Commit> commits = new ArrayList<>();
    private final Map<Integer, PullRequest> pullRequests = new LinkedHashMap<>();
    private int index;

    History(String pullBase, int firstIndex) {
      this.pullBase = pullBase;
      this.index = firstIndex;
    }

    void pr(String subject, String name, String email, String login, String milestone, String... labels) {
      prWithMessage(subject, subject + "\n", name, email, login, milestone, labels);
    }

    void prWithMessage(String subject, String message, String name, String email, String login, String milestone,
        String... labels) {
      index++;
      Commit base = commit(index, subject, name, email);
      commits.add(new Commit(base.id(), base.parents(), subject, message, name, email, base.authorTime()));
      int number = Integer.parseInt(subject.replaceAll("^.*\\(#(\\d+)\\)$", "$1"));
      String title = subject.replaceAll(" \\(#\\d+\\)$", "");
      pullRequests.put(number, pullRequest(number, title, login, milestone, pullBase, labels));
    }

    /** A pull request merged with a merge commit: {@code Merge pull request #N from owner/branch}, its title below. */
    void merged(int number, String branch, String title, String name, String email, String login, String milestone,
        String... labels) {
      index++;
      String subject = "Merge pull request #" + number + " from " + branch;
      Commit base = commit(index, subject, name, email);
      commits.add(new Commit(base.id(), List.of(base.parents().get(0), String.format("f%06x%033x", number, 0)),
          subject, subject + "\n\n" + title + "\n", name, email, base.authorTime()));
      pullRequests.put(number, pullRequest(number, title, login, milestone, pullBase, labels));
    }

    /** The previous commit again: same subject and author, another commit. */
    void again() {
      Commit last = commits.get(commits.size() - 1);
      index++;
      commits.add(commit(index, last.subject(), last.authorName(), last.authorEmail()));
    }

    /** A commit for a pull request already added. */
    void repeat(String subject, String name, String email) {
      index++;
      commits.add(commit(index, subject, name, email));
    }

    void direct(String subject, String name, String email) {
      index++;
      commits.add(commit(index, subject, name, email));
    }

    Release release() {
      return new Release(commits, pullRequests);
    }
  }
}
