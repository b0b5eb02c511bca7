package dev.releasekit.website.testing;

import dev.releasekit.Conventions;
import dev.releasekit.Release;
import dev.releasekit.docker.Registry;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.spi.Hosting;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.website.Website;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * PostHog's root {@code versions.json} in the two layouts it has had (facts.md), and the app repository holding
 * either on {@code master}: one object per line at 1.30.0, fully expanded since 1.31.0; newest first, a 4-space
 * indent, a final newline, older entries without a date and the odd {@code 1.1.0.1}. Also the 1.31.0 launch that
 * syncs it, on whichever hosting holds the app's origin.
 *
 * <pre>{@code
 * GitFixture app = PostHogVersions.app(temp, PostHogVersions.ONE_PER_LINE);
 * PostHogVersions.launch(app.workTree(), app.hosting(), registry, "posthog/built", time).run();
 * }</pre>
 */
public final class PostHogVersions {
  /** The launch's release date. */
  public static final LocalDate DAY = LocalDate.of(2021, 12, 16);
  /** The sync branch the launch opens its pull request from. */
  public static final String SYNC = "1.31.0-sync";

  /** As at 1.30.0: one object per line. */
  public static final String ONE_PER_LINE = """
      [
          { "version": "1.30.0", "release_date": "2021-11-17" },
          { "version": "1.29.1", "release_date": "2021-10-25" },
          { "version": "1.27.0" },
          { "version": "1.1.0.1" },
          { "version": "1.1.0" }
      ]
      """;
  /** {@link #ONE_PER_LINE} with 1.31.0 of 2021-12-16 at its head. */
  public static final String ONE_PER_LINE_WITH_1_31 = ONE_PER_LINE.replace("[\n",
      "[\n    { \"version\": \"1.31.0\", \"release_date\": \"2021-12-16\" },\n");
  /** As at 1.31.0, before its entry: fully expanded. */
  public static final String EXPANDED = """
      [
          {
              "version": "1.30.0",
              "release_date": "2021-11-17"
          },
          {
              "version": "1.29.1",
              "release_date": "2021-10-25"
          },
          {
              "version": "1.27.0"
          },
          {
              "version": "1.1.0.1"
          }
      ]
      """;
  /** {@link #EXPANDED} with 1.31.0 of 2021-12-16 at its head, as the real file reads after 1.31.0. */
  public static final String EXPANDED_WITH_1_31 = EXPANDED.replace("[\n", """
      [
          {
              "version": "1.31.0",
              "release_date": "2021-12-16"
          },
      """);

  private PostHogVersions() {
  }

  /** PostHog's app repository at 1.30.0 ({@link GitFixture#postHog}) with {@code versions} as its versions.json. */
  public static GitFixture app(Path temp, String versions) {
    GitFixture app = GitFixture.postHog(temp);
    app.project().commit("master", "Update versions.json", Map.of("versions.json", versions));
    app.project().fetchClone();
    return app;
  }

  /**
   * PostHog's 1.31.0 launch as one release of the app in {@code workTree}, hosted on {@code hosting}: the changelog
   * and version on the release branch, the tag, the sync branch and its pull request, the {@code versions.json}
   * entry on it, the gate on both images the tag builds ({@code images:release-1.31.0} and
   * {@code images:latest-release} on {@code registry}), then the merge.
   */
  public static Release launch(Path workTree, Hosting hosting, RegistryFixture registry, String images,
      FakeTime time) {
    Registry hub = registry.client().build();
    return Release.of("1.31.0").date(DAY).clock(time).sleeper(time).conventions(Conventions.postHog())
        .in(workTree).hostedOn(hosting)
        .cutBranch().changelog("- Session recordings are faster\n").bumpVersion().tag().syncBranch()
        .then(Website.versionsEntry())
        .then(hub.awaitTag(registry.ref(images + ":release-1.31.0"), Duration.ofHours(2)))
        .then(hub.awaitTag(registry.ref(images + ":latest-release"), Duration.ofHours(2)))
        .mergeSyncPr();
  }

  /** Pushes a small linux/amd64 image to {@code repository} under each of {@code tags}, as the tag's build would. */
  public static void pushImages(RegistryFixture registry, String repository, String... tags) {
    for (String tag : tags) {
      registry.push(repository, SampleImages.image(repository + tag, 1, false, "linux", "amd64"), tag);
    }
  }
}
