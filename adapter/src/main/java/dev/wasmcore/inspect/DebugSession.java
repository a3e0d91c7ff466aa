package dev.wasmcore.inspect;

import java.nio.file.Path;
import java.util.List;

/**
 * A post-mortem debug session over one core dump: immutable, thread-safe, nothing ever resumes. This is the
 * debugger-neutral model that the DAP server and the CLI both present; neither reaches below it.
 *
 * <p>Open one with {@link Sessions#open(SessionOptions, ProgressListener)}.
 */
public interface DebugSession extends AutoCloseable {
  /** The dump file. */
  Path coreFile();

  /** Why the program stopped, and who wrote the dump. */
  CrashInfo crash();

  /** The dump's threads in {@code corestack} order; ids start at 1 and are never reused. */
  List<DebugThread> threads();

  /** The thread with this id; a {@link SessionException} when there is none. */
  DebugThread thread(int id);

  /** The modules of the dump with their symbol status. */
  List<ModuleView> modules();

  /** Source files named by the modules' DWARF units, after the source map. */
  List<SourceFileView> loadedSources();

  /**
   * Reads linear memory of the memory reference's instance (references come from {@link VariableView#memoryReference()}
   * and are "0x..." addresses of instance 0's memory 0 unless the implementation encodes more).
   *
   * @param memoryReference as given out by this session
   * @param offset bytes added to the reference (may be negative)
   * @param count bytes wanted, capped by {@link Limits#maxBytesPerRequest()}
   */
  MemoryRead readMemory(String memoryReference, long offset, int count);

  /**
   * Wasm instructions around an instruction reference (from {@link FrameView#instructionPointerReference()} or a
   * previous instruction's {@link Instruction#address()}): {@code instructionOffset} instructions from it (negative
   * = before), {@code count} in all; positions outside any function are returned as invalid instructions so the
   * result always has {@code count} entries.
   */
  List<Instruction> disassemble(String instructionReference, long byteOffset, int instructionOffset, int count,
      boolean resolveSymbols);

  /**
   * Evaluates an expression (C-like, Rust paths, {@code $wasm} names) in a frame's scope, or globally when
   * {@code frame} is null. Errors are {@link SessionException}s naming the token and the reason.
   */
  VariableView evaluate(FrameView frame, String expression);

  /**
   * Runs a gdb-like console command ({@code bt}, {@code frame N}, {@code info locals}, {@code p EXPR},
   * {@code ptype EXPR}, {@code x/NFU ADDR}, {@code list}, ...) and returns its text output. {@code frame} is the
   * selected frame (may be null: the top frame).
   */
  ConsoleResult console(FrameView frame, String commandLine);

  /** Releases mapped files. Idempotent. */
  @Override
  void close();
}
