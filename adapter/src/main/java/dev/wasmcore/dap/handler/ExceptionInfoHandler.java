package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.dap.session.OpenSession;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.FrameKind;
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
  private static final int MAX_TRACE_FRAMES = 10;

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
    details.setStackTrace(shortTrace(frames));
    ExceptionInfoResponse response = new ExceptionInfoResponse();
    response.setExceptionId(crash.trapId());
    response.setDescription(crash.description());
    response.setBreakMode(ExceptionBreakMode.UNHANDLED);
    response.setDetails(details);
    return response;
  }

  /**
   * The widget's stack: user frames with their positions, runs of library or source-less frames folded into one
   * line (a Rust panic has a dozen std frames above the user's code), at most {@link #MAX_TRACE_FRAMES} lines, so the
   * exception widget stays small.
   */
  static String shortTrace(List<FrameView> frames) {
    StringBuilder trace = new StringBuilder();
    int lines = 0;
    int i = 0;
    while (i < frames.size() && lines < MAX_TRACE_FRAMES) {
      FrameView f = frames.get(i);
      if (f.kind() != FrameKind.USER) {
        int j = i;
        while (j < frames.size() && frames.get(j).kind() != FrameKind.USER) {
          j++;
        }
        if (j - i > 1) {
          trace.append("#").append(i).append("-#").append(j - 1).append(' ').append(j - i)
              .append(" library or source-less frames (").append(f.function()).append(", ...)\n");
          lines++;
          i = j;
          continue;
        }
      }
      trace.append("#").append(i).append(' ').append(f.function());
      if (f.location() != null) {
        trace.append(" at ").append(where(f.location()));
      } else {
        trace.append(" (").append(f.module()).append(" func[").append(f.funcIndex()).append("]+0x")
            .append(Long.toHexString(f.codeOffset())).append(')');
      }
      trace.append('\n');
      lines++;
      i++;
    }
    if (i < frames.size()) {
      trace.append("... ").append(frames.size() - i).append(" more frames\n");
    }
    return trace.toString();
  }

  private static String where(SourceLocation l) {
    StringBuilder sb = new StringBuilder(l.displayPath()).append(':').append(l.line());
    if (l.column() > 0) {
      sb.append(':').append(l.column());
    }
    return sb.toString();
  }
}
