package dev.wasmcore.inspect;

import java.util.List;

/** A thread of the dump (one {@code corestack} section) and its source-level frames. */
public interface DebugThread {
  /** 1-based, stable. */
  int id();

  String name();

  /** Source frames youngest first, one per inlined level (innermost first within a physical frame). */
  List<FrameView> frames();
}
