package dev.releasekit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's standard output read the way the GitHub Actions runner reads it, for tests of what a program prints in
 * a workflow: workflow commands ({@code ::name k=v,k=v::message}, values unescaped as the runner unescapes them),
 * {@code ::add-mask::} registrations that mask every later line, and {@code ::stop-commands::TOKEN} ...
 * {@code ::TOKEN::}, between which nothing is a command. {@link #outputs(Path)} reads a {@code $GITHUB_OUTPUT}
 * file under the documented syntax.
 *
 * <pre>{@code
 * WorkflowLog log = WorkflowLog.read(printed.toString(UTF_8));
 * assertThat(log.commands("error")).singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("3) tag 0.57"));
 * assertThat(log.shown()).doesNotContain(TOKEN);
 * }</pre>
 */
public final class WorkflowLog {
  /** A command the runner acted on. */
  public record Command(String name, Map<String, String> properties, String message) {
    public String title() {
      return properties.getOrDefault("title", "");
    }
  }

  private final List<Command> commands = new ArrayList<>();
  private final List<String> masks = new ArrayList<>();
  private final List<String> shown = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private boolean stoppedAtEnd;

  private WorkflowLog() {
  }

  public static WorkflowLog read(String stdout) {
    WorkflowLog log = new WorkflowLog();
    String stopToken = null;
    for (String raw : stdout.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      log.lines.add(line);
      if (stopToken != null) {
        if (line.equals("::" + stopToken + "::")) {
          stopToken = null;
        } else {
          log.show(line);
        }
        continue;
      }
      int end = line.startsWith("::") ? line.indexOf("::", 2) : -1;
      if (end < 0) {
        log.show(line);
        continue;
      }
      String info = line.substring(2, end);
      String data = unescapeData(line.substring(end + 2));
      int space = info.indexOf(' ');
      String name = space < 0 ? info : info.substring(0, space);
      Map<String, String> properties = new LinkedHashMap<>();
      if (space >= 0) {
        for (String pair : info.substring(space + 1).split(",")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            properties.put(pair.substring(0, eq), unescapeProperty(pair.substring(eq + 1)));
          }
        }
      }
      switch (name) {
        case "stop-commands" -> stopToken = data;
        case "add-mask" -> log.masks.add(data);
        default -> {
          log.commands.add(new Command(name, properties, data));
          log.show("[" + name + "] " + properties.getOrDefault("title", "") + " " + data);
        }
      }
    }
    log.stoppedAtEnd = stopToken != null;
    return log;
  }

  /** Each line as the runner shows it: every value registered so far replaced by {@code ***}. */
  private void show(String line) {
    String masked = line;
    for (String mask : masks) {
      masked = masked.replace(mask, "***");
    }
    shown.add(masked);
  }

  // The runner's own order: CR, LF, then the percent sign last, so an escaped "%0A" stays literal.
  private static String unescapeData(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  private static String unescapeProperty(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
        .replace("%25", "%");
  }

  public List<Command> commands() {
    return List.copyOf(commands);
  }

  public List<Command> commands(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).toList();
  }

  /** The values registered with {@code ::add-mask::}, in order. */
  public List<String> masks() {
    return List.copyOf(masks);
  }

  /** The log as a person sees it on the run's page, masks applied. */
  public String shown() {
    return String.join("\n", shown);
  }

  /** The raw lines, as printed. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Whether commands were still stopped when the output ended (a missing {@code ::TOKEN::}). */
  public boolean stoppedAtEnd() {
    return stoppedAtEnd;
  }

  /**
   * A {@code $GITHUB_OUTPUT} file read under the documented syntax: {@code name=value}, or {@code name<<DELIMITER},
   * the value's lines, then the delimiter alone on a line. Anything else fails the test.
   */
  public static Map<String, String> outputs(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      int heredoc = line.indexOf("<<");
      if (eq > 0 && (heredoc < 0 || eq < heredoc)) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      } else if (heredoc > 0) {
        String delimiter = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        int j = i + 1;
        while (j < lines.size() && !lines.get(j).equals(delimiter)) {
          value.add(lines.get(j));
          j++;
        }
        if (j == lines.size()) {
          throw new AssertionError("the output " + line.substring(0, heredoc) + " has no closing " + delimiter);
        }
        values.put(line.substring(0, heredoc), String.join("\n", value));
        i = j;
      } else {
        throw new AssertionError("line " + (i + 1) + " of " + file + " is neither name=value nor name<<DELIMITER: "
            + line);
      }
    }
    return values;
  }
}
