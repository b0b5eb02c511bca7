package dev.releasekit.testing;

import dev.releasekit.Release;
import dev.releasekit.ReleaseListener;
import dev.releasekit.StepResult;
import dev.releasekit.local.LocalHosting;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A release run in a child JVM, for tests that kill it with SIGKILL half way: it prints {@code STEP n DONE} after
 * step {@code n} finishes and then parks until killed.
 */
public final class ChildRelease {
  private ChildRelease() {
  }

  public static void main(String[] args) throws InterruptedException {
    Path workTree = Path.of(args[0]);
    Path origin = Path.of(args[1]);
    int parkAfter = Integer.parseInt(args[2]);
    CountDownLatch never = new CountDownLatch(1);
    Release.of("0.57").in(workTree).hostedOn(LocalHosting.forOrigin(origin))
        .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
        .listener(new ReleaseListener() {
          @Override
          public void stepFinished(int index, StepResult result) {
            System.out.println("STEP " + index + " DONE");
            System.out.flush();
            if (index == parkAfter) {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        })
        .run();
  }
}
