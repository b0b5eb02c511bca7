package dev.releasekit.website.testing;

import dev.releasekit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;

/**
 * PostHog's root {@code versions.json} in the two layouts it has had (facts.md), and the app repository holding
 * either on {@code master}: one object per line at 1.30.0, fully expanded since 1.31.0; newest first, a 4-space
 * indent, a final newline, older entries without a date and the odd {@code 1.1.0.1}.
 *
 * <pre>{@code
 * GitFixture app = PostHogVersions.app(temp, PostHogVersions.ONE_PER_LINE);
 * }</pre>
 */
public final class PostHogVersions {
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
}
