package dev.wasmcore.coredump;

/** The byte layout in which a dump's {@code corestack} frames were read. */
public enum StackLayout {
  /** Coredump.md: {@code 0x00 instanceidx funcidx codeoffset vec(value) vec(value)}, values LEB128 for integers. */
  SPEC("Coredump.md"),
  /**
   * wasm-coredump rewriter: {@code 0x00 instanceidx funcidx codeoffset nlocals nstack}, counts first, then values as
   * a type byte plus a fixed-width little-endian payload.
   */
  REWRITER("rewriter (counts first, fixed-width values)"),
  /** WasmEdge: {@code 0x00 funcidx codeoffset nlocals nstack}, no instance index, then 0x7F + 4-byte i32 values. */
  WASMEDGE("WasmEdge (no instance index, counts first, fixed-width values)");

  private final String description;

  StackLayout(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
