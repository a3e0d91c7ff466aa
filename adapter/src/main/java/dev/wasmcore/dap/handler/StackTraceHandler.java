package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.formatter.SourceFormatter;
import dev.wasmcore.dap.formatter.StackFrameFormatter;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.FrameView;
import java.util.List;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;

/**
 * {@code stackTrace}: the thread's source frames (inlined levels expanded), paged by {@code startFrame} and
 * {@code levels} (0 or absent: all), with {@code totalFrames}.
 */
public final class StackTraceHandler implements RequestHandler<StackTraceArguments> {
  private final ConnectionState state;

  public StackTraceHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("stackTrace");
  }

  @Override
  public Class<StackTraceArguments> argumentsType() {
    return StackTraceArguments.class;
  }

  @Override
  public Object handle(StackTraceArguments args, Request request) {
    List<FrameView> frames = state.session().thread(args.getThreadId()).frames();
    int start = args.getStartFrame() == null ? 0 : args.getStartFrame();
    int levels = args.getLevels() == null ? 0 : args.getLevels();
    if (start < 0 || levels < 0) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "stackTrace: startFrame and levels must not be negative");
    }
    int from = Math.min(start, frames.size());
    int to = levels == 0 ? frames.size() : (int) Math.min((long) from + levels, frames.size());
    StackFrameFormatter formatter = new StackFrameFormatter(state.conventions(),
        new SourceFormatter(state.conventions()));
    StackFrame[] out = new StackFrame[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = formatter.frame(frames.get(i));
    }
    StackTraceResponse response = new StackTraceResponse();
    response.setStackFrames(out);
    response.setTotalFrames(frames.size());
    return response;
  }
}
