package dev.wasmcore.inspect;

/**
 * The result of a memory read.
 *
 * @param address the first address read ("0x..." of the start)
 * @param data the readable bytes, starting at {@code address}
 * @param unreadableBytes bytes after {@code data} that could not be read (beyond the memory or the request cap)
 */
public record MemoryRead(long address, byte[] data, int unreadableBytes) {}
