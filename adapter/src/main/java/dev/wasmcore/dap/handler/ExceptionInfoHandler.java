package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.dap.session.OpenSession;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SourceLocation;
import java.util.List;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;

/**
 * {@code exceptionInfo}: the trap (id and description) and, in the details, where it happened: the innermost frame
 * with source, and the backtrace as text.
 */
public final class ExceptionInfoHandler implements RequestHandler<ExceptionInfoArguments> {
  private static final int MAX_TRACE_FRAMES = 64;

  private final ConnectionState state;

  public ExceptionInfoHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("exceptionInfo");
  }

  @Override
  public Class<ExceptionInfoArguments> argumentsType() {
    return ExceptionInfoArguments.class;
  }

  @Override
  public Object handle(ExceptionInfoArguments args, Request request) {
    OpenSession session = state.session();
    CrashInfo crash = session.model().crash();
    List<FrameView> frames = session.thread(args.getThreadId()).frames();
    FrameView top = null;
    for (FrameView f : frames) {
      if (f.location() != null) {
        top = f;
        break;
      }
    }
    ExceptionDetails details = new ExceptionDetails();
    details.setTypeName("wasm trap");
    details.setFullTypeName("wasm trap: " + crash.trapId());
    details.setMessage(top == null ? crash.description()
        : crash.description() + " in " + top.function() + " at " + where(top.location()));
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < Math.min(frames.size(), MAX_TRACE_FRAMES); i++) {
      FrameView f = frames.get(i);
      trace.append("#").append(i).append(' ').append(f.function());
      if (f.location() != null) {
        trace.append(" at ").append(where(f.location()));
      } else {
        trace.append(" (").append(f.module()).append(" func[").append(f.funcIndex()).append("]+0x")
            .append(Long.toHexString(f.codeOffset())).append(')');
      }
      trace.append('\n');
    }
    if (frames.size() > MAX_TRACE_FRAMES) {
      trace.append("... ").append(frames.size() - MAX_TRACE_FRAMES).append(" more frames\n");
    }
    details.setStackTrace(trace.toString());
    ExceptionInfoResponse response = new ExceptionInfoResponse();
    response.setExceptionId(crash.trapId());
    response.setDescription(crash.description());
    response.setBreakMode(ExceptionBreakMode.UNHANDLED);
    response.setDetails(details);
    return response;
  }

  private static String where(SourceLocation l) {
    StringBuilder sb = new StringBuilder(l.displayPath()).append(':').append(l.line());
    if (l.column() > 0) {
      sb.append(':').append(l.column());
    }
    return sb.toString();
  }
}
