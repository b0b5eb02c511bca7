package dev.releasekit.examples.internal;

import dev.releasekit.Plan;
import dev.releasekit.Release;
import dev.releasekit.ReleaseException;
import dev.releasekit.examples.ReleaseKit;
import dev.releasekit.Report;
import dev.releasekit.spi.Sleeper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line's parser and its three commands, on picocli; {@code ReleaseKit} is its entry. */
@Command(name = "releasekit", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "Plans and runs releases: a plan rehearses every step on a throwaway copy, a run does it, and"
        + " running again finishes a half-done release and duplicates nothing.",
    footerHeading = "%n", footer = {Exits.HELP, "", Cli.USER_FLOWS})
public final class Cli implements Callable<Integer> {
  static final String USER_FLOWS = "Your own flow: pass a file instead of a flow's name. A Java source file"
      + " (Flow.java) declares a public class of the file's name with 'public static Release release(String..."
      + " args)'; it is compiled against the jar, and the arguments after '--' are its args. A JShell script"
      + " (flow.jsh) ends with a variable named release, or an expression, holding the Release; the arguments"
      + " after '--' are in its String[] args, declared after the script's imports.";

  /** What a command line runs against: the environment, time, and where output goes. */
  public record Context(Map<String, String> environment, Sleeper sleeper, boolean terminal, PrintWriter out,
      PrintWriter err) {}

  private final Context context;

  private Cli(Context context) {
    this.context = context;
  }

  /** Parses {@code args}, runs the command, and returns the exit code; it never exits the JVM. */
  public static int execute(Context context, String... args) {
    // Only the command named is modelled from its annotations: picocli reads them by reflection, and modelling
    // plan's and run's thirty options both would cost a cold start tens of milliseconds for the one not run.
    // The root command has no option that takes a value, so its first argument that is not an option names it.
    String named = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
    return commandLine(context, named::equals).execute(args);
  }

  /** The command line with its commands and handlers, ready to execute; tests read its options from it. */
  public static CommandLine commandLine(Context context) {
    return commandLine(context, name -> true);
  }

  /**
   * The command line; a command {@code modelled} refuses stands in by its name and description alone, enough for
   * the root's help to list it.
   */
  private static CommandLine commandLine(Context context, Predicate<String> modelled) {
    CommandLine line = new CommandLine(new Cli(context));
    line.addSubcommand("plan", modelled.test("plan") ? new PlanCommand(context) : outline(PLAN));
    line.addSubcommand("run", modelled.test("run") ? new RunCommand(context) : outline(RUN));
    line.addSubcommand("list", modelled.test("list") ? new ListCommand(context) : outline(LIST));
    line.setOut(context.out()).setErr(context.err());
    line.setColorScheme(CommandLine.Help.defaultColorScheme(context.terminal() ? CommandLine.Help.Ansi.ON
        : CommandLine.Help.Ansi.OFF));
    line.setParameterExceptionHandler((e, arguments) -> {
      context.err().println("releasekit: " + e.getMessage());
      context.err().println("Run 'releasekit " + (e.getCommandLine() == line ? "" : e.getCommandLine()
          .getCommandName() + " ") + "--help' for the options.");
      return ReleaseKit.USAGE;
    });
    line.setExecutionExceptionHandler((e, command, parsed) -> Exits.report(e, context.err()));
    return line;
  }

  private static CommandLine outline(String description) {
    return new CommandLine(CommandSpec.create().usageMessage(new UsageMessageSpec().description(description)));
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(context.err());
    return ReleaseKit.USAGE;
  }

  /** The jar's version, from its manifest when built as the runnable jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"releasekit " + (version == null ? "(development build)" : version)};
    }
  }

  /** Which form the plan or report is printed in. */
  static final class Format {
    @Option(names = "--json", description = "Print the plan or report as JSON.")
    boolean json;
    @Option(names = "--markdown", description = "Print the plan or report as GitHub-flavoured Markdown.")
    boolean markdown;
  }

