package dev.releasekit.testing;

import dev.releasekit.StepResult;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * A user-written step whose effect (a line appended to a file, standing for a chat post) cannot be observed by
 * releasekit, done through the side-effect mechanism. {@link #parkingAfterTheEffect()} makes it stop forever right
 * after the effect, before its completion is recorded, for a test to kill the process there.
 */
public final class CountingEffectStep implements Step {
  public static final String KEY = "tell ops";

  private final Path counter;
  private final boolean park;
  private final boolean checkable;

  public CountingEffectStep(Path counter) {
    this(counter, false, false);
  }

  private CountingEffectStep(Path counter, boolean park, boolean checkable) {
    this.counter = counter;
    this.park = park;
    this.checkable = checkable;
  }

  public CountingEffectStep parkingAfterTheEffect() {
    return new CountingEffectStep(counter, true, checkable);
  }

  /** A variant whose effect can be checked afterwards: it happened when the file has a line. */
  public CountingEffectStep checkable() {
    return new CountingEffectStep(counter, park, true);
  }

  /** How many times the effect happened. */
  public static int count(Path counter) {
    try {
      return Files.exists(counter) ? Files.readAllLines(counter).size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String description() {
    return "tell ops about the release";
  }

  @Override
  public StepResult apply(StepContext context) {
    SideEffect.Builder effect = SideEffect.builder(KEY)
        .describedAs("append the release to " + counter.getFileName())
        .observableAt("the file " + counter)
        .performedBy(() -> {
          try {
            Files.writeString(counter, "released " + context.version() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (park) {
            System.out.println("EFFECT PERFORMED");
            System.out.flush();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return "line " + count(counter);
        });
    if (checkable) {
      effect.checkedBy(() -> count(counter) > 0 ? SideEffect.Status.PERFORMED : SideEffect.Status.NOT_PERFORMED);
    }
    return context.perform(effect.build());
  }
}
