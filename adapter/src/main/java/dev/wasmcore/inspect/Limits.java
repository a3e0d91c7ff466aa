package dev.wasmcore.inspect;

/**
 * Resource limits a user can see and set (CLI flags, DAP launch argument {@code limits}): they bound what one request
 * may read or render, so hostile dumps and cyclic data cannot hang or exhaust the debugger.
 *
 * @param maxStringLength bytes read for one C string or Rust/C++ string value
 * @param maxArrayElements elements rendered inline for one array or vector (children stay pageable)
 * @param maxExpressionDepth nesting depth of an expression's syntax tree
 * @param maxDieNesting depth of DIE trees and type chains followed (typedef/pointer/member cycles)
 * @param maxBytesPerRequest bytes of memory one request (readMemory, x, a value) may read
 */
public record Limits(int maxStringLength, int maxArrayElements, int maxExpressionDepth, int maxDieNesting,
    long maxBytesPerRequest) {
  public Limits {
    if (maxStringLength <= 0 || maxArrayElements <= 0 || maxExpressionDepth <= 0 || maxDieNesting <= 0
        || maxBytesPerRequest <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static Limits defaults() {
    return new Limits(4096, 100, 64, 256, 16L << 20);
  }
}
