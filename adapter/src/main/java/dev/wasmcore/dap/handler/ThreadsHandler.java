package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.DebugThread;
import java.util.List;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;

/** {@code threads}: one thread per {@code corestack} of the dump. */
public final class ThreadsHandler implements RequestHandler<Void> {
  private final ConnectionState state;

  public ThreadsHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("threads");
  }

  @Override
  public Class<Void> argumentsType() {
    return Void.class;
  }

  @Override
  public Object handle(Void args, Request request) {
    List<DebugThread> threads = state.session().model().threads();
    Thread[] out = new Thread[threads.size()];
    for (int i = 0; i < out.length; i++) {
      DebugThread t = threads.get(i);
      out[i] = new Thread();
      out[i].setId(t.id());
      out[i].setName(t.name() == null || t.name().isBlank() ? "thread " + t.id() : t.name());
    }
    ThreadsResponse response = new ThreadsResponse();
    response.setThreads(out);
    return response;
  }
}
