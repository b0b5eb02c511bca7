package dev.releasekit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.releasekit.ConflictException;
import dev.releasekit.Conventions;
import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.testing.FakeTime;
import dev.releasekit.docker.testing.RegistryFixture;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.PullRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link HelmChart} on a real git origin and {@link LocalHosting}, through {@link Release}. */
class HelmChartStepTest {
  private static final String CHART = """
      apiVersion: v2
      name: posthog
      description: 🦔 PostHog product analytics
      # The chart's own version: bumped by the "bump patch|minor|major" labels
      version: 7.0.2
      # Keep in step with the image below
      appVersion: 1.30.0
      dependencies:
        - name: postgresql
          version: 8.6.1
      """;
  private static final String VALUES = """
      # PostHog image
      image:
        # -- The image repository
        repository: posthog/posthog
        sha:
        tag:
        # -- Used when neither sha nor tag is set
        default: ":release-1.30.0"
        pullPolicy: IfNotPresent

      web:
        replicacount: 1  # keep
      """;

  @RegisterExtension
  static final RegistryFixture registry = RegistryFixture.anonymous();

  @TempDir
  Path temp;
  private Path origin;
  private Path clone;
  private LocalHosting hosting;

  @BeforeEach
  void chartRepository() throws Exception {
    origin = temp.resolve("charts.git");
    Path seed = temp.resolve("seed");
    Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("master").call().close();
    try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("master").call()) {
      Files.createDirectories(seed.resolve("charts/posthog"));
      Files.writeString(seed.resolve("charts/posthog/Chart.yaml"), CHART);
      Files.writeString(seed.resolve("charts/posthog/values.yaml"), VALUES);
      Files.createDirectories(seed.resolve("charts/plain"));
      Files.writeString(seed.resolve("charts/plain/Chart.yaml"), CHART);
      git.add().addFilepattern(".").call();
      PersonIdent person = new PersonIdent("Chart Keeper", "keeper@example.com");
      git.commit().setMessage("chart 7.0.2").setAuthor(person).setCommitter(person).setSign(false).call();
      git.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(origin.toUri().toString()))
          .call();
      git.push().setRemote("origin").add("master").call();
    }
    clone = temp.resolve("clone");
    Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).call().close();
    hosting = LocalHosting.open(temp.resolve("hosting"), origin);
    hosting.createLabel("bump patch");
    hosting.createLabel("bump minor");
    hosting.createLabel("bump major");
  }

  private Release release(HelmChart chart) {
    return Release.of("1.31.0").conventions(Conventions.postHog()).in(clone).hostedOn(hosting).then(chart);
  }

  private HelmChart chart() {
    return HelmChart.at("charts/posthog").bumpChartVersion(HelmChart.VersionBump.MINOR).label("bump minor");
  }

  private String originFile(String branch, String path) throws Exception {
    try (Git git = Git.open(origin.toFile())) {
      var repo = git.getRepository();
      var tree = repo.parseCommit(repo.resolve("refs/heads/" + branch)).getTree();
      try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, path, tree)) {
        return new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private Map<String, String> originBranches() throws Exception {
    try (Git git = Git.open(origin.toFile())) {
      Map<String, String> refs = new java.util.TreeMap<>();
      for (Ref ref : git.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/")) {
        refs.put(ref.getName(), ref.getObjectId().name());
      }
      return refs;
    }
  }

  @Test
  void freshRunEditsOnlyTheVersionsAndOpensALabelledPullRequest() throws Exception {
    Report report = release(chart()).run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(originFile("chart-posthog-1.31.0", "charts/posthog/Chart.yaml"))
        .isEqualTo(CHART.replace("version: 7.0.2", "version: 7.1.0").replace("appVersion: 1.30.0", "appVersion: 1.31.0"));
    assertThat(originFile("chart-posthog-1.31.0", "charts/posthog/values.yaml"))
        .isEqualTo(VALUES.replace("\":release-1.30.0\"", "\":release-1.31.0\""));
    PullRequest pr = hosting.findPullRequest("chart-posthog-1.31.0", "master").orElseThrow();
    assertThat(pr.labels()).containsExactly("bump minor");
    assertThat(pr.title()).isEqualTo("Update posthog to 1.31.0");
    assertThat(originFile("master", "charts/posthog/Chart.yaml")).isEqualTo(CHART);
  }

  @Test
  void rerunFindsBranchCommitAndPullRequestAndWritesNothing() throws Exception {
    release(chart()).run();
    Map<String, String> before = originBranches();

    Report again = release(chart()).run();

    assertThat(again.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(originBranches()).isEqualTo(before);
    assertThat(hosting.pullRequest(1).labels()).containsExactly("bump minor");
    assertThat(hosting.findPullRequest("chart-posthog-1.31.0", "master")).map(PullRequest::number).contains(1);
    assertThat(originFile("chart-posthog-1.31.0", "charts/posthog/Chart.yaml")).contains("version: 7.1.0");
  }

  @Test
  void aBranchWithOtherEditsBlocksAndNothingIsChanged() throws Exception {
    try (Git git = Git.open(clone.toFile())) {
      git.checkout().setCreateBranch(true).setName("chart-posthog-1.31.0").call();
      Files.writeString(clone.resolve("charts/posthog/Chart.yaml"), CHART.replace("1.30.0", "1.31.0-hand-made"));
      git.add().addFilepattern(".").call();
      PersonIdent person = new PersonIdent("Someone", "someone@example.com");
      git.commit().setMessage("by hand").setAuthor(person).setCommitter(person).setSign(false).call();
      git.push().setRemote("origin").add("chart-posthog-1.31.0").call();
      git.checkout().setName("master").call();
    }
    Map<String, String> before = originBranches();

    assertThatThrownBy(() -> release(chart()).run())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'chart-posthog-1.31.0' already exists")
        .hasMessageContaining("Nothing was changed");
    assertThat(originBranches()).isEqualTo(before);
    assertThat(hosting.findPullRequest("chart-posthog-1.31.0", "master")).isEmpty();
  }

  @Test
  void aLabelSpeltLikeTheHandbookFailsSuggestingTheRealOneBeforeAnyWrite() throws Exception {
    Map<String, String> before = originBranches();

    assertThatThrownBy(() -> release(chart().label("bump-minor")).run())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("The label 'bump-minor' does not exist")
        .hasMessageContaining("Did you mean 'bump minor'?");
    assertThat(originBranches()).isEqualTo(before);
  }

  @Test
  void aPlanRehearsesTheBumpWithoutTouchingOriginOrHosting() throws Exception {
    Map<String, String> before = originBranches();

    Plan plan = release(chart()).plan();

    assertThat(plan.step(1).outcome()).as(plan.toString()).isEqualTo(Outcome.WOULD_DO);
    assertThat(originBranches()).isEqualTo(before);
    assertThat(hosting.findPullRequest("chart-posthog-1.31.0", "master")).isEmpty();
  }

  @Test
  void valuesWithoutADefaultGetTheTagAndTheChartVersionStaysWithoutABump() throws Exception {
    try (Git git = Git.open(clone.toFile())) {
      Files.writeString(clone.resolve("charts/posthog/values.yaml"), "image:\n  repository: posthog/posthog\n"
          + "  tag: release-1.30.0 # pinned\n");
      git.add().addFilepattern(".").call();
      PersonIdent person = new PersonIdent("Chart Keeper", "keeper@example.com");
      git.commit().setMessage("plain tag").setAuthor(person).setCommitter(person).setSign(false).call();
      git.push().setRemote("origin").add("master").call();
    }

    release(HelmChart.at("charts/posthog")).run();

    assertThat(originFile("chart-posthog-1.31.0", "charts/posthog/values.yaml"))
        .isEqualTo("image:\n  repository: posthog/posthog\n  tag: release-1.31.0 # pinned\n");
    assertThat(originFile("chart-posthog-1.31.0", "charts/posthog/Chart.yaml")).contains("version: 7.0.2")
        .contains("appVersion: 1.31.0");
  }

  @Test
  void aChartFolderWithoutValuesIsAPreconditionNamingTheFile() {
    assertThatThrownBy(() -> release(HelmChart.at("charts/plain")).run())
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("charts/plain/values.yaml does not exist");
    assertThatThrownBy(() -> HelmChart.at("../elsewhere")).isInstanceOf(PreconditionException.class);
  }

  @Test
  void theImageGatesThePullRequestWhichOpensOnlyOnceTheImageExists() throws Exception {
    FakeTime time = new FakeTime(Instant.parse("2026-11-21T10:00:00Z"));
    Registry client = registry.client().clock(time).sleeper(time).build();
    Release release = Release.of("1.31.0").conventions(Conventions.postHog()).in(clone).hostedOn(hosting)
        .withRegistry(client).clock(time).sleeper(time)
        .then(client.awaitTag(registry.ref("posthog/gate:release-1.31.0"), Duration.ofMinutes(30)))
        .then(chart());
    Map<String, String> before = originBranches();

    assertThatThrownBy(release::run)
        .isInstanceOf(PreconditionException.class)
        .hasMessageContaining("posthog/gate:release-1.31.0 did not appear");
    assertThat(originBranches()).isEqualTo(before);
    assertThat(hosting.findPullRequest("chart-posthog-1.31.0", "master")).isEmpty();

    registry.push("posthog/gate", SampleImages.image("gate", 1, false, "linux", "amd64"), "release-1.31.0");
    Report report = release.run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(report.step(2).outcome()).isEqualTo(Outcome.DONE);
    assertThat(hosting.findPullRequest("chart-posthog-1.31.0", "master")).isPresent();
  }

  @Test
  void aPlannedRetagStaysInTheEnginesOverlayAndTheRunPutsIt() {
    SampleImages.Image image = SampleImages.image("planned", 1, true, "linux", "amd64");
    registry.push("posthog/planned", image, "release-1.31.0");
    Registry client = registry.client().build();
    Release release = Release.of("1.31.0").conventions(Conventions.postHog()).in(clone).hostedOn(hosting)
        .withRegistry(client).then(client.retag(registry.ref("posthog/planned:release-1.31.0"), "latest-release"));

    Plan plan = release.plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.changes()).singleElement().satisfies(change ->
        assertThat(change.summary()).startsWith("tag " + registry.ref("posthog/planned:latest-release")));
    assertThat(client.digest(registry.ref("posthog/planned:latest-release"))).isEmpty();

    Report report = release.run();

    assertThat(report.step(1).outcome()).isEqualTo(Outcome.DONE);
    assertThat(client.digest(registry.ref("posthog/planned:latest-release"))).contains(image.manifest().digest());
    assertThat(release.run().step(1).outcome()).isEqualTo(Outcome.ALREADY_DONE);
  }
}
