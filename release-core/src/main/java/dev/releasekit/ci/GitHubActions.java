package dev.releasekit.ci;

import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.Precondition;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.ReleaseException;
import dev.releasekit.ReleaseListener;
import dev.releasekit.ReleaseResults;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.Secret;
import dev.releasekit.StepResult;
import dev.releasekit.ci.internal.OutputFile;
import dev.releasekit.ci.internal.StepSummary;
import dev.releasekit.ci.internal.WorkflowCommands;
import dev.releasekit.internal.Rendering;
import dev.releasekit.internal.ResultFields;
import dev.releasekit.notes.ReleaseNotes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * GitHub Actions, for a program that plans or runs a release inside a workflow step. It is found from the
 * environment the runner sets ({@code GITHUB_ACTIONS=true}), and it has no HTTP client: it only prints workflow
 * commands and writes the runner's files.
 *
 * <pre>{@code
 * GitHubActions actions = GitHubActions.fromEnvironment(System.getenv()).orElseThrow();
 * try {
 *   Report report = release.listener(actions.listener()).run();   // masks, one ::group:: per step, inert text
 *   actions.publish(report);                                       // annotations, step summary, outputs
 * } catch (ReleaseException e) {
 *   actions.publish(e);                                            // ::error, the partial report, outcome=blocked
 * }
 * }</pre>
 *
 * <p>What goes where:
 * <ul>
 *   <li>{@link #listener()} registers every credential of the release with {@code ::add-mask::} before anything
 *       else is printed, wraps each step's log in {@code ::group::N) step} ... {@code ::endgroup::}, and prints all
 *       text that may come from others (pull request titles, commit subjects, command output) between
 *       {@code ::stop-commands::TOKEN} and {@code ::TOKEN::}, so a commit subject holding {@code ::error::} stays
 *       text.
 *   <li>{@link #annotate(ReleaseResults)} turns a BLOCKED step into {@code ::error title=N) step::what to do next},
 *       a plan's failing precondition into an error too, and warnings (a step's warnings, the commits the release
 *       notes dropped, a precondition's warning) into {@code ::warning}. Every value is escaped as the Actions
 *       toolkit escapes it.
 *   <li>{@link #writeSummary(ReleaseResults)} appends the Markdown plan or report ({@link Plan#toMarkdown()}) to
 *       {@code $GITHUB_STEP_SUMMARY}, long outputs folded, kept under GitHub's 1 MiB limit.
 *   <li>{@link #writeOutputs(ReleaseResults)} appends the typed results to {@code $GITHUB_OUTPUT}: {@code version},
 *       {@code outcome} ({@code would-do}, {@code already-done}, {@code done} or {@code blocked}), {@code tag},
 *       {@code pr-number}, {@code pr-url} and {@code release-url} when the release has them.
 * </ul>
 * A later step of the workflow reads them as {@code steps.<id>.outputs.pr-url}. Enterprise servers are named by
 * {@link #serverUrl()} and {@link #apiUrl()}, from {@code GITHUB_SERVER_URL} and {@code GITHUB_API_URL}.
 */
public final class GitHubActions {
  private static final String DEFAULT_SERVER = "https://github.com";
  private static final String DEFAULT_API = "https://api.github.com";

  private final Map<String, String> environment;
  private final PrintStream out;
  private final Supplier<String> random;
  private final Set<Secret> masked;

  private GitHubActions(Map<String, String> environment, PrintStream out, Supplier<String> random,
      Set<Secret> masked) {
    this.environment = environment;
    this.out = out;
    this.random = random;
    this.masked = masked;
  }

  /**
   * GitHub Actions when {@code environment} says the program runs in a workflow ({@code GITHUB_ACTIONS=true}),
   * printing its commands to {@code System.out}; empty anywhere else.
   */
  public static Optional<GitHubActions> fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    if (!"true".equals(environment.get("GITHUB_ACTIONS"))) {
      return Optional.empty();
    }
    return Optional.of(new GitHubActions(Map.copyOf(environment), System.out, WorkflowCommands::randomToken,
        ConcurrentHashMap.newKeySet()));
  }

  /** The same, printing its commands to {@code out} instead: the runner reads the step's standard output. */
  public GitHubActions printingTo(PrintStream out) {
    return new GitHubActions(environment, Objects.requireNonNull(out, "out"), random, masked);
  }

  /** The web address of the GitHub server, {@code GITHUB_SERVER_URL}: {@code https://github.com} by default. */
  public String serverUrl() {
    return nonBlank("GITHUB_SERVER_URL").orElse(DEFAULT_SERVER);
  }

  /** The REST API base, {@code GITHUB_API_URL}: {@code https://api.github.com}, or {@code https://HOST/api/v3}. */
  public String apiUrl() {
    return nonBlank("GITHUB_API_URL").orElse(DEFAULT_API);
  }

  /** The repository the workflow runs in, {@code owner/name}, from {@code GITHUB_REPOSITORY}. */
  public Optional<String> repository() {
    return nonBlank("GITHUB_REPOSITORY");
  }

  private Optional<String> nonBlank(String variable) {
    return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isBlank()).map(String::strip);
  }

  // Printing

  /**
   * A listener that speaks to the runner: the release's credentials masked first, then per step a group with the
   * step's progress and result inside, every line that may come from others made inert. Annotations come from
   * {@link #annotate} once the plan or run is over, because a run that is blocked by its rehearsal reports no
   * step to a listener.
   */
  public ReleaseListener listener() {
    return new Listener();
  }

  /**
   * Registers each secret with {@code ::add-mask::}, so the runner prints {@code ***} wherever its value would
   * appear; a value with several lines is also registered line by line. Each secret is registered once.
   */
  public void mask(Collection<Secret> secrets) {
    for (Secret secret : secrets) {
      if (!masked.add(secret)) {
        continue;
      }
      List<String> values = secret.reveal(value -> {
        List<String> parts = new ArrayList<>();
        parts.add(value);
        if (value.contains("\n") || value.contains("\r")) {
          value.lines().filter(line -> !line.isBlank()).forEach(parts::add);
        }
        return parts;
      });
      for (String value : values) {
        out.println(WorkflowCommands.command("add-mask", Map.of(), value));
      }
    }
    out.flush();
  }

  /** Masks every credential {@code release} is wired with ({@link Release#secrets()}). */
  public void mask(Release release) {
    mask(release.secrets());
  }

  /** Prints text that others wrote, between stop-commands markers, so that nothing in it acts as a command. */
  public void printUntrusted(String text) {
    out.println(WorkflowCommands.inert(text, random));
    out.flush();
  }

  /**
   * Prints the annotations of a finished plan or run: {@code ::error} for each BLOCKED step (title: the step;
   * text: its message, which says what to do next) and each failing precondition of a plan, {@code ::warning}
   * for each warning of a step, the commits its release notes dropped, and each precondition that warns.
   */
  public void annotate(ReleaseResults results) {
    if (results instanceof Plan plan) {
      for (Precondition precondition : plan.preconditions()) {
        String title = (precondition.repository().equals(Release.MAIN) ? "" : precondition.repository() + ": ")
            + precondition.what();
        if (precondition.blocks()) {
          annotation("error", title, precondition.message());
        } else if (precondition.state() == Precondition.State.WARNING) {
          annotation("warning", title, precondition.message());
        }
      }
    }
    Set<ReleaseNotes> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < results.steps().size(); i++) {
      StepResult step = results.steps().get(i);
      String title = (i + 1) + ") " + step.description();
      for (String warning : step.warnings()) {
        annotation("warning", title, warning);
      }
      step.result(ResultKey.NOTES).filter(notes -> !notes.dropped().isEmpty() && seen.add(notes))
          .ifPresent(notes -> annotation("warning", title, dropped(notes)));
      if (step.outcome() == Outcome.BLOCKED) {
        annotation("error", title, step.detail());
      }
    }
    out.flush();
  }

  /**
   * Prints the annotations of a plan or run that stopped with {@code failure}: those of its partial report, and
   * when no step of it shows the failure (the release was refused before its first step), one {@code ::error}
   * titled with the failure's kind.
   */
  public void annotate(ReleaseException failure) {
    Optional<ReleaseResults> report = failure.report().map(r -> r);
    report.ifPresent(this::annotate);
    if (report.map(r -> !r.isBlocked()).orElse(true)) {
      annotation("error", "releasekit: " + failure.getClass().getSimpleName(), String.valueOf(failure
          .getMessage()));
    }
    out.flush();
  }

  private void annotation(String level, String title, String message) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("title", title);
    out.println(WorkflowCommands.command(level, properties, message));
  }

  private static String dropped(ReleaseNotes notes) {
    StringBuilder text = new StringBuilder().append(notes.dropped().size())
        .append(notes.dropped().size() == 1 ? " commit was" : " commits were")
        .append(" left out of the release notes; check that none should be in them:");
    notes.dropped().forEach(d -> text.append('\n').append(d));
    return text.toString();
  }

  // Files

  /**
   * Appends the Markdown plan or report to {@code $GITHUB_STEP_SUMMARY}, long diffs and outputs folded. When it
   * would take the file past GitHub's 1 MiB limit, diffs and outputs are left out, and if that is still too long
   * the table is cut with a note. Does nothing when the variable is unset.
   */
  public void writeSummary(ReleaseResults results) {
    appendSummary(Rendering.markdown(results, true), Rendering.markdown(results, false));
  }

  private void appendSummary(String full, String compact) {
    Optional<Path> file = nonBlank("GITHUB_STEP_SUMMARY").map(Path::of);
    if (file.isEmpty()) {
      return;
    }
    try {
      long used = Files.exists(file.get()) ? Files.size(file.get()) : 0;
      append(file.get(), StepSummary.fit(full, compact, used));
    } catch (IOException e) {
      throw new PreconditionException("Cannot write the step summary to " + file.get() + " ($GITHUB_STEP_SUMMARY): "
          + e.getMessage() + ". Check that the runner created it and that the step may write there.", e);
    }
  }

  /**
   * Appends the typed results to {@code $GITHUB_OUTPUT} ({@link #outputs(ReleaseResults)}); a value with a line
   * break is written with a random delimiter that does not occur in it. Does nothing when the variable is unset.
   */
  public void writeOutputs(ReleaseResults results) {
    writeOutputs(outputs(results));
  }

  private void writeOutputs(Map<String, String> values) {
    Optional<Path> file = nonBlank("GITHUB_OUTPUT").map(Path::of);
    if (file.isEmpty()) {
      return;
    }
    try {
      append(file.get(), OutputFile.entries(values, random));
    } catch (IOException e) {
      throw new PreconditionException("Cannot write the step's outputs to " + file.get() + " ($GITHUB_OUTPUT): "
          + e.getMessage() + ". Check that the runner created it and that the step may write there.", e);
    }
  }

  /**
   * The outputs a plan or report gives the workflow, in this order: {@code version}, {@code outcome}
   * ({@code would-do}, {@code already-done}, {@code done} or {@code blocked}), then those present of {@code tag},
   * {@code pr-number}, {@code pr-url} (not for a pull request a plan would open) and {@code release-url}.
   */
  public Map<String, String> outputs(ReleaseResults results) {
    return ResultFields.of(results);
  }

  /** {@link #annotate(ReleaseResults)}, {@link #writeSummary} and {@link #writeOutputs}: all a step ends with. */
  public void publish(ReleaseResults results) {
    annotate(results);
    writeSummary(results);
    writeOutputs(results);
  }

  /**
   * What a step ends with when the plan or run threw: the annotations ({@link #annotate(ReleaseException)}), the
   * partial report and the failure in the summary, and the outputs with {@code outcome=blocked}.
   */
  public void publish(ReleaseException failure) {
    annotate(failure);
    String heading = "\n**Stopped: " + failure.getClass().getSimpleName() + "**\n\n> "
        + String.valueOf(failure.getMessage()).replace("\n", "\n> ") + "\n";
    Optional<Report> report = failure.report();
    if (report.isPresent()) {
      appendSummary(Rendering.markdown(report.get(), true) + heading, Rendering.markdown(report.get(), false)
          + heading);
      Map<String, String> values = new LinkedHashMap<>(outputs(report.get()));
      values.put("outcome", "blocked");
      writeOutputs(values);
    } else {
      appendSummary("## releasekit\n" + heading, "## releasekit\n" + heading);
      writeOutputs(Map.of("outcome", "blocked"));
    }
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override
  public String toString() {
    return "GitHubActions " + repository().orElse("(no repository)") + " on " + serverUrl();
  }

  /** Groups, masks and inert text; see {@link GitHubActions#listener()}. */
  private final class Listener implements ReleaseListener {
    @Override
    public void secretsInUse(List<Secret> secrets) {
      mask(secrets);
    }

    @Override
    public void stepStarted(int index, String description) {
      out.println(WorkflowCommands.command("group", Map.of(), index + ") " + description));
      out.flush();
    }

    @Override
    public void progress(int index, String message) {
      printUntrusted(message);
    }

    @Override
    public void stepFinished(int index, StepResult result) {
      StringBuilder text = new StringBuilder().append(index).append(") ").append(result.outcome()).append(' ')
          .append(result.description());
      if (!result.detail().isEmpty()) {
        text.append(" - ").append(result.detail());
      }
      text.append('\n');
      result.changes().forEach(change -> text.append("   ").append(change.summary()).append('\n'));
      result.warnings().forEach(warning -> text.append("   warning: ").append(warning).append('\n'));
      result.output().lines().forEach(line -> text.append("   | ").append(line).append('\n'));
      printUntrusted(text.toString());
      out.println(WorkflowCommands.command("endgroup", Map.of(), ""));
      out.flush();
    }
  }
}
