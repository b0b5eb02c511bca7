package dev.releasekit.testing;

import dev.releasekit.Conventions;
import dev.releasekit.Release;
import dev.releasekit.files.JsonArrayHead;
import dev.releasekit.files.YamlValue;
import dev.releasekit.testing.ChaosFlow.Phase;
import dev.releasekit.testing.ChaosFlow.Repository;
import dev.releasekit.testing.ChaosFlow.Sandbox;
import dev.releasekit.testing.ChaosFlow.Wiring;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole processes the chaos suites run, built from the shared scenarios ({@link ReleaseDayScenario},
 * {@link BugfixScenario}, {@link GitFixture#postHog}), never copies of them.
 */
public final class ChaosFlows {
  private static final String CHERRY_PICK_CONFLICT = "CherryPickConflictException";
  private static final Clock POSTHOG_DAY = Clock.fixed(Instant.parse("2021-12-16T09:00:00Z"), ZoneOffset.UTC);

  /** PostHog's Helm chart repository: a {@code chart-posthog-<version>} branch bumping {@code appVersion}. */
  public static final Conventions CHARTS = Conventions.postHog().toBuilder()
      .releaseBranchPattern("chart-posthog-{version}")
      .versionFiles(List.of(YamlValue.at("charts/posthog/Chart.yaml", "appVersion")))
      .pullRequestTitlePattern("Bump PostHog to {version}")
      .bumpMessagePattern("Bump appVersion to {version}")
      .build();

  private ChaosFlows() {
  }

  public static ChaosFlow named(String name) {
    return switch (name) {
      case "home-assistant" -> homeAssistant();
      case "posthog" -> postHog();
      case "bugfix" -> bugfix();
      default -> throw new IllegalArgumentException("no flow " + name);
    };
  }

  /**
   * Home Assistant's whole release: preparation; the milestone's pull requests landing on dev (one merged with a
   * merge commit, one deferred) and a hotfix on the release branch; release day, which stops at the conflicting
   * pick; the conflict resolved by hand; release day again: the remaining picks, the notes, the merge, the release,
   * the close and next development.
   */
  public static ChaosFlow homeAssistant() {
    return new ChaosFlow("home-assistant", List.of(new Repository("core", "https://github.com/home-assistant/core")),
        dir -> new Sandbox(dir, Map.of("core", GitFixture.homeAssistant(dir.resolve("core")))),
        List.of(
            Phase.run("preparation", w -> ReleaseDayScenario.preparation(w.workTree("core"), w.hosting("core"))),
            Phase.world("other pull requests land on dev", sandbox -> {
              GitFixture core = sandbox.fixture("core");
              sandbox.put(ReleaseDayScenario.class, ReleaseDayScenario.afterPreparation(core, core.hosting(),
                  Seeding.of(core.hosting())).deferUnmerged().hotfixClimateOnTheReleaseBranch());
            }),
            Phase.runStoppingWith("release day, up to the conflicting pick",
                w -> ReleaseDayScenario.releaseDay(w.workTree("core"), w.hosting("core")), CHERRY_PICK_CONFLICT),
            Phase.world("the conflict resolved by hand",
                sandbox -> sandbox.get(ReleaseDayScenario.class).resolveTheClimateConflictByHand()),
            Phase.run("release day", w -> ReleaseDayScenario.releaseDay(w.workTree("core"), w.hosting("core")))));
  }

  /**
   * PostHog's monthly release as far as core runs it, across {@code posthog} and {@code charts}: the code-freeze
   * branch, the commit log, the changelog, the version bump; the chart's branch with appVersion and the image tag and
   * its pull request; the tag; the sync branch with its pull request and the {@code versions.json} entry; the
   * announcement, to a {@link FileAnnouncer} channel. The images are release-docker's, against a real registry.
   */
  public static ChaosFlow postHog() {
    return new ChaosFlow("posthog", List.of(new Repository("posthog", "https://github.com/PostHog/posthog"),
        new Repository("charts", "https://github.com/PostHog/charts-clickhouse")),
        dir -> new Sandbox(dir, Map.of("posthog", GitFixture.postHog(dir.resolve("posthog")),
            "charts", GitFixture.postHogCharts(dir.resolve("charts")))),
        List.of(Phase.run("release 1.31.0", ChaosFlows::postHogRelease)));
  }

  static Release postHogRelease(Wiring w) {
    LinkedHashMap<String, String> entry = new LinkedHashMap<>();
    entry.put("version", "1.31.0");
    entry.put("release_date", "2021-12-16");
    return Release.of("1.31.0").clock(POSTHOG_DAY)
        .repository("posthog", w.workTree("posthog")).conventions(Conventions.postHog())
            .hostedOn(w.hosting("posthog"))
            .cutBranch().commitLog().changelog("- Session recordings are faster\n- Funnel correlation\n")
            .bumpVersion()
        .repository("charts", w.workTree("charts")).conventions(CHARTS).hostedOn(w.hosting("charts"))
            .cutBranch().bumpVersion()
            .then(new EditFileStep("chart-posthog-1.31.0", "charts/posthog/values.yaml",
                "Use the release-1.31.0 image", bytes -> YamlValue.at("charts/posthog/values.yaml", "image.default")
                    .writeValue(bytes, ":release-1.31.0")))
            .openPr()
        .repository("posthog")
            .tag().syncBranch()
            .then(new EditFileStep("1.31.0-sync", "versions.json", "Add 1.31.0 to versions.json",
                bytes -> JsonArrayHead.at("versions.json").insert(bytes, entry, "version")))
            .announcer(w.announcer("posthog"))
            .announce("PostHog {version} is out: session recordings are faster, funnel correlation");
  }

  /** Home Assistant's bugfix release 0.56.2, one release with a branch, a pick, a pull request, a merge, a release. */
  public static ChaosFlow bugfix() {
    return new ChaosFlow("bugfix", List.of(new Repository("core", "https://github.com/home-assistant/core")),
        dir -> new Sandbox(dir, Map.of("core", BugfixScenario.withZwaveFix(GitFixture.homeAssistant(
            dir.resolve("core"))))),
        List.of(Phase.run("bugfix release 0.56.2", w -> BugfixScenario.bugfix(w.workTree("core"),
            w.hosting("core")))));
  }
}
