package dev.wasmcore.inspect.session;

import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameView;
import java.util.List;

/** A thread of the dump with its source frames. */
record ThreadImpl(int id, String name, List<FrameView> frames) implements DebugThread {
  ThreadImpl {
    frames = List.copyOf(frames);
  }
}
