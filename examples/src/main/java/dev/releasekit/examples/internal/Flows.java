package dev.releasekit.examples.internal;

import dev.releasekit.Conventions;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.Secret;
import dev.releasekit.docker.HelmChart;
import dev.releasekit.docker.Registry;
import dev.releasekit.git.Workspace;
import dev.releasekit.github.GitHub;
import dev.releasekit.spi.Step;
import dev.releasekit.version.Version;
import dev.releasekit.website.BlogPost;
import dev.releasekit.website.Credits;
import dev.releasekit.website.Slack;
import dev.releasekit.website.Website;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in flows: every section of the two seed processes (Home Assistant's and PostHog's), each a function
 * of the command line's inputs to a {@link Release}.
 */
final class Flows {
  /** A built-in flow: its name on the command line, what it does, the options it needs, and how it is built. */
  record Flow(String name, String summary, String needs, Function<Inputs, Release> build) {}

  static final List<Flow> ALL = List.of(
      new Flow("ha-preparation", "Home Assistant's release preparation: core merges master into dev, cuts"
          + " release-X-Y, sets the version and opens the release PR; the website merges current into next, cuts"
          + " its release branch and opens its PR.", "--version, --core; --website for the site",
          Flows::homeAssistantPreparation),
      new Flow("ha-release-day", "Home Assistant's release day: core picks the milestone, writes the notes, merges"
          + " the PR, publishes the release, closes the milestone and starts the next development version; the"
          + " website writes the blog post, doc stubs, _config.yml and the credits page, and is merged once core's"
          + " release is out.",
          "--version, --core; --website, --date, --milestone, --post-title, --post-author, --no-credits,"
              + " --credits-take-over",
          Flows::homeAssistantReleaseDay),
      new Flow("ha-bugfix", "Home Assistant's bugfix release: cut release-X-Y-Z from master, pick the milestone,"
          + " bump PATCH_VERSION, open the PR with the notes, merge it, publish the release.",
          "--version, --core; --milestone", Flows::homeAssistantBugfix),
      new Flow("posthog-code-freeze", "PostHog's code freeze: cut release-VERSION from master, write log.txt (the"
          + " commit log), prepend the CHANGELOG.md section, set posthog/version.py.",
          "--version, --posthog; --changelog, --date", Flows::postHogCodeFreeze),
      new Flow("posthog-launch", "PostHog's launch: tag VERSION, wait for the release-VERSION image, bump the Helm"
          + " chart (appVersion, image tag) in a labelled PR, open the sync PR to master with the versions.json entry,"
          + " merge it once latest-release exists too, announce on Slack.",
          "--version, --posthog, --charts; --registry, --image, --image-wait, --chart-label, --channel",
          Flows::postHogLaunch));

  private Flows() {
  }

  /** The release a {@code plan} or {@code run} command line asks for, wired with its environment and options. */
  static Release release(Cli.FlowCommand command, Cli.Context context) {
    Release release;
    if (command.flow.endsWith(".java") || command.flow.endsWith(".jsh")) {
      release = UserFlows.load(Path.of(command.flow), command.arguments);
    } else {
      Flow flow = ALL.stream().filter(f -> f.name().equals(command.flow)).findFirst().orElseThrow(() ->
          new UsageException("There is no built-in flow '" + command.flow + "'. The flows are "
              + ALL.stream().map(Flow::name).collect(Collectors.joining(", ")) + ", or pass a .java or .jsh file"
              + " of your own."));
      if (!command.arguments.isEmpty()) {
        throw new UsageException("The built-in flow " + flow.name() + " takes no arguments; got "
            + command.arguments + ".");
      }
      if (command.version == null) {
        throw new UsageException(flow.name() + " needs --version, such as --version "
            + (flow.name().startsWith("posthog") ? "1.31.0" : "0.57") + ".");
      }
      release = flow.build().apply(new Inputs(command, context, flow));
    }
    release = release.environment(context.environment()).sleeper(context.sleeper());
    if (command.date != null) {
      release = release.date(command.date);
    }
    for (String key : command.confirm) {
      release = release.confirm(key);
    }
    for (String key : command.resend) {
      release = release.resend(key);
    }
    return onGitHub(release, command, context);
  }

