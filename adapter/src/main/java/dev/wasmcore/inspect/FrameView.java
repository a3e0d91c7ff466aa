package dev.wasmcore.inspect;

import java.util.List;

/**
 * One source-level frame: a physical core dump frame, or one inlined level of it. Indices count source frames as
 * {@code wasmcore bt} prints them (0 the youngest, inlined levels included).
 */
public interface FrameView {
  /** Unique within the session (stable across requests), used as the DAP frame id. */
  int id();

  int threadId();

  /** Index among the thread's source frames. */
  int index();

  /** Index of the core dump frame this comes from. */
  int physicalIndex();

  /** True for all but the outermost level of a physical frame. */
  boolean inlined();

  /** Function name: qualified DWARF name, else the name-section name, else {@code func[N]}. */
  String function();

  /** The source position, or null when no line information covers the address. */
  SourceLocation location();

  /** Whether this is user code, library code (std, libc, libc++, compiler runtime) or has no source. */
  FrameKind kind();

  int instance();

  /** The module's display name. */
  String module();

  /** Index of the module in {@link DebugSession#modules()}. */
  int moduleIndex();

  int funcIndex();

  /** Offset relative to the function body start (the byte after the body-size LEB128). */
  long codeOffset();

  /** Offset relative to the Code section payload (the DWARF address space). */
  long dwarfAddress();

  /** The reference {@link DebugSession#disassemble} takes, pointing at this frame's instruction. */
  String instructionPointerReference();

  /** Arguments, Locals, Globals, Wasm (raw locals, operand stack, globals). */
  List<ScopeView> scopes();
}
