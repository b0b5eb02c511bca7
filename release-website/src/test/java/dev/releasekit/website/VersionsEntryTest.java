package dev.releasekit.website;

import static dev.releasekit.website.testing.PostHogVersions.EXPANDED;
import static dev.releasekit.website.testing.PostHogVersions.EXPANDED_WITH_1_31;
import static dev.releasekit.website.testing.PostHogVersions.ONE_PER_LINE;
import static dev.releasekit.website.testing.PostHogVersions.ONE_PER_LINE_WITH_1_31;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.ConflictException;
import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.ReleaseException;
import dev.releasekit.local.LocalProject;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.testing.PostHogVersions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostHog's {@code versions.json} entry on the sync branch, in both layouts the file has had: fresh, a re-run that
 * writes nothing, the same version of another day that blocks, and files it must not touch.
 */
class VersionsEntryTest {
  private static final LocalDate DAY = LocalDate.of(2021, 12, 16);
  private static final String SYNC = "1.31.0-sync";

  @TempDir
  Path temp;

  /** The app with {@code versions} on master and the sync branch cut from it, as syncBranch() leaves it. */
  private static GitFixture synced(Path temp, String versions) {
    GitFixture app = PostHogVersions.app(temp, versions);
    app.project().branch(SYNC, "master");
    app.project().fetchClone();
    return app;
  }

  private static Release entry(GitFixture app, String version, LocalDate date) {
    return Release.of(version).date(date).conventions(Conventions.postHog()).in(app.workTree())
        .hostedOn(app.hosting()).then(Website.versionsEntry());
  }

  private static void assertRefusedWithNothingChanged(GitFixture app, Release release,
      Class<? extends ReleaseException> type, String... message) {
    String before = app.fingerprint();
    assertThat(release.plan().isBlocked()).isTrue();
    assertThatThrownBy(release::run).isInstanceOf(type).hasMessageContaining(message[0])
        .hasMessageContaining(message.length > 1 ? message[1] : message[0]);
    assertThat(app.fingerprint()).isEqualTo(before);
  }

  @Test
  void theEntryHeadsAFullyExpandedFileAsTheReal131OneDoesOnTheSyncBranchOnly() {
    GitFixture app = synced(temp, EXPANDED);

    Report report = entry(app, "1.31.0", DAY).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(report.step(1).description()).isEqualTo("add the release to versions.json on the sync branch");
    assertThat(app.file(SYNC, "versions.json")).isEqualTo(EXPANDED_WITH_1_31);
    assertThat(app.commit(SYNC).getFullMessage()).isEqualTo("Add 1.31.0 to versions.json");
    assertThat(app.commit(SYNC).getParent(0).name()).isEqualTo(app.commit("master").name());
    assertThat(app.file("master", "versions.json")).as("master waits for the sync PR").isEqualTo(EXPANDED);
  }

  @Test
  void aFileWithOneObjectPerLineGetsOneMoreLineAndKeepsItsUndatedAndOddEntries() {
    GitFixture app = synced(temp, ONE_PER_LINE);

    Report report = entry(app, "1.31.0", DAY).run();

    assertThat(app.file(SYNC, "versions.json")).isEqualTo(ONE_PER_LINE_WITH_1_31);
    assertThat(report.step(1).output()).isEqualTo("{ \"version\": \"1.31.0\", \"release_date\": \"2021-12-16\" }");
  }

  @Test
  void theDateIsTheReleasesDate() {
    GitFixture app = synced(temp, ONE_PER_LINE);

    entry(app, "1.31.0", LocalDate.of(2021, 12, 20)).run();

    assertThat(app.file(SYNC, "versions.json")).startsWith(
        "[\n    { \"version\": \"1.31.0\", \"release_date\": \"2021-12-20\" },\n    { \"version\": \"1.30.0\"");
  }

  @Test
  void aRerunWritesNothing() {
    GitFixture app = synced(temp, EXPANDED);
    entry(app, "1.31.0", DAY).run();
    String before = app.fingerprint();

    Report again = entry(app, "1.31.0", DAY).run();

    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(again.step(1).detail()).isEqualTo("versions.json on 1.31.0-sync lists 1.31.0 of 2021-12-16");
    assertThat(app.fingerprint()).isEqualTo(before);
  }

  @Test
  void theSameVersionOfAnotherDayBlocksAndNamesTheDateToRunAgainWith() {
    GitFixture app = synced(temp, ONE_PER_LINE_WITH_1_31);

    assertRefusedWithNothingChanged(app, entry(app, "1.31.0", LocalDate.of(2021, 12, 17)), ConflictException.class,
        "already lists 1.31.0 released on 2021-12-16, not 2021-12-17",
        "Release.date(LocalDate.parse(\"2021-12-16\"))");
  }

  @Test
  void aFileHeadedByALaterReleaseBlocksRatherThanOfferAnOlderVersion() {
    GitFixture app = synced(temp, ONE_PER_LINE_WITH_1_31);
    Release olderOnTheSameBranch = Release.of("1.30.1").date(DAY).conventions(Conventions.postHog())
        .in(app.workTree()).hostedOn(app.hosting()).then(Website.versionsEntry(VersionsEntry.builder().branch(SYNC)
            .build()));

    assertRefusedWithNothingChanged(app, olderOnTheSameBranch, ConflictException.class,
        "starts with 1.31.0, a later release than 1.30.1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"version\": \"1.30.0\"}\n", "[\n    { \"version\": \"1.30.0\" \n", "\"1.30.0\"\n"})
  void aFileThatIsNotAJsonArrayIsATypedErrorAndNothingIsWritten(String versions) {
    GitFixture app = synced(temp, versions);

    assertRefusedWithNothingChanged(app, entry(app, "1.31.0", DAY), PreconditionException.class, "versions.json",
        "nothing was written");
  }

  @Test
  void withoutTheSyncBranchTheErrorSaysToCreateIt() {
    GitFixture app = PostHogVersions.app(temp, EXPANDED);

    assertRefusedWithNothingChanged(app, entry(app, "1.31.0", DAY), PreconditionException.class,
        "no branch '1.31.0-sync'", "syncBranch()");
  }

  @Test
  void aSyncBranchWithoutTheFileIsATypedError() {
    GitFixture bare = GitFixture.of(LocalProject.create(temp.resolve("bare"), "posthog",
        "master", Map.of("posthog/version.py", "VERSION = \"1.30.0\"\n")));
    bare.project().branch(SYNC, "master");
    bare.project().fetchClone();

    assertRefusedWithNothingChanged(bare, entry(bare, "1.31.0", DAY), PreconditionException.class,
        "versions.json is not on 1.31.0-sync");
  }
}