  /** Wires GitHub for the repositories {@code --github} names; the others keep the hosting found from origin. */
  private static Release onGitHub(Release release, Cli.FlowCommand command, Cli.Context context) {
    if (command.github.isEmpty()) {
      return release;
    }
    String token = context.environment().get("GITHUB_TOKEN");
    if (token == null || token.isBlank()) {
      throw new UsageException("--github needs a token in GITHUB_TOKEN.");
    }
    String api = command.githubApiUrl != null ? command.githubApiUrl
        : context.environment().getOrDefault("GITHUB_API_URL", "https://api.github.com");
    List<String> repositories = release.repositories();
    for (Map.Entry<String, String> entry : command.github.entrySet()) {
      if (!repositories.contains(entry.getKey())) {
        throw new UsageException("--github names '" + entry.getKey() + "', which is no repository of this flow;"
            + " its repositories are " + repositories + ".");
      }
      try {
        GitHub github = GitHub.builder().baseUrl(api).repository(entry.getValue()).token(Secret.of(token))
            .sleeper(context.sleeper()).build();
        release = release.repository(entry.getKey()).hostedOn(github);
      } catch (PreconditionException e) {
        throw new UsageException("--github " + entry.getKey() + "=" + entry.getValue() + ": " + e.getMessage(), e);
      }
    }
    return release;
  }

  // The flows

  private static Release homeAssistantPreparation(Inputs in) {
    Release release = Release.of(in.version())
        .repository("core", in.repository("--core")).conventions(Conventions.homeAssistant())
            .mergeForward("master", "dev").cutBranch().bumpVersion().openPr();
    Optional<Path> website = in.optionalRepository("--website");
    if (website.isPresent()) {
      release = release.repository("website", website.get()).conventions(Conventions.homeAssistantWebsite())
          .mergeForward("current", "next").cutBranch().openPr();
    }
    return release;
  }

  private static Release homeAssistantReleaseDay(Inputs in) {
    Conventions site = Conventions.homeAssistantWebsite();
    Release release = Release.of(in.version())
        .repository("core", in.repository("--core")).conventions(Conventions.homeAssistant())
            .onReleaseBranch().cherryPickMilestone(in.milestone(Conventions.homeAssistant())).releaseNotes();
    Optional<Path> website = in.optionalRepository("--website");
    BlogPost post = website.isPresent() ? in.blogPost(site) : null;
    if (website.isPresent()) {
      release = release.repository("website", website.get()).conventions(site).onReleaseBranch()
          .then(Website.blogPost(post)).then(Website.docStubs()).then(Website.releaseKeys());
      if (!in.command.noCredits) {
        release = release.then(Website.credits(in.command.creditsTakeOver
            ? Credits.homeAssistant().toBuilder().replaceEdited().build() : Credits.homeAssistant()));
      }
    }
    release = release.repository("core").mergePr().publishRelease().closeMilestone().startNextDevelopment();
    if (website.isPresent()) {
      release = release.repository("website")
          .mergeForward(site.mainBranch(), site.releaseBranch(Version.parse(in.version())))
          .after("core", ResultKey.PUBLISHED_RELEASE).mergePr()
          .mergeForward(site.mainBranch(), site.developmentBranch()).then(Website.blogPostLive(post));
    }
    return release;
  }

  private static Release homeAssistantBugfix(Inputs in) {
    Conventions core = Conventions.homeAssistant();
    return Release.of(in.version())
        .repository("core", in.repository("--core")).conventions(core)
            .cutBranch(core.mainBranch()).cherryPickMilestone(in.milestone(core)).bumpVersion().openPr()
            .releaseNotes().mergePr().publishRelease();
  }

  private static Release postHogCodeFreeze(Inputs in) {
    Release release = Release.of(in.version())
        .repository("posthog", in.repository("--posthog")).conventions(Conventions.postHog())
            .cutBranch().commitLog();
    Optional<String> body = in.changelog();
    release = body.isPresent() ? release.changelog(body.get()) : release.changelog();
    return release.bumpVersion();
  }

