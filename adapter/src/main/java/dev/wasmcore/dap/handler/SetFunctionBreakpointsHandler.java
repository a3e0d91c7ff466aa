package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;

/** {@code setFunctionBreakpoints}: accepted, every breakpoint unverified (nothing runs). */
public final class SetFunctionBreakpointsHandler implements RequestHandler<SetFunctionBreakpointsArguments> {
  @Override
  public List<String> commands() {
    return List.of("setFunctionBreakpoints");
  }

  @Override
  public Class<SetFunctionBreakpointsArguments> argumentsType() {
    return SetFunctionBreakpointsArguments.class;
  }

  @Override
  public Object handle(SetFunctionBreakpointsArguments args, Request request) {
    int n = args.getBreakpoints() == null ? 0 : args.getBreakpoints().length;
    Breakpoint[] out = new Breakpoint[n];
    for (int i = 0; i < n; i++) {
      out[i] = SetBreakpointsHandler.unverified();
    }
    SetFunctionBreakpointsResponse response = new SetFunctionBreakpointsResponse();
    response.setBreakpoints(out);
    return response;
  }
}
