package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.wasm.WasmModule;

/**
 * Jazzer target: the wasm module reader on arbitrary bytes, every accessor driven (sections, index spaces, bodies,
 * names, producers, build id, data, elements, address conversions, and the DWARF found in it). Regression inputs:
 * {@code src/test/resources/dev/wasmcore/fuzz/WasmModuleFuzzTestInputs/module/}.
 */
class WasmModuleFuzzTest {
  static final String NAME = "fuzz.wasm";

  @FuzzTest(maxDuration = "10m")
  void module(byte[] data) {
    Outcomes.expectValueOrError("module (" + data.length + " bytes)", NAME,
        () -> Drivers.module(NAME, WasmModule.of(new ArrayByteSource(NAME, data))));
  }
}
