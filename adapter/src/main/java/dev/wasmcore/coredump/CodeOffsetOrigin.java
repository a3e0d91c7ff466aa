package dev.wasmcore.coredump;

/**
 * Where a producer's {@code codeoffset} counts from. Coredump.md (and V8 and wasmtime) count from the start of the
 * function body, the byte after its size LEB128; builds of the wasm-coredump rewriter and WasmEdge write other
 * positions, so their offsets are converted through the module ({@link CoreDump#withBodyOffsets}) before anything
 * uses them.
 */
public enum CodeOffsetOrigin {
  /** The function body start (after the body-size LEB128): the spec's origin. */
  BODY("the function body start"),
  /**
   * The function's first instruction, after the local declarations: the rewriter from 0.2.2 (xtuc/wasm-coredump
   * commit e07dfb5, 2024-12-31) subtracts the parsed start of the body's expression, and its parser shifts both
   * positions by the same amount, so the difference counts from the first instruction.
   */
  INSTRUCTIONS("the function's first instruction"),
  /**
   * The rewriter 0.1.20 to 0.2.1 (commit 5692da9 and parser commit b2563cc, 2023-07): the instruction's parsed offset
   * minus the offset of the Code section's id byte, where the parser placed every body's instructions at the file
   * offset of the body-size LEB128 instead of after it. So {@code bodyOffset = offset - (sizeField - codeSectionId)}.
   */
  CODE_SECTION_HEADER("the Code section header, less the body-size field"),
  /**
   * WasmEdge: a frame's {@code codeoffset} is the file offset (from the start of the module file) of the call
   * instruction in its caller that entered it, and its {@code funcidx} is that call's target. So frame k stopped at
   * the call whose offset frame k-1 carries; where the youngest frame stopped is not recorded (it is placed at its
   * function's first instruction). Read from WasmEdge/WasmEdge lib/executor/coredump.cpp ({@code createCorestack}:
   * {@code Frames[Idx].From->getOffset()} and {@code getTargetIndex()}, commit
   * 0800d49d75a46b7f02c3808ce2849d0b6777ace5) and lib/loader/ast/instruction.cpp ({@code loadInstrSeq} gives each
   * instruction {@code FMgr.getOffset()} before its opcode, commit 041609635ecd0cbc075611d296902e61d34be423).
   */
  CALLER_CALL_FILE_OFFSET("the file offset of the call that entered the frame (in its caller)"),
  /** The rewriter before 0.1.20 wrote 0 for every frame: the position inside the function is unknown. */
  NOT_RECORDED("not recorded");

  private final String description;

  CodeOffsetOrigin(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
