package dev.wasmcore.coredump;

import java.util.List;

/**
 * One entry of {@code coreinstances}: {@code 0x0 moduleidx:u32 memories:vec(memidx) globals:vec(globalidx)}, the
 * indices pointing into the dump's own memory and global sections.
 */
public record CoreInstance(int index, long moduleIndex, List<Long> memories, List<Long> globals) {
  public CoreInstance {
    memories = List.copyOf(memories);
    globals = List.copyOf(globals);
  }
}
