package dev.releasekit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the independent cases of a chaos suite (each in its own folder, with its own origins) on a few threads, as
 * many as the machine has cores up to {@code releasekit.chaos.threads} (2 by default), and returns their results in
 * the cases' order.
 */
public final class Cases {
  private Cases() {
  }

  /** A case numbered from 1, run to its result. */
  public interface Runner<C, R> {
    R run(C kase, int number);
  }

  public static <C, R> List<R> inParallel(List<C> cases, Runner<C, R> runner) {
    int threads = Math.max(1, Math.min(Integer.getInteger("releasekit.chaos.threads", 2),
        Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        C kase = cases.get(i);
        int number = i + 1;
        futures.add(pool.submit(() -> runner.run(kase, number)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
