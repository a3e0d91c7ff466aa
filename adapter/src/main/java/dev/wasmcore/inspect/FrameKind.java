package dev.wasmcore.inspect;

/** How a frame is presented: user code, library code (shown greyed), or without source. */
public enum FrameKind {
  USER,
  LIBRARY,
  NO_SOURCE
}