  /** The options of {@code plan} and {@code run}: the flow, its inputs, and the output's form. */
  abstract static class FlowCommand implements Callable<Integer> {
    final Context context;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
    @Parameters(index = "0", paramLabel = "FLOW", description = "A built-in flow (see 'releasekit list'), or your"
        + " own: a .java or .jsh file.")
    String flow;
    @Parameters(index = "1..*", paramLabel = "ARG", description = "After '--': arguments for your own flow.")
    List<String> arguments = List.of();
    @Option(names = "--version", paramLabel = "VERSION", description = "The version to release: 0.57, 0.56.2,"
        + " 1.31.0.")
    String version;
    @Option(names = "--core", paramLabel = "PATH|URL", description = "Home Assistant's core: a clone, or a URL"
        + " to clone.")
    String core;
    @Option(names = "--website", paramLabel = "PATH|URL", description = "Home Assistant's website"
        + " (home-assistant.io); its steps are left out without it.")
    String website;
    @Option(names = "--posthog", paramLabel = "PATH|URL", description = "PostHog's app repository.")
    String posthog;
    @Option(names = "--charts", paramLabel = "PATH|URL", description = "PostHog's Helm chart repository"
        + " (charts-clickhouse).")
    String charts;
    @Option(names = "--workdir", paramLabel = "DIR", description = "Where repositories given as URLs are cloned"
        + " (default: a new temporary folder).")
    Path workdir;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The release's date (default: today in"
        + " the project's time zone).")
    LocalDate date;
    @Option(names = "--milestone", paramLabel = "TITLE", description = "The milestone to cherry-pick (default:"
        + " the release's title, such as 0.57).")
    String milestone;
    @Option(names = "--registry", paramLabel = "HOST", defaultValue = "docker.io", description = "The image"
        + " registry (default: ${DEFAULT-VALUE}).")
    String registry;
    @Option(names = "--image", paramLabel = "REPOSITORY", defaultValue = "posthog/posthog", description = "The"
        + " image repository whose release-VERSION tag the launch waits for (default: ${DEFAULT-VALUE}).")
    String image;
    @Option(names = "--image-wait", paramLabel = "MINUTES", defaultValue = "120", description = "How long the"
        + " launch waits for the image (default: ${DEFAULT-VALUE}).")
    int imageWaitMinutes;
    @Option(names = "--chart-label", paramLabel = "LABEL", defaultValue = "bump minor", description = "The chart"
        + " pull request's label (default: ${DEFAULT-VALUE}).")
    String chartLabel;
    @Option(names = "--changelog", paramLabel = "FILE", description = "The changelog section's body (Markdown);"
        + " default: built from the release's pull requests.")
    Path changelog;
    @Option(names = "--channel", paramLabel = "CHANNEL", description = "The Slack channel to announce in, with"
        + " SLACK_BOT_TOKEN from the environment; no announcement without it.")
    String channel;
    @Option(names = "--announcement", paramLabel = "TEXT", description = "The announcement's template (default:"
        + " \"<project> {version} is out\").")
    String announcement;
    @Option(names = "--slack-api-url", paramLabel = "URL", hidden = true)
    String slackApiUrl;
    @Option(names = "--post-title", paramLabel = "TITLE", description = "The blog post's title (default: the"
        + " release's title); it must contain the minor version.")
    String postTitle;
    @Option(names = "--post-description", paramLabel = "TEXT", description = "The blog post's description.")
    String postDescription;
    @Option(names = "--post-author", paramLabel = "NAME", defaultValue = "Home Assistant", description = "The"
        + " blog post's author (default: ${DEFAULT-VALUE}).")
    String postAuthor;
    @Option(names = "--no-credits", description = "Leave the website's credits page as it is (by default the"
        + " release day regenerates it from the hosting's organisation).")
    boolean noCredits;
    @Option(names = "--credits-take-over", description = "Replace a credits page releasekit did not generate, or"
        + " one edited since, once (hass-release's page, say); later releases then regenerate it.")
    boolean creditsTakeOver;
    @Option(names = "--github", paramLabel = "REPOSITORY=OWNER/NAME", description = "Use GitHub for a"
        + " repository of the flow (core, website, posthog, charts), with GITHUB_TOKEN; by default the hosting is"
        + " found from the clone's origin.")
    Map<String, String> github = new LinkedHashMap<>();
    @Option(names = "--github-api-url", paramLabel = "URL", description = "GitHub's API (Enterprise:"
        + " https://HOST/api/v3); default: GITHUB_API_URL, else https://api.github.com.")
    String githubApiUrl;
    @Option(names = "--confirm", paramLabel = "KEY", description = "An announcement an earlier run may have sent"
        + " did go out: record it as done.")
    List<String> confirm = List.of();
    @Option(names = "--resend", paramLabel = "KEY", description = "An announcement an earlier run may have sent"
        + " did not go out: send it.")
    List<String> resend = List.of();
    @ArgGroup(exclusive = true)
    Format format = new Format();

    private Reporting reporting;

    FlowCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Release release;
      try {
        release = Flows.release(this, context);
      } catch (UsageException e) {
        context.err().println("releasekit: " + e.getMessage());
        return ReleaseKit.USAGE;
      }
      reporting = Reporting.forEnvironment(context);
      return execute(release.listener(reporting.listener()));
    }

    abstract int execute(Release release);

    void failed(ReleaseException failure) {
      reporting.failed(failure);
    }

    void print(Plan plan) {
      reporting.finished(plan);
      context.out().print(format.json ? plan.toJson() + "\n" : format.markdown ? plan.toMarkdown()
          : plan.toString());
    }

    void print(Report report) {
      reporting.finished(report);
      context.out().print(format.json ? report.toJson() + "\n" : format.markdown ? report.toMarkdown()
          : report.toString());
    }
  }

  static final String PLAN = "Rehearse a flow: every step runs on a throwaway copy, nothing is written anywhere;"
      + " print what each step would do.";
  static final String RUN = "Run a flow: rehearse it, then do it. Running it again finishes a half-done release; a"
      + " release already done writes nothing.";
  static final String LIST = "List the built-in flows and the options each needs.";

  @Command(name = "plan", description = PLAN,
      footerHeading = "%n", footer = Exits.HELP)
  static final class PlanCommand extends FlowCommand {
    PlanCommand(Context context) {
      super(context);
    }

    @Override
    int execute(Release release) {
      Plan plan;
      try {
        plan = release.plan();
      } catch (ReleaseException e) {
        failed(e);
        return Exits.report(e, context.err());
      }
      print(plan);
      return Exits.of(plan, context.err());
    }
  }

  @Command(name = "run", description = RUN,
      footerHeading = "%n", footer = Exits.HELP)
  static final class RunCommand extends FlowCommand {
    RunCommand(Context context) {
      super(context);
    }

    @Override
    int execute(Release release) {
      Report report;
      try {
        report = release.run();
      } catch (ReleaseException e) {
        failed(e);
        e.report().ifPresent(this::print);
        return Exits.report(e, context.err());
      }
      print(report);
      if (report.isNoOp()) {
        context.err().println("releasekit: nothing to do: every step is already done");
      }
      return ReleaseKit.DONE;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = LIST)
  static final class ListCommand implements Callable<Integer> {
    private final Context context;

    ListCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      for (Flows.Flow flow : Flows.ALL) {
        context.out().printf("%-20s %s%n%-20s   needs: %s%n", flow.name(), flow.summary(), "", flow.needs());
      }
      return ReleaseKit.DONE;
    }
  }
}
