package dev.wasmcore.dap.session;

import dev.wasmcore.inspect.ProgressListener;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ProgressEndEventArguments;
import org.eclipse.lsp4j.debug.ProgressStartEventArguments;
import org.eclipse.lsp4j.debug.ProgressUpdateEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * Progress of opening a session, as DAP progress events, and its cancellation.
 *
 * <p>Only clients that declared {@code supportsProgressReporting} get events, and only for work that lasts longer
 * than {@link #DELAY_MS}: {@code progressStart} is sent when that delay has passed and the work still runs, so quick
 * launches show nothing. Updates before that are remembered; {@code progressEnd} follows only a start. A
 * {@code cancel} request naming the progress id or the launch request makes {@link #isCancelled()} true, which the
 * model checks between steps.
 */
public final class LaunchProgress implements ProgressListener {
  /** Work shorter than this shows no progress. */
  public static final long DELAY_MS = 500;

  private final IDebugProtocolClient client;
  private final boolean report;
  private final String progressId;
  private final int requestSeq;
  private volatile boolean cancelled;
  private String title;
  private String lastMessage;
  private Double lastPercent;
  private boolean started;
  private boolean finished;
  private ScheduledFuture<?> timer;

  /**
   * @param client where events go
   * @param report whether the client reports progress
   * @param requestSeq the launch request's seq
   * @param title shown until the model gives its own
   */
  public LaunchProgress(IDebugProtocolClient client, boolean report, int requestSeq, String title) {
    this.client = client;
    this.report = report;
    this.requestSeq = requestSeq;
    this.progressId = "wasmcore-launch-" + requestSeq;
    this.title = title;
  }

  public String progressId() {
    return progressId;
  }

  public int requestSeq() {
    return requestSeq;
  }

  /** Arms the delayed {@code progressStart}. */
  public synchronized void begin(ScheduledExecutorService scheduler) {
    if (report) {
      timer = scheduler.schedule(this::sendStart, DELAY_MS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void sendStart() {
    if (finished || started) {
      return;
    }
    started = true;
    ProgressStartEventArguments start = new ProgressStartEventArguments();
    start.setProgressId(progressId);
    start.setTitle(title);
    start.setRequestId(requestSeq);
    start.setCancellable(true);
    start.setMessage(lastMessage);
    start.setPercentage(lastPercent);
    client.progressStart(start);
  }

  /** Ends the progress (sends {@code progressEnd} when a start was sent). */
  public synchronized void finish(String message) {
    if (finished) {
      return;
    }
    finished = true;
    if (timer != null) {
      timer.cancel(false);
    }
    if (started) {
      ProgressEndEventArguments end = new ProgressEndEventArguments();
      end.setProgressId(progressId);
      end.setMessage(message);
      client.progressEnd(end);
    }
  }

  /** Requests cancellation. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public synchronized void start(String newTitle) {
    if (newTitle != null && !newTitle.isBlank()) {
      lastMessage = newTitle;
      if (started && !finished) {
        sendUpdate();
      }
    }
  }

  @Override
  public synchronized void update(String message, int percent) {
    lastMessage = message;
    lastPercent = percent < 0 ? null : (double) Math.min(100, percent);
    if (started && !finished) {
      sendUpdate();
    }
  }

  private void sendUpdate() {
    ProgressUpdateEventArguments update = new ProgressUpdateEventArguments();
    update.setProgressId(progressId);
    update.setMessage(lastMessage);
    update.setPercentage(lastPercent);
    client.progressUpdate(update);
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
