package dev.wasmcore.inspect.session;

import java.util.Map;

/**
 * Frame bases rebuilt for dumps without locals (issue 11): the stack-pointer walk over the analysed prologues.
 */
final class FrameBases {
  private FrameBases() {}

  /**
   * What was rebuilt for one physical frame.
   *
   * @param locals wasm local index to rebuilt value (the frame-base local and the locals holding stack-pointer copies)
   * @param reason why nothing (or not everything) could be rebuilt, or null
   */
  record Result(Map<Long, Long> locals, String reason) {}
}
