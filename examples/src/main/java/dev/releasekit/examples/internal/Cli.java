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
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The command line's parser and its three commands, on picocli; {@code ReleaseKit} is its entry. The commands are
 * modelled in code with picocli's model API, not with its annotations: reading annotations costs reflection and a
 * proxy class made for each annotation type, which was most of picocli's share of a cold start.
 */
public final class Cli implements Callable<Integer> {
  static final String DESCRIPTION = "Plans and runs releases: a plan rehearses every step on a throwaway copy, a"
      + " run does it, and running again finishes a half-done release and duplicates nothing.";
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
    CommandLine line = new CommandLine(new Cli(context).spec());
    line.addSubcommand("plan", modelled.test("plan") ? new PlanCommand(context).spec() : outline(PLAN));
    line.addSubcommand("run", modelled.test("run") ? new RunCommand(context).spec() : outline(RUN));
    line.addSubcommand("list", modelled.test("list") ? new ListCommand(context).spec() : outline(LIST));
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

  private CommandSpec spec() {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("releasekit").versionProvider(new Version());
    spec.usageMessage().description(DESCRIPTION).footerHeading("%n").footer(Exits.HELP, "", USER_FLOWS);
    return standardHelpOptions(spec);
  }

  /** {@code -h} and {@code -V} as picocli's {@code mixinStandardHelpOptions} words them. */
  private static CommandSpec standardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  @Override
  public Integer call() {
    // The root's usage alone, as before a command is named.
    new CommandLine(spec()).usage(context.err());
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

  /** The options of {@code plan} and {@code run}: the flow, its inputs, and the output's form. */
  abstract static class FlowCommand implements Callable<Integer> {
    final Context context;
    private final String name;
    private final String description;
    private CommandSpec spec;

    String flow;
    List<String> arguments = List.of();
    String version;
    String core;
    String website;
    String posthog;
    String charts;
    Path workdir;
    LocalDate date;
    String milestone;
    String registry;
    String image;
    int imageWaitMinutes;
    String chartLabel;
    Path changelog;
    String channel;
    String announcement;
    String slackApiUrl;
    String postTitle;
    String postDescription;
    String postAuthor;
    boolean noCredits;
    boolean creditsTakeOver;
    Map<String, String> github = new LinkedHashMap<>();
    String githubApiUrl;
    List<String> confirm = List.of();
    List<String> resend = List.of();
    boolean json;
    boolean markdown;
    private Reporting reporting;

    FlowCommand(Context context, String name, String description) {
      this.context = context;
      this.name = name;
      this.description = description;
    }

    CommandSpec spec() {
      spec = CommandSpec.wrapWithoutInspection(this).name(name);
      spec.usageMessage().description(description).footerHeading("%n").footer(Exits.HELP);
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.")
          .build());
      spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("FLOW")
          .type(String.class).description("A built-in flow (see 'releasekit list'), or your own: a .java or .jsh"
              + " file.").build());
      spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").paramLabel("ARG")
          .type(List.class).auxiliaryTypes(String.class).description("After '--': arguments for your own flow.")
          .build());
      option("--version", "VERSION", String.class, "The version to release: 0.57, 0.56.2, 1.31.0.");
      option("--core", "PATH|URL", String.class, "Home Assistant's core: a clone, or a URL to clone.");
      option("--website", "PATH|URL", String.class, "Home Assistant's website (home-assistant.io); its steps are"
          + " left out without it.");
      option("--posthog", "PATH|URL", String.class, "PostHog's app repository.");
      option("--charts", "PATH|URL", String.class, "PostHog's Helm chart repository (charts-clickhouse).");
      option("--workdir", "DIR", Path.class, "Where repositories given as URLs are cloned (default: a new"
          + " temporary folder).");
      option("--date", "YYYY-MM-DD", LocalDate.class, "The release's date (default: today in the project's time"
          + " zone).");
      option("--milestone", "TITLE", String.class, "The milestone to cherry-pick (default: the release's title,"
          + " such as 0.57).");
      option("--registry", "HOST", String.class, "The image registry (default: ${DEFAULT-VALUE}).", "docker.io");
      option("--image", "REPOSITORY", String.class, "The image repository whose release-VERSION tag the launch"
          + " waits for (default: ${DEFAULT-VALUE}).", "posthog/posthog");
      option("--image-wait", "MINUTES", int.class, "How long the launch waits for the image (default:"
          + " ${DEFAULT-VALUE}).", "120");
      option("--chart-label", "LABEL", String.class, "The chart pull request's label (default: ${DEFAULT-VALUE}).",
          "bump minor");
      option("--changelog", "FILE", Path.class, "The changelog section's body (Markdown); default: built from the"
          + " release's pull requests.");
      option("--channel", "CHANNEL", String.class, "The Slack channel to announce in, with SLACK_BOT_TOKEN from the"
          + " environment; no announcement without it.");
      option("--announcement", "TEXT", String.class, "The announcement's template (default: \"<project>"
          + " {version} is out\").");
      spec.addOption(OptionSpec.builder("--slack-api-url").paramLabel("URL").type(String.class).hidden(true)
          .build());
      option("--post-title", "TITLE", String.class, "The blog post's title (default: the release's title); it"
          + " must contain the minor version.");
      option("--post-description", "TEXT", String.class, "The blog post's description.");
      option("--post-author", "NAME", String.class, "The blog post's author (default: ${DEFAULT-VALUE}).",
          "Home Assistant");
      flag("--no-credits", "Leave the website's credits page as it is (by default the release day regenerates it"
          + " from the hosting's organisation).");
      flag("--credits-take-over", "Replace a credits page releasekit did not generate, or one edited since, once"
          + " (hass-release's page, say); later releases then regenerate it.");
      spec.addOption(OptionSpec.builder("--github").paramLabel("REPOSITORY=OWNER/NAME").type(Map.class)
          .auxiliaryTypes(String.class, String.class).description("Use GitHub for a repository of the flow (core,"
              + " website, posthog, charts), with GITHUB_TOKEN; by default the hosting is found from the clone's"
              + " origin.").build());
      option("--github-api-url", "URL", String.class, "GitHub's API (Enterprise: https://HOST/api/v3); default:"
          + " GITHUB_API_URL, else https://api.github.com.");
      spec.addOption(OptionSpec.builder("--confirm").paramLabel("KEY").type(List.class)
          .auxiliaryTypes(String.class).description("An announcement an earlier run may have sent did go out:"
              + " record it as done.").build());
      spec.addOption(OptionSpec.builder("--resend").paramLabel("KEY").type(List.class)
          .auxiliaryTypes(String.class).description("An announcement an earlier run may have sent did not go"
              + " out: send it.").build());
      spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")
          .addArg(OptionSpec.builder("--json").description("Print the plan or report as JSON.").build())
          .addArg(OptionSpec.builder("--markdown").description("Print the plan or report as GitHub-flavoured"
              + " Markdown.").build())
          .build());
      return spec;
    }

    private void option(String name, String label, Class<?> type, String description) {
      spec.addOption(OptionSpec.builder(name).paramLabel(label).type(type).description(description).build());
    }

    private void option(String name, String label, Class<?> type, String description, String defaultValue) {
      spec.addOption(OptionSpec.builder(name).paramLabel(label).type(type).description(description)
          .defaultValue(defaultValue).build());
    }

    private void flag(String name, String description) {
      spec.addOption(OptionSpec.builder(name).description(description).build());
    }

    /** The parsed values, into the fields {@code Flows} reads. */
    private void read() {
      flow = spec.positionalParameters().get(0).getValue();
      arguments = valueOr(spec.positionalParameters().get(1).getValue(), List.of());
      version = value("--version");
      core = value("--core");
      website = value("--website");
      posthog = value("--posthog");
      charts = value("--charts");
      workdir = value("--workdir");
      date = value("--date");
      milestone = value("--milestone");
      registry = value("--registry");
      image = value("--image");
      imageWaitMinutes = value("--image-wait");
      chartLabel = value("--chart-label");
      changelog = value("--changelog");
      channel = value("--channel");
      announcement = value("--announcement");
      slackApiUrl = value("--slack-api-url");
      postTitle = value("--post-title");
      postDescription = value("--post-description");
      postAuthor = value("--post-author");
      noCredits = valueOr(value("--no-credits"), false);
      creditsTakeOver = valueOr(value("--credits-take-over"), false);
      github = valueOr(value("--github"), new LinkedHashMap<>());
      githubApiUrl = value("--github-api-url");
      confirm = valueOr(value("--confirm"), List.of());
      resend = valueOr(value("--resend"), List.of());
      json = valueOr(value("--json"), false);
      markdown = valueOr(value("--markdown"), false);
    }

    private <T> T value(String option) {
      return spec.findOption(option).getValue();
    }

    private static <T> T valueOr(T value, T otherwise) {
      return value == null ? otherwise : value;
    }

    @Override
    public Integer call() {
      read();
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
      context.out().print(json ? plan.toJson() + "\n" : markdown ? plan.toMarkdown()
          : plan.toString());
    }

    void print(Report report) {
      reporting.finished(report);
      context.out().print(json ? report.toJson() + "\n" : markdown ? report.toMarkdown()
          : report.toString());
    }
  }

  static final String PLAN = "Rehearse a flow: every step runs on a throwaway copy, nothing is written anywhere;"
      + " print what each step would do.";
  static final String RUN = "Run a flow: rehearse it, then do it. Running it again finishes a half-done release; a"
      + " release already done writes nothing.";
  static final String LIST = "List the built-in flows and the options each needs.";

  static final class PlanCommand extends FlowCommand {
    PlanCommand(Context context) {
      super(context, "plan", PLAN);
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

  static final class RunCommand extends FlowCommand {
    RunCommand(Context context) {
      super(context, "run", RUN);
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

  static final class ListCommand implements Callable<Integer> {
    private final Context context;

    ListCommand(Context context) {
      this.context = context;
    }

    CommandSpec spec() {
      CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("list");
      spec.usageMessage().description(LIST);
      return standardHelpOptions(spec);
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
