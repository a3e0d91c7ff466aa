package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.DebugThread;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * Sends the one {@code stopped} event of a session (reason {@code exception}, the trap as description, all threads
 * stopped) and the console summary of the crash. It runs once both {@code launch} and {@code configurationDone}
 * have been answered, whichever came last, after that response.
 */
public final class CrashAnnouncer {
  private final ConnectionState state;
  private final IDebugProtocolClient client;
  private final AtomicBoolean sent = new AtomicBoolean();

  public CrashAnnouncer(ConnectionState state, IDebugProtocolClient client) {
    this.state = state;
    this.client = client;
  }

  /** Announces the crash if the session is open and configured and it was not announced yet. */
  public void announceIfReady() {
    if (!state.hasSession() || !state.configured() || !sent.compareAndSet(false, true)) {
      return;
    }
    DebugSession session = state.session().model();
    CrashInfo crash = session.crash();
    List<DebugThread> threads = session.threads();
    StoppedEventArguments stopped = new StoppedEventArguments();
    stopped.setReason(StoppedEventArgumentsReason.EXCEPTION);
    stopped.setDescription(crash.description());
    stopped.setText(crash.trapId());
    stopped.setAllThreadsStopped(true);
    if (!threads.isEmpty()) {
      stopped.setThreadId(threads.get(0).id());
    }
    client.stopped(stopped);

    StringBuilder text = new StringBuilder();
    if (crash.summary() != null && !crash.summary().isBlank()) {
      text.append(crash.summary().strip()).append('\n');
    } else {
      text.append("trap: ").append(crash.description()).append('\n');
    }
    if (crash.producer() != null) {
      text.append("core dump written by ").append(crash.producer());
      if (crash.layout() != null) {
        text.append(" (").append(crash.layout()).append(')');
      }
      text.append('\n');
    }
    text.append("post-mortem session: nothing runs. This console takes gdb-like commands: bt, frame N, "
        + "info locals, p EXPR, ptype EXPR, x/16xb ADDR, list\n");
    OutputEventArguments output = new OutputEventArguments();
    output.setCategory(OutputEventArgumentsCategory.CONSOLE);
    output.setOutput(text.toString());
    client.output(output);
  }
}
