package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import java.util.List;
import org.eclipse.lsp4j.debug.CancelArguments;

/**
 * {@code cancel}: runs as soon as it is read, ahead of queued requests, and stops the launch it names (by progress
 * id or request seq); the cancelled launch answers "cancelled". Cancelling anything else is a no-op, as DAP allows.
 */
public final class CancelHandler implements RequestHandler<CancelArguments> {
  private final ConnectionState state;

  public CancelHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("cancel");
  }

  @Override
  public Class<CancelArguments> argumentsType() {
    return CancelArguments.class;
  }

  @Override
  public boolean immediate() {
    return true;
  }

  @Override
  public Object handle(CancelArguments args, Request request) {
    state.cancel(args.getProgressId(), args.getRequestId());
    return null;
  }
}
