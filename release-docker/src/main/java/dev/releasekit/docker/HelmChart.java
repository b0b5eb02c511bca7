package dev.releasekit.docker;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.files.YamlValue;
import dev.releasekit.git.CommitId;
import dev.releasekit.git.Origin;
import dev.releasekit.git.Workspace;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Bump;
import dev.releasekit.version.Version;
import dev.releasekit.version.VersionScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The step that points a Helm chart at a new app release: {@code appVersion} in {@code Chart.yaml}, optionally the
 * chart's own {@code version}, and the image tag in {@code values.yaml}, edited byte for byte (comments, quotes and
 * key order stay), committed on a branch of the chart repository and proposed as a labelled pull request.
 *
 * <pre>{@code
 * Release.of("1.31.0").conventions(Conventions.postHog())
 *     .in(chartsClone).hostedOn(chartsHosting)             // PostHog/charts-clickhouse
 *     .then(hub.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(2)))
 *     .then(HelmChart.at("charts/posthog").bumpChartVersion(HelmChart.VersionBump.MINOR).label("bump minor"))
 *     .run();
 * }</pre>
 *
 * <p>The chart repository is the release's repository ({@link StepContext#workspace()} and
 * {@link StepContext#hosting()}), so a plan rehearses the edit and the pull request on its throwaway copies. The
 * image tag goes to {@code image.default} as {@code ":release-1.31.0"} when the values have that key (PostHog's
 * chart), otherwise to {@code image.tag} as {@code "release-1.31.0"}; {@link #valuesKey} chooses explicitly.
 *
 * <p>The label is checked against the labels that exist on the hosting before anything is written: asking for
 * {@code bump-minor} where the repository has {@code bump minor} fails with a message suggesting it. Re-running
 * finds the branch, the commit and the pull request and writes nothing; a branch holding other edits, or a pull
 * request closed without merging, blocks with a {@link ConflictException}.
 */
public final class HelmChart implements Step {

  /** How the chart's own {@code version} moves along with the app. */
  public enum VersionBump {
    PATCH, MINOR, MAJOR
  }

  private final String directory;
  private final VersionBump chartBump;
  private final String imageTagPattern;
  private final String valuesKey;
  private final String label;
  private final String branchPattern;
  private final String base;
  private final String titlePattern;

  private HelmChart(Builder builder) {
    this.directory = builder.directory;
    this.chartBump = builder.chartBump;
    this.imageTagPattern = builder.imageTagPattern;
    this.valuesKey = builder.valuesKey;
    this.label = builder.label;
    this.branchPattern = builder.branchPattern;
    this.base = builder.base;
    this.titlePattern = builder.titlePattern;
  }

  /** The chart in {@code directory} of the release's repository, such as {@code charts/posthog}. */
  public static HelmChart at(String directory) {
    Objects.requireNonNull(directory, "directory");
    String trimmed = directory.replaceAll("^/+|/+$", "");
    if (trimmed.isEmpty() || Arrays.asList(trimmed.split("/")).contains("..")) {
      throw new PreconditionException("'" + directory + "' is not a chart folder inside the repository; give a"
          + " relative path such as 'charts/posthog'.");
    }
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    Builder builder = new Builder();
    builder.directory = trimmed;
    builder.imageTagPattern = "release-{version}";
    builder.branchPattern = "chart-" + name + "-{version}";
    builder.titlePattern = "Update " + name + " to {version}";
    return builder.build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** Also bumps the chart's own {@code version} (semver) by this much; by default it is left alone. */
  public HelmChart bumpChartVersion(VersionBump bump) {
    return toBuilder().chartBump(Objects.requireNonNull(bump, "bump")).build();
  }

  /** The image tag for the release, {@code release-{version}} by default. */
  public HelmChart imageTag(String pattern) {
    return toBuilder().imageTagPattern(Objects.requireNonNull(pattern, "pattern")).build();
  }

  /**
   * The dotted key of the image tag in {@code values.yaml}. A key named {@code default} receives {@code ":" + tag}
   * as PostHog's chart expects; any other receives the tag.
   */
  public HelmChart valuesKey(String dottedKey) {
    return toBuilder().valuesKey(Objects.requireNonNull(dottedKey, "dottedKey")).build();
  }

  /** A label for the pull request; it must exist in the repository (it is never created). */
  public HelmChart label(String name) {
    return toBuilder().label(Objects.requireNonNull(name, "name")).build();
  }

  /** The branch the edit is committed on, {@code chart-<name>-{version}} by default. */
  public HelmChart branch(String pattern) {
    return toBuilder().branchPattern(Objects.requireNonNull(pattern, "pattern")).build();
  }

  /** The branch the pull request targets; the conventions' main branch by default. */
  public HelmChart into(String baseBranch) {
    return toBuilder().base(Objects.requireNonNull(baseBranch, "baseBranch")).build();
  }

  /** The pull request's title, {@code Update <name> to {version}} by default. */
  public HelmChart title(String pattern) {
    return toBuilder().titlePattern(Objects.requireNonNull(pattern, "pattern")).build();
  }

  /** The settings of a {@link HelmChart}; the one-line withers above derive changed copies through it. */
  private static final class Builder {
    private String directory;
    private VersionBump chartBump;
    private String imageTagPattern;
    private String valuesKey;
    private String label;
    private String branchPattern;
    private String base;
    private String titlePattern;

    Builder() {
    }

    Builder(HelmChart chart) {
      directory = chart.directory;
      chartBump = chart.chartBump;
      imageTagPattern = chart.imageTagPattern;
      valuesKey = chart.valuesKey;
      label = chart.label;
      branchPattern = chart.branchPattern;
      base = chart.base;
      titlePattern = chart.titlePattern;
    }

    Builder chartBump(VersionBump value) {
      chartBump = value;
      return this;
    }

    Builder imageTagPattern(String value) {
      imageTagPattern = value;
      return this;
    }

    Builder valuesKey(String value) {
      valuesKey = value;
      return this;
    }

    Builder label(String value) {
      label = value;
      return this;
    }

    Builder branchPattern(String value) {
      branchPattern = value;
      return this;
    }

    Builder base(String value) {
      base = value;
      return this;
    }

    Builder titlePattern(String value) {
      titlePattern = value;
      return this;
    }

    HelmChart build() {
      return new HelmChart(this);
    }
  }

  @Override
  public String description() {
    return "bump the chart " + directory + " to the new app version"
        + (chartBump == null ? "" : " (chart version: " + chartBump.name().toLowerCase(Locale.ROOT) + ")")
        + " and open a pull request" + (label == null ? "" : " labelled '" + label + "'");
  }

  @Override
  public StepResult apply(StepContext context) {
    Version version = context.version();
    Workspace workspace = context.workspace();
    Hosting hosting = context.hosting();
    String baseBranch = base != null ? base : context.conventions().mainBranch();
    String branch = expand(branchPattern, version);
    String imageTag = expand(imageTagPattern, version);
    String chartPath = directory + "/Chart.yaml";
    String valuesPath = directory + "/values.yaml";

    // Observe everything before writing anything.
    if (label != null) {
      requireLabel(hosting);
    }
    Origin origin = workspace.origin();
    String baseTip = origin.branch(baseBranch).map(CommitId::name).orElseThrow(() -> new PreconditionException(
        "The chart repository's origin has no branch '" + baseBranch + "'. Name the right one with into(...)."));
    byte[] chart = read(workspace, baseTip, chartPath, baseBranch);
    byte[] values = read(workspace, baseTip, valuesPath, baseBranch);
    YamlValue appVersionKey = YamlValue.at(chartPath, "appVersion");
    YamlValue chartVersionKey = YamlValue.at(chartPath, "version");
    YamlValue tagKey = tagKey(valuesPath, values);
    String tagValue = tagKey.key().endsWith("default") ? ":" + imageTag : imageTag;

    if (appVersionKey.readValue(chart).equals(version.toString()) && tagKey.readValue(values).equals(tagValue)) {
      return StepResult.alreadyDone(chartPath + " on " + baseBranch + " already has appVersion " + version);
    }
    Map<String, byte[]> wanted = new LinkedHashMap<>();
    byte[] newChart = appVersionKey.writeValue(chart, version.toString());
    String chartVersionNote = "";
    if (chartBump != null) {
      String current = chartVersionKey.readValue(newChart);
      Version bumped;
      try {
        bumped = Version.parse(current, VersionScheme.SEMVER).bump(Bump.valueOf(chartBump.name()));
      } catch (PreconditionException e) {
        throw new PreconditionException(chartPath + ": the chart version '" + current + "' is not semver, so it"
            + " cannot be bumped. Fix it, or drop bumpChartVersion(...).", e);
      }
      newChart = chartVersionKey.writeValue(newChart, bumped.toString());
      chartVersionNote = ", chart version " + current + " -> " + bumped;
    }
    wanted.put(chartPath, newChart);
    wanted.put(valuesPath, tagKey.writeValue(values, tagValue));

    List<String> did = new ArrayList<>();
    Optional<String> branchTip = origin.branch(branch).map(CommitId::name);
    if (branchTip.isEmpty()) {
      workspace.createBranch(origin, branch, CommitId.of(baseTip));
      branchTip = Optional.of(baseTip);
      did.add("created " + branch);
    }
    boolean edited = matches(workspace, branchTip.get(), wanted);
    if (!edited) {
      boolean untouched = matches(workspace, branchTip.get(), Map.of(chartPath, chart, valuesPath, values));
      if (!untouched) {
        throw new ConflictException("The branch '" + branch + "' already exists on the chart repository's origin"
            + " with other edits to " + chartPath + " or " + valuesPath + ". Nothing was changed. Look at it;"
            + " delete it if it is stale, or name another branch with branch(...).");
      }
      workspace.commit(branch, branchTip.get(), title(version) + chartVersionNote.replace(", ", "\n\n"), wanted);
      if (!matches(workspace, workspace.remoteBranch(branch).orElse(""), wanted)) {
        throw new ConflictException("After committing, origin's '" + branch + "' does not hold the edited chart."
            + " Someone may be pushing to it; look at it and run again.");
      }
      did.add("committed appVersion " + version + chartVersionNote + ", image " + tagValue);
    }

    Optional<PullRequest> existing = hosting.findPullRequest(branch, baseBranch);
    PullRequest pr;
    if (existing.isPresent()) {
      pr = existing.get();
      if (pr.state() == PullRequest.State.CLOSED) {
        throw new ConflictException("The pull request " + pr + " for the chart was closed without merging."
            + " Reopen it, or delete the branch '" + branch + "' and run again.");
      }
    } else {
      pr = hosting.openPullRequest(branch, baseBranch, title(version), body(version, tagValue));
      context.change(Change.of(Change.Kind.PULL_REQUEST, "#" + pr.number(), "open " + pr));
      did.add("opened #" + pr.number());
    }
    if (label != null && !pr.hasLabel(label) && !pr.isMerged()) {
      hosting.addLabels(pr.number(), List.of(label));
      context.change(Change.of(Change.Kind.LABEL, "#" + pr.number(), "label #" + pr.number() + " '" + label + "'"));
      did.add("labelled '" + label + "'");
      if (!hosting.pullRequest(pr.number()).hasLabel(label)) {
        throw new ConflictException("The label '" + label + "' did not stick to #" + pr.number() + ". Add it by"
            + " hand and run again.");
      }
    }
    if (did.isEmpty()) {
      return StepResult.alreadyDone("#" + pr.number() + " (" + branch + ") already bumps the chart to " + version);
    }
    return StepResult.done(String.join("; ", did));
  }

  private YamlValue tagKey(String valuesPath, byte[] values) {
    if (valuesKey != null) {
      return YamlValue.at(valuesPath, valuesKey);
    }
    YamlValue preferred = YamlValue.at(valuesPath, "image.default");
    try {
      preferred.readValue(values);
      return preferred;
    } catch (PreconditionException noDefault) {
      return YamlValue.at(valuesPath, "image.tag");
    }
  }

  private void requireLabel(Hosting hosting) {
    Labels.requireExisting(hosting.labels(), List.of(label), hosting.webUrl());
  }

  private static byte[] read(Workspace workspace, String revision, String path, String branch) {
    return workspace.readFile(revision, path).orElseThrow(() -> new PreconditionException(path + " does not exist"
        + " on " + branch + " of the chart repository. Check the chart folder given to HelmChart.at(...)."));
  }

  private static boolean matches(Workspace workspace, String revision, Map<String, byte[]> files) {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Optional<byte[]> there = workspace.readFile(revision, file.getKey());
      if (there.isEmpty() || !Arrays.equals(there.get(), file.getValue())) {
        return false;
      }
    }
    return true;
  }

  private String title(Version version) {
    return expand(titlePattern, version);
  }

  private String body(Version version, String tagValue) {
    return "Points the chart in `" + directory + "` at " + version + ":\n\n- `appVersion: " + version + "`\n"
        + "- image `" + tagValue + "`\n" + (chartBump == null ? ""
        : "- chart version: " + chartBump.name().toLowerCase(Locale.ROOT) + " bump\n")
        + "\nOpened by releasekit.";
  }

  private static String expand(String pattern, Version version) {
    return pattern.replace("{version}", version.toString()).replace("{major}", String.valueOf(version.major()))
        .replace("{minor}", String.valueOf(version.minor())).replace("{patch}", String.valueOf(version.patch()));
  }

  @Override
  public String toString() {
    return description();
  }
}
