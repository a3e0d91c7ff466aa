package dev.wasmcore.dap.session;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SessionException;
import java.util.HashMap;
import java.util.Map;

/**
 * A launched session as the protocol sees it: the model's {@link DebugSession}, frame ids resolved to frames, and the
 * session's variable references.
 */
public final class OpenSession implements AutoCloseable {
  /** Variable references one session may hand out. */
  public static final int MAX_VARIABLE_HANDLES = 200_000;

  private final DebugSession session;
  private final VariableHandles handles = new VariableHandles(MAX_VARIABLE_HANDLES);
  private Map<Integer, FrameView> frames;

  public OpenSession(DebugSession session) {
    this.session = session;
  }

  public DebugSession model() {
    return session;
  }

  public VariableHandles handles() {
    return handles;
  }

  /** The thread with a DAP thread id. */
  public DebugThread thread(int id) {
    try {
      return session.thread(id);
    } catch (SessionException e) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "there is no thread " + id + " in this dump");
    }
  }

  /** The frame with a DAP frame id (as given out by stackTrace). */
  public synchronized FrameView frame(int id) {
    if (frames == null) {
      Map<Integer, FrameView> all = new HashMap<>();
      for (DebugThread t : session.threads()) {
        for (FrameView f : t.frames()) {
          all.put(f.id(), f);
        }
      }
      frames = all;
    }
    FrameView f = frames.get(id);
    if (f == null) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "there is no frame with id " + id + " in this session");
    }
    return f;
  }

  @Override
  public void close() {
    session.close();
  }
}
