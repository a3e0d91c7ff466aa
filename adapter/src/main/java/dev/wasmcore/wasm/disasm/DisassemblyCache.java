package dev.wasmcore.wasm.disasm;

import dev.wasmcore.binary.ByteRegion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A bounded, thread-safe cache of decoded functions keyed by function index: a disassembly view scrolls around a few
 * functions, so the most recently used ones stay decoded and the oldest are dropped.
 */
public final class DisassemblyCache {
  private final int capacity;
  private final LongFunction<ByteRegion> bodies;
  private final Map<Long, FunctionDisassembly> map;

  /**
   * @param capacity the number of functions kept
   * @param bodies the body region (after the size LEB128) of a function index, or null when it has none (imports)
   */
  public DisassemblyCache(int capacity, LongFunction<ByteRegion> bodies) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.bodies = bodies;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, FunctionDisassembly> eldest) {
        return size() > DisassemblyCache.this.capacity;
      }
    };
  }

  /** The decoded function, or null when the index has no body. */
  public FunctionDisassembly get(long funcIndex) {
    synchronized (map) {
      FunctionDisassembly d = map.get(funcIndex);
      if (d != null) {
        return d;
      }
    }
    ByteRegion body = bodies.apply(funcIndex);
    if (body == null) {
      return null;
    }
    FunctionDisassembly d = FunctionDisassembly.decode(funcIndex, body);
    synchronized (map) {
      map.putIfAbsent(funcIndex, d);
      return map.get(funcIndex);
    }
  }
}
