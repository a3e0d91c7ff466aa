package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteRegion;

/**
 * A data segment (core spec 5.5.14, flags 0 to 2). Its bytes stay in the file as a region.
 *
 * @param index the segment's index
 * @param mode active or passive
 * @param memoryIndex the memory of an active segment
 * @param offset the offset expression of an active segment, else null
 * @param bytes the segment's contents, not copied
 */
public record DataSegment(int index, SegmentMode mode, long memoryIndex, ConstExpr offset, ByteRegion bytes) {}
