package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * {@code terminate}: the session ends; the {@code terminated} event follows the response. {@code disconnect}: the
 * same, and after its response the connection ends (in stdio mode the process exits).
 */
public final class DisconnectHandler implements RequestHandler<Void> {
  private final ConnectionState state;
  private final IDebugProtocolClient client;
  private final Runnable endConnection;
  private final AtomicBoolean terminatedSent = new AtomicBoolean();

  public DisconnectHandler(ConnectionState state, IDebugProtocolClient client, Runnable endConnection) {
    this.state = state;
    this.client = client;
    this.endConnection = endConnection;
  }

  @Override
  public List<String> commands() {
    return List.of("disconnect", "terminate");
  }

  @Override
  public Class<Void> argumentsType() {
    return Void.class;
  }

  @Override
  public Object handle(Void args, Request request) {
    boolean launched = state.hasSession();
    state.end();
    if (launched) {
      request.afterResponse(() -> {
        if (terminatedSent.compareAndSet(false, true)) {
          client.terminated(new TerminatedEventArguments());
        }
      });
    }
    if (request.command().equals("disconnect")) {
      request.afterResponse(endConnection);
    }
    return null;
  }
}
