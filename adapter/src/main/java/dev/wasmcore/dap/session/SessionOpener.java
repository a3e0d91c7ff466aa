package dev.wasmcore.dap.session;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.ProgressListener;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;

/** Opens a model session; {@link Sessions#open} in production, a fake in protocol tests. */
@FunctionalInterface
public interface SessionOpener {
  SessionOpener MODEL = Sessions::open;

  DebugSession open(SessionOptions options, ProgressListener progress);
}
