package dev.wasmcore.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Instruction;
import dev.wasmcore.testsupport.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The module reader on every corpus module, checked against Chicory (an independent reader) and wasm-objdump. */
class WasmModuleCorpusTest {
  static List<String> modules() {
    return Corpus.moduleNames();
  }

  /** Numbers read by hand from {@code wasm-objdump -h -d -x} (wabt 1.0.32) for c_dw5_O2.wasm. */
  @Test
  void agreesWithWasmObjdumpOnCdw5O2() {
    try (WasmModule m = WasmModule.open(Corpus.module("c_dw5_O2"))) {
      assertEquals(0x1d0, m.codePayloadStart().value()); // "Code start=0x000001d0 ... count: 57"
      assertEquals(0x606c, m.codeSection().length());
      assertEquals(57, m.definedFunctionCount());
      assertEquals(7, m.importedFunctionCount()); // Import[7], all functions
      assertEquals(64, m.functionCount());
      assertEquals(0x1ee, m.body(8).orElseThrow().start().value()); // "0001ee func[8] <level3>:"
      assertEquals(0x1ef, m.body(8).orElseThrow().codeStart().value()); // first instruction at 0001ef
      assertEquals("level3", m.functionName(8).orElseThrow());
      // Custom start=0x0000fa52 ".debug_info": the payload starts with the 12-byte name
      assertEquals(0xfa52 + 12, m.debugSection(".debug_info").orElseThrow().start());
      assertEquals(0x91bf - 12, m.debugSection(".debug_info").orElseThrow().length());
      assertEquals(11, m.debugSections().size());
      assertEquals(new DwarfAddress(54), m.dwarfAddress(8, new CodeOffset(24))); // corpus frame 0
      assertEquals(8, m.functionAt(new DwarfAddress(54)).orElseThrow().funcIndex());
    }
  }

  @ParameterizedTest
  @MethodSource("modules")
  void agreesWithChicory(String name) {
    com.dylibso.chicory.wasm.WasmModule ref = Parser.parse(Corpus.module(name));
    try (WasmModule m = WasmModule.open(Corpus.module(name))) {
      int imported = ref.importSection().count(ExternalType.FUNCTION);
      assertEquals(imported, m.importedFunctionCount());
      assertEquals(imported + ref.functionSection().functionCount(), m.functionCount());
      assertEquals(ref.codeSection().functionBodyCount(), m.definedFunctionCount());
      assertEquals(ref.globalSection().globalCount(), m.globals().size());
      assertEquals(ref.exportSection().exportCount(), m.exports().size());
      assertEquals(ref.dataSection().dataSegmentCount(), m.dataSegments().size());
      assertEquals(ref.typeSection().typeCount(), m.types().size());
      List<FunctionBody> bodies = m.functionBodies();
      for (int i = 0; i < bodies.size(); i++) {
        FunctionBody mine = bodies.get(i);
        var theirs = ref.codeSection().getFunctionBody(i);
        long locals = mine.localDecls().stream().mapToLong(FunctionBody.LocalDecl::count).sum();
        assertEquals(theirs.localTypes().size(), locals, "locals of body " + i);
        List<? extends Instruction> ins = theirs.instructions();
        // Chicory's instruction addresses are file offsets: the first follows the local declarations, the last
        // (the function's end) is the body's last byte
        assertEquals(ins.get(0).address(), mine.codeStart().value(), "first instruction of body " + i);
        assertEquals(ins.get(ins.size() - 1).address(), mine.end().value() - 1, "end of body " + i);
        long f = imported + i;
        String refName = ref.nameSection() == null ? null : ref.nameSection().nameOfFunction((int) f);
        assertEquals(refName, m.functionName(f).orElse(null), "name of function " + f);
      }
      assertFalse(m.debugSections().isEmpty(), "corpus modules carry DWARF");
      assertTrue(m.debugSection(".debug_info").isPresent());
      assertTrue(m.producers().isPresent());
    }
  }
}
