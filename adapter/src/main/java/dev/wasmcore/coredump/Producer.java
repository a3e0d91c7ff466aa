package dev.wasmcore.coredump;

/** Who wrote a dump, as far as its bytes tell. */
public enum Producer {
  /** A V8/Node inspector capture (this project's capture tool, the corpus): spec layout with locals and stacks. */
  V8_CAPTURE("V8/Node capture"),
  /** wasmtime v7+: spec layout, every frame's locals and operand stack empty. */
  WASMTIME("wasmtime"),
  /** WasmEdge's interpreter: frames without instance index, counts first, i32 values fixed-width. */
  WASMEDGE("WasmEdge"),
  /** The wasm-coredump rewriter's runtime (what wasmgdb reads). */
  REWRITER("wasm-coredump rewriter"),
  /** A spec dump whose producer leaves no recognisable trace. */
  UNKNOWN("unknown producer");

  private final String displayName;

  Producer(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
