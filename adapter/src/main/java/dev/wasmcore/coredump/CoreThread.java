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
 * @param layout the layout its frames were read in
 */
public record CoreThread(int index, String name, List<CoreFrame> frames, long sectionOffset, StackLayout layout) {
  public CoreThread {
    frames = List.copyOf(frames);
  }

  /** The same thread with other frames (code offsets converted). */
  CoreThread withFrames(List<CoreFrame> converted) {
    return new CoreThread(index, name, converted, sectionOffset, layout);
  }
}
