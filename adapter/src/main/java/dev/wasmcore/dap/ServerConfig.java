package dev.wasmcore.dap;

import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.SessionOpener;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection of a server shares.
 *
 * @param opener opens model sessions
 * @param policy which files clients may open
 * @param maxMessageBytes the largest DAP message accepted
 * @param scheduler timers (delayed progress events); daemon threads
 */
public record ServerConfig(SessionOpener opener, FileAccessPolicy policy, int maxMessageBytes,
    ScheduledExecutorService scheduler) {
  /** Largest message by default: far above any real request (setBreakpoints of a big file is kilobytes). */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 << 20;

  /** A configuration with the model's sessions and a daemon timer thread. */
  public static ServerConfig of(SessionOpener opener, FileAccessPolicy policy) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "wasmcore-dap-timer");
      t.setDaemon(true);
      return t;
    });
    return new ServerConfig(opener, policy, DEFAULT_MAX_MESSAGE_BYTES, scheduler);
  }
}
