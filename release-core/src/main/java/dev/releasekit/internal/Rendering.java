package dev.releasekit.internal;

import com.squareup.moshi.JsonWriter;
import dev.releasekit.Change;
import dev.releasekit.Plan;
import dev.releasekit.Precondition;
import dev.releasekit.ReleaseResults;
import dev.releasekit.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Renders plans and reports as text, JSON and Markdown; one place so the three forms never drift apart. */
public final class Rendering {
  private Rendering() {
  }

  public static String text(String title, List<StepResult> steps) {
    return text(title, List.of(), steps);
  }

  /** The text form, with the preconditions checked before the steps listed between the title and the steps. */
  public static String text(String title, List<Precondition> preconditions, List<StepResult> steps) {
    StringBuilder out = new StringBuilder(title).append('\n');
    boolean several = severalRepositories(steps);
    for (Precondition precondition : preconditions) {
      out.append("  ").append(several ? prefixed(precondition) : precondition).append('\n');
    }
    for (int i = 0; i < steps.size(); i++) {
      StepResult step = steps.get(i);
      // Concatenated, not String.format's %d: that reads the locale's digits (and may print non-ASCII ones), and
      // loading the locale's number symbols was a fiftieth of a cold plan.
      String outcome = step.outcome().toString();
      out.append("  ").append(i + 1).append(") ").append(outcome).append(" ".repeat(Math.max(0, 12 - outcome.length())))
          .append(' ').append(step.description());
      List<String> detail = step.detail().lines().toList();
      if (!detail.isEmpty()) {
        out.append(" - ").append(detail.get(0));
      }
      out.append('\n');
      // A long detail (a blocked pick's summary) continues below its step, indented like an output.
      detail.stream().skip(1).forEach(line -> out.append("       | ").append(line).append('\n'));
      for (Change change : step.changes()) {
        out.append("       ").append(change.summary()).append('\n');
        if (!change.diff().isEmpty()) {
          change.diff().lines().forEach(line -> out.append("         ").append(line).append('\n'));
        }
      }
      for (String warning : step.warnings()) {
        out.append("       warning: ").append(warning).append('\n');
      }
      if (!step.output().isEmpty()) {
        step.output().lines().forEach(line -> out.append("       | ").append(line).append('\n'));
      }
    }
    return out.toString();
  }

  /** The Markdown form of a plan or report; without {@code details}, diffs and outputs are left out. */
  public static String markdown(ReleaseResults results, boolean details) {
    if (results instanceof Plan plan) {
      return markdown("Plan for release " + plan.version(), plan.preconditions(), plan.steps(), details);
    }
    return markdown("Release " + results.version(), List.of(), results.steps(), details);
  }

  /**
   * The Markdown form. Diffs and outputs longer than {@value #FOLD_LINES} lines are folded in a
   * {@code <details>} block, so a long commit log does not bury the table; without {@code details} they are left
   * out and only counted, for places with a size limit (a GitHub Actions step summary).
   */
  public static String markdown(String title, List<Precondition> preconditions, List<StepResult> steps,
      boolean details) {
    StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
    boolean several = severalRepositories(steps);
    for (Precondition precondition : preconditions) {
      String label = switch (precondition.state()) {
        case HOLDS -> "ok";
        case WARNING -> "**warning**";
        case FAILS -> "**FAILS**";
      };
      out.append("- ").append(label).append(' ').append(several ? precondition.repository() + ": " : "")
          .append(precondition.what()).append(": ").append(precondition.message().replace("\n", " ")).append('\n');
    }
    if (!preconditions.isEmpty()) {
      out.append('\n');
    }
    out.append("| # | Step | Outcome | Detail |\n|---|---|---|---|\n");
    for (int i = 0; i < steps.size(); i++) {
      StepResult step = steps.get(i);
      out.append("| ").append(i + 1).append(" | ").append(cell(step.description())).append(" | `")
          .append(step.outcome()).append("` | ").append(cell(step.detail())).append(" |\n");
    }
    for (int i = 0; i < steps.size(); i++) {
      StepResult step = steps.get(i);
      if (step.changes().isEmpty() && step.output().isEmpty() && step.warnings().isEmpty()) {
        continue;
      }
      out.append("\n### ").append(i + 1).append(". ").append(step.description()).append("\n\n");
      for (Change change : step.changes()) {
        out.append("- ").append(change.summary()).append('\n');
        if (!change.diff().isEmpty()) {
          block(out, "diff", "diff", change.diff(), details);
        }
      }
      for (String warning : step.warnings()) {
        out.append("- **warning:** ").append(warning).append('\n');
      }
      if (!step.output().isEmpty()) {
        block(out, "output", "", step.output(), details);
      }
    }
    return out.toString();
  }

