package dev.wasmcore.coredump;

/**
 * The byte layout in which a dump's {@code corestack} frames were read. The older rewriter layouts come from the
 * history of the runtime that the wasm-coredump rewriter links into a module ({@code lib/asc-coredump/assembly/
 * coredump.ts} in xtuc/wasm-coredump): every one writes values as a type byte plus a fixed-width little-endian payload
 * and no operand stack values.
 */
public enum StackLayout {
  /** Coredump.md: {@code 0x00 instanceidx funcidx codeoffset vec(value) vec(value)}, values LEB128 for integers. */
  SPEC("Coredump.md"),
  /**
   * wasm-coredump rewriter: {@code 0x00 instanceidx funcidx codeoffset nlocals nstack}, counts first, then values as
   * a type byte plus a fixed-width little-endian payload (runtime since commit e07dfb5, 2024-12-31, release 0.2.2).
   */
  REWRITER("rewriter (counts first, fixed-width values)"),
  /**
   * Rewriter runtime of 2023-05-18 (commit c4643cd, release 0.1.14) to 2024-12 (0.2.1): {@code 0x00 funcidx
   * codeoffset nlocals nstack}, all LEB128, no instance index.
   */
  REWRITER_2023_05_LEB("rewriter 0.1.14-0.2.1 (no instance index, LEB128 counts, fixed-width values)"),
  /**
   * Rewriter runtime of 2023-05-03 (commit 4af71c9) to 2023-05-18: a u32 frame count, then frames {@code 0x00
   * funcidx:u32 codeoffset:u32 nlocals:u32 nstack:u32}, all fixed-width little-endian.
   */
  REWRITER_2023_05_U32("rewriter of 2023-05 (no instance index, fixed-width u32 counts)"),
  /**
   * Rewriter runtime of 2023-02-24 (commit d5ff396) to 2023-05-03: a u32 frame count and a u32 end offset, then frames
   * {@code funcidx:u32 codeoffset:u32 nlocals:u32} without version byte or stack count.
   */
  REWRITER_2023_02_U32("rewriter of 2023-02 (u32 count and end offset, frames without version byte)"),
  /** WasmEdge: {@code 0x00 funcidx codeoffset nlocals nstack}, no instance index, then 0x7F + 4-byte i32 values. */
  WASMEDGE("WasmEdge (no instance index, counts first, fixed-width values)");

  private final String description;

  StackLayout(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Whether this is one of the wasm-coredump rewriter's layouts. */
  public boolean isRewriter() {
    return this == REWRITER || this == REWRITER_2023_05_LEB || this == REWRITER_2023_05_U32
        || this == REWRITER_2023_02_U32;
  }

  /** Whether this is an older rewriter layout without instance indices. */
  public boolean isLegacyRewriter() {
    return isRewriter() && this != REWRITER;
  }
}
