package dev.wasmcore.fuzz;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each input on a worker thread with a generous bound, as a hang detector (not a speed test): an input that
 * takes longer than the bound is reported as a hang finding, and the stuck worker is abandoned (daemon thread).
 * Cheaper than {@code assertTimeoutPreemptively} per input because the worker is reused.
 */
final class HangGuard implements AutoCloseable {
  private final Duration bound;
  private ExecutorService worker = newWorker();

  HangGuard(Duration bound) {
    this.bound = bound;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "hostile-input");
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code step}; rethrows what it threw; a hang becomes a {@link Outcomes.Finding}. */
  void run(String input, Runnable step) {
    Future<?> f = worker.submit(step);
    try {
      f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new Outcomes.Finding(input + ": no answer within " + bound.toSeconds() + " s (hang or unbounded loop)", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
