package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointNotVerifiedReason;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

/**
 * {@code setBreakpoints}: accepted so editors can keep their breakpoints, each unverified with the reason: nothing
 * runs in a post-mortem session.
 */
public final class SetBreakpointsHandler implements RequestHandler<SetBreakpointsArguments> {
  /** The message on every breakpoint. */
  public static final String MESSAGE = "post-mortem session: nothing runs, so breakpoints are never hit";

  private final ConnectionState state;

  public SetBreakpointsHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("setBreakpoints");
  }

  @Override
  public Class<SetBreakpointsArguments> argumentsType() {
    return SetBreakpointsArguments.class;
  }

  @Override
  public Object handle(SetBreakpointsArguments args, Request request) {
    SourceBreakpoint[] wanted = args.getBreakpoints();
    int[] lines = args.getLines();
    int n = wanted != null ? wanted.length : lines != null ? lines.length : 0;
    Breakpoint[] out = new Breakpoint[n];
    for (int i = 0; i < n; i++) {
      Breakpoint b = unverified();
      b.setSource(args.getSource());
      b.setLine(wanted != null ? wanted[i].getLine() : lines[i]);
      if (wanted != null && wanted[i].getColumn() != null) {
        b.setColumn(wanted[i].getColumn());
      }
      out[i] = b;
    }
    SetBreakpointsResponse response = new SetBreakpointsResponse();
    response.setBreakpoints(out);
    return response;
  }

  /** A breakpoint that will never be hit, with the reason. */
  static Breakpoint unverified() {
    Breakpoint b = new Breakpoint();
    b.setVerified(false);
    b.setMessage(MESSAGE);
    b.setReason(BreakpointNotVerifiedReason.FAILED);
    return b;
  }
}