  private static Release postHogLaunch(Inputs in) {
    String version = Version.parse(in.version()).toString();
    Registry registry = Registry.builder().sleeper(in.context.sleeper()).build();
    Release release = Release.of(in.version())
        .repository("posthog", in.repository("--posthog")).conventions(Conventions.postHog())
            .onReleaseBranch().tag()
        .repository("charts", in.repository("--charts")).conventions(Conventions.postHog())
            .then(registry.awaitTag(in.image("release-" + version), Duration.ofMinutes(in.command.imageWaitMinutes)))
            .then(HelmChart.at("charts/posthog").bumpChartVersion(HelmChart.VersionBump.MINOR)
                .label(in.command.chartLabel))
        .repository("posthog")
            .syncBranch().then(Website.versionsEntry())
            // Merging the sync pull request tells users an update is available: only once both images exist.
            .then(registry.awaitTag(in.image("latest-release"), Duration.ofMinutes(in.command.imageWaitMinutes)))
            .mergeSyncPr();
    Optional<Step> announcement = in.announcement("PostHog {version} is out");
    return announcement.isPresent() ? release.then(announcement.get()) : release;
  }

  /** The command line's values as the flows read them, with the checks and the cloning they need. */
  static final class Inputs {
    final Cli.FlowCommand command;
    final Cli.Context context;
    private final Flow flow;

    Inputs(Cli.FlowCommand command, Cli.Context context, Flow flow) {
      this.command = command;
      this.context = context;
      this.flow = flow;
    }

    String version() {
      return command.version;
    }

    /** The clone the option names: a folder, or a URL cloned into {@code --workdir}. */
    Path repository(String option) {
      return optionalRepository(option).orElseThrow(() -> new UsageException(flow.name() + " needs " + option
          + " PATH|URL: a clone of the repository, or its URL."));
    }

    Optional<Path> optionalRepository(String option) {
      String value = switch (option) {
        case "--core" -> command.core;
        case "--website" -> command.website;
        case "--posthog" -> command.posthog;
        case "--charts" -> command.charts;
        default -> throw new IllegalArgumentException(option);
      };
      if (value == null) {
        return Optional.empty();
      }
      if (value.matches("[a-z][a-z0-9+.-]*://.*") || value.matches("[^/]+@[^/:]+:.*")) {
        return Optional.of(cloned(option.substring(2), value));
      }
      Path path = Path.of(value);
      if (!Files.isDirectory(path)) {
        throw new UsageException(option + " " + value + " is neither a folder nor a URL.");
      }
      return Optional.of(path);
    }

    private Path cloned(String name, String url) {
      try {
        Path root = command.workdir != null ? command.workdir : Files.createTempDirectory("releasekit-");
        Path folder = root.resolve(name);
        String token = context.environment().get("GITHUB_TOKEN");
        try (Workspace clone = Workspace.cloneFrom(url, folder, token == null || token.isBlank() ? null
            : Secret.of(token))) {
          context.err().println("[releasekit] cloned " + url + " into " + clone.directory());
        }
        return folder;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String milestone(Conventions conventions) {
      return command.milestone != null ? command.milestone
          : conventions.pullRequestTitle(Version.parse(command.version).inScheme(conventions.scheme()));
    }

    Optional<String> changelog() {
      if (command.changelog == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(command.changelog, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UsageException("--changelog " + command.changelog + " cannot be read: " + e.getMessage(), e);
      }
    }

    String image(String tag) {
      return command.registry + "/" + command.image + ":" + tag;
    }

    BlogPost blogPost(Conventions site) {
      Version version = Version.parse(command.version).inScheme(site.scheme());
      String title = command.postTitle != null ? command.postTitle : site.pullRequestTitle(version);
      try {
        return BlogPost.builder().title(title)
            .description(command.postDescription != null ? command.postDescription
                : "Home Assistant " + title + " is out.")
            .author(command.postAuthor).build();
      } catch (PreconditionException e) {
        throw new UsageException("The blog post: " + e.getMessage(), e);
      }
    }

    /** The Slack announcement {@code --channel} asks for, with SLACK_BOT_TOKEN. */
    Optional<Step> announcement(String defaultText) {
      if (command.channel == null) {
        return Optional.empty();
      }
      String token = context.environment().get("SLACK_BOT_TOKEN");
      if (token == null || token.isBlank()) {
        throw new UsageException("--channel needs the Slack bot's token in SLACK_BOT_TOKEN.");
      }
      Slack.Builder slack = Slack.builder().token(Secret.of(token)).channel(command.channel);
      if (command.slackApiUrl != null) {
        slack.apiUrl(command.slackApiUrl);
      }
      return Optional.of(slack.build().announce(command.announcement != null ? command.announcement
          : defaultText));
    }
  }
}
