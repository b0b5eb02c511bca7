package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.StepResult;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A plan in a child JVM, for tests of what a plan leaves behind when its process ends. With {@code pause} its last
 * step prints {@link #IN_STEP} and waits for a line on standard input: {@code exit} calls {@code System.exit(0)}
 * there, in the middle of the plan; a test that wants a crash kills the child with SIGKILL instead. Without it the
 * plan runs to the end and prints {@link #PLANNED}.
 */
public final class ChildPlan {
  public static final String IN_STEP = "PLAN IN STEP";
  public static final String PLANNED = "PLANNED";

  private ChildPlan() {
  }

  public static void main(String[] args) {
    Release release = Release.of("0.57").in(Path.of(args[0])).hostedOn(LocalHosting.forOrigin(Path.of(args[1])))
        .cutBranch();
    if (args.length > 2 && args[2].equals("pause")) {
      release = release.then(new WaitingStep());
    }
    release.plan();
    System.out.println(PLANNED);
  }

  private static final class WaitingStep implements Step {
    @Override
    public String description() {
      return "wait for the test";
    }

    @Override
    public StepResult apply(StepContext context) {
      System.out.println(IN_STEP);
      System.out.flush();
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if ("exit".equals(line)) {
          System.exit(0);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return StepResult.alreadyDone("the test let the plan go on");
    }
  }
}
