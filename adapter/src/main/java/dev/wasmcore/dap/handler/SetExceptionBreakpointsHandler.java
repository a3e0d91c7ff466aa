package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;

/**
 * {@code setExceptionBreakpoints}: accepted; this server offers no exception filters (the trap has happened), so
 * every filter the client names is answered unverified.
 */
public final class SetExceptionBreakpointsHandler implements RequestHandler<SetExceptionBreakpointsArguments> {
  @Override
  public List<String> commands() {
    return List.of("setExceptionBreakpoints");
  }

  @Override
  public Class<SetExceptionBreakpointsArguments> argumentsType() {
    return SetExceptionBreakpointsArguments.class;
  }

  @Override
  public Object handle(SetExceptionBreakpointsArguments args, Request request) {
    int n = (args.getFilters() == null ? 0 : args.getFilters().length)
        + (args.getFilterOptions() == null ? 0 : args.getFilterOptions().length);
    Breakpoint[] out = new Breakpoint[n];
    for (int i = 0; i < n; i++) {
      out[i] = SetBreakpointsHandler.unverified();
    }
    SetExceptionBreakpointsResponse response = new SetExceptionBreakpointsResponse();
    response.setBreakpoints(out);
    return response;
  }
}
