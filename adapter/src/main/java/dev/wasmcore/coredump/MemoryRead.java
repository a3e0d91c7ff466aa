package dev.wasmcore.coredump;

/**
 * The result of reading a memory range: the bytes, of which the first {@code readable} are the memory's content
 * (zero where no data segment covers them); the rest lie past the memory's size and are unreadable (left zero).
 */
public record MemoryRead(long address, byte[] bytes, int readable) {
  public boolean fullyReadable() {
    return readable == bytes.length;
  }
}
