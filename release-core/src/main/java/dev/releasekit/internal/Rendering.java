package dev.releasekit.internal;

import com.squareup.moshi.JsonWriter;
import dev.releasekit.Change;
import dev.releasekit.Precondition;
import dev.releasekit.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
      out.append(String.format("  %d) %-12s %s", i + 1, step.outcome(), step.description()));
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

  public static String markdown(String title, List<StepResult> steps) {
    return markdown(title, List.of(), steps);
  }

  /** The Markdown form, with the preconditions as a list between the title and the steps' table. */
  public static String markdown(String title, List<Precondition> preconditions, List<StepResult> steps) {
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
          out.append("\n```diff\n").append(change.diff());
          if (!change.diff().endsWith("\n")) {
            out.append('\n');
          }
          out.append("```\n\n");
        }
      }
      for (String warning : step.warnings()) {
        out.append("- **warning:** ").append(warning).append('\n');
      }
      if (!step.output().isEmpty()) {
        out.append("\n```\n").append(step.output());
        if (!step.output().endsWith("\n")) {
          out.append('\n');
        }
        out.append("```\n");
      }
    }
    return out.toString();
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

  public static String json(String kind, String version, List<StepResult> steps) {
    return json(kind, version, null, steps);
  }

  /**
   * The JSON form; {@code preconditions}, when not null, is written as an array before the steps, each with
   * {@code repository}, {@code what}, {@code state} and {@code message}.
   */
  public static String json(String kind, String version, List<Precondition> preconditions,
      List<StepResult> steps) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setIndent("  ");
      json.beginObject();
      json.name("kind").value(kind);
      json.name("version").value(version);
      if (preconditions != null) {
        json.name("preconditions").beginArray();
        for (Precondition precondition : preconditions) {
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
      for (StepResult step : steps) {
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
