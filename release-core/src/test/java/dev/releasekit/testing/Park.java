package dev.releasekit.testing;

import java.util.concurrent.CountDownLatch;

/** Where a child process waits to be killed. */
final class Park {
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  private Park() {
  }

  /** Blocks the calling thread until the process dies. */
  static void forever() {
    while (true) {
      try {
        NEVER.await();
      } catch (InterruptedException e) {
        // Only SIGKILL ends a parked thread.
      }
    }
  }
}
