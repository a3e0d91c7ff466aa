package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.wasm.WasmModule;

/**
 * Jazzer target: the core dump reader on arbitrary bytes (process, modules, instances, every thread's frames in each
 * layout, memories read at hostile addresses, globals), with frames mapped onto a small module so function indices
 * and code offsets from the dump are checked against real bodies.
 */
class CoreDumpFuzzTest {
  static final String NAME = "fuzz.core";
  private static final WasmModule MODULE =
      WasmModule.of(new ArrayByteSource("tiny_dw5_O0.wasm", Seeds.resource("tiny_dw5_O0.wasm")));

  @FuzzTest(maxDuration = "10m")
  void core(byte[] data) {
    Outcomes.expectValueOrError("core (" + data.length + " bytes)", NAME,
        () -> Drivers.core(NAME, CoreDump.of(new ArrayByteSource(NAME, data)), MODULE));
  }
}
