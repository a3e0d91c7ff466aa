package dev.wasmcore.coredump;

import java.util.List;

/**
 * One {@code corestack} section: a thread ({@code thread-info ::= 0x0 thread-name:name}) and its frames, youngest
 * first.
 *
 * @param index 0-based thread index in file order
 * @param name the thread name
 * @param frames youngest first
 * @param sectionOffset file offset of the section header
 */
public record CoreThread(int index, String name, List<CoreFrame> frames, long sectionOffset) {
  public CoreThread {
    frames = List.copyOf(frames);
  }
}
