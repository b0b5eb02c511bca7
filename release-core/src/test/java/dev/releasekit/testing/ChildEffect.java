package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.local.LocalHosting;
import java.nio.file.Path;

/**
 * A release run in a child JVM, for tests that kill it with SIGKILL between a side effect and the record of its
 * completion: it cuts the release branch, then performs {@link CountingEffectStep} and parks right after the effect.
 */
public final class ChildEffect {
  private ChildEffect() {
  }

  public static void main(String[] args) {
    Path workTree = Path.of(args[0]);
    Path origin = Path.of(args[1]);
    Path counter = Path.of(args[2]);
    Release.of("0.57").in(workTree).hostedOn(LocalHosting.forOrigin(origin))
        .cutBranch().then(new CountingEffectStep(counter).parkingAfterTheEffect())
        .run();
  }
}