  /** Diffs and outputs above this many lines are folded in the Markdown form. */
  public static final int FOLD_LINES = 20;

  /**
   * A fenced block, folded when long; the fence is longer than any run of backticks in the text, so a commit
   * subject holding three backticks cannot close it early.
   */
  private static void block(StringBuilder out, String what, String language, String text, boolean details) {
    long lines = text.lines().count();
    if (!details) {
      out.append("\n_").append(what).append(": ").append(lines).append(lines == 1 ? " line" : " lines")
          .append(", left out here; see the log_\n\n");
      return;
    }
    boolean fold = lines > FOLD_LINES;
    if (fold) {
      out.append("\n<details><summary>").append(what).append(" (").append(lines).append(" lines)</summary>\n");
    }
    String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
    out.append('\n').append(fence).append(language).append('\n').append(text);
    if (!text.endsWith("\n")) {
      out.append('\n');
    }
    out.append(fence).append("\n\n");
    if (fold) {
      out.append("</details>\n\n");
    }
  }

  private static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static boolean severalRepositories(List<StepResult> steps) {
    return steps.stream().map(StepResult::repository).distinct().count() > 1;
  }

  private static String prefixed(Precondition precondition) {
    return new Precondition(precondition.repository(), precondition.repository() + ": " + precondition.what(),
        precondition.state(), precondition.message()).toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /**
   * The JSON form of a plan or report: {@code kind}, {@code version}, {@code outcome}, the typed {@code results}
   * ({@link ResultFields}), a plan's {@code preconditions} (each with {@code repository}, {@code what},
   * {@code state} and {@code message}), then the {@code steps}.
   */
  public static String json(ReleaseResults results) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setIndent("  ");
      json.beginObject();
      json.name("kind").value(results.rehearsed() ? "plan" : "report");
      json.name("version").value(results.version());
      Map<String, String> fields = ResultFields.of(results);
      json.name("outcome").value(fields.get("outcome"));
      json.name("results").beginObject();
      for (Map.Entry<String, String> field : fields.entrySet()) {
        if (field.getKey().equals("pr-number")) {
          json.name(field.getKey()).value(Integer.parseInt(field.getValue()));
        } else if (!field.getKey().equals("version") && !field.getKey().equals("outcome")) {
          json.name(field.getKey()).value(field.getValue());
        }
      }
      json.endObject();
      if (results instanceof Plan plan) {
        json.name("preconditions").beginArray();
        for (Precondition precondition : plan.preconditions()) {
          json.beginObject();
          json.name("repository").value(precondition.repository());
          json.name("what").value(precondition.what());
          json.name("state").value(precondition.state().name());
          json.name("message").value(precondition.message());
          json.endObject();
        }
        json.endArray();
      }
      json.name("steps").beginArray();
      for (StepResult step : results.steps()) {
        writeStep(json, step);
      }
      json.endArray();
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  public static void writeStep(JsonWriter json, StepResult step) throws IOException {
    json.beginObject();
    json.name("description").value(step.description());
    json.name("outcome").value(step.outcome().name());
    json.name("detail").value(step.detail());
    if (step.error().isPresent()) {
      json.name("error").value(step.error().get());
    }
    json.name("changes").beginArray();
    for (Change change : step.changes()) {
      json.beginObject();
      json.name("kind").value(change.kind().name());
      json.name("target").value(change.target());
      json.name("summary").value(change.summary());
      if (!change.diff().isEmpty()) {
        json.name("diff").value(change.diff());
      }
      json.endObject();
    }
    json.endArray();
    if (!step.warnings().isEmpty()) {
      json.name("warnings").beginArray();
      for (String warning : step.warnings()) {
        json.value(warning);
      }
      json.endArray();
    }
    if (!step.output().isEmpty()) {
      json.name("output").value(step.output());
    }
    json.endObject();
  }
}
