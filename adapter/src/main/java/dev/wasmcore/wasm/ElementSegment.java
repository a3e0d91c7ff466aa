package dev.wasmcore.wasm;

import java.util.List;

/**
 * An element segment (core spec 5.5.12, flags 0 to 7). Items given as function indices and items given as constant
 * expressions are both reduced to function indices: {@code -1} where an item is not a {@code ref.func} (e.g.
 * {@code ref.null}).
 *
 * @param index the segment's index
 * @param mode active, passive or declarative
 * @param tableIndex the table of an active segment
 * @param offset the offset expression of an active segment, else null
 * @param type the element reference type
 * @param functionIndices one entry per element
 */
public record ElementSegment(int index, SegmentMode mode, long tableIndex, ConstExpr offset, ValType type,
    List<Long> functionIndices) {
  public ElementSegment {
    functionIndices = List.copyOf(functionIndices);
  }
}
