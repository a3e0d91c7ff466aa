package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wasmcore.testsupport.Corpus;
import dev.wasmcore.wasm.WasmModule;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dump of the corpus (V8 captures, their wasmtime-style {@code _wt} and rewriter-layout {@code _rw} copies)
 * read and compared with {@code expected/NAME.json}: each frame's function index, code offset, DWARF address, locals
 * and operand stack.
 */
class CoreDumpCorpusTest {
  static List<String> cores() {
    return Corpus.coreNames();
  }

  @ParameterizedTest
  @MethodSource("cores")
  void framesEqualTheExpectedAnswers(String name) {
    JsonObject expected = Corpus.expected(name);
    JsonArray frames = expected.getAsJsonArray("frames");
    try (CoreDump dump = CoreDump.open(Corpus.core(name));
        WasmModule module = WasmModule.open(Corpus.moduleOf(name))) {
      assertEquals(1, dump.threads().size());
      CoreThread t = dump.threads().get(0);
      assertEquals("main", t.name());
      assertEquals(frames.size(), t.frames().size());
      for (int i = 0; i < frames.size(); i++) {
        JsonObject e = frames.get(i).getAsJsonObject();
        CoreFrame f = t.frames().get(i);
        String where = name + " frame " + i;
        assertEquals(i, f.index());
        assertEquals(e.get("funcIndex").getAsLong(), f.funcIndex(), where);
        assertEquals(e.get("codeOffset").getAsLong(), f.codeOffset().value(), where);
        assertEquals(e.get("dwarfAddress").getAsLong(), dump.dwarfAddress(f, module).value(), where);
        assertValues(e.getAsJsonArray("locals"), f.locals(), where + " locals");
        assertValues(e.getAsJsonArray("stack"), f.stack(), where + " stack");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cores")
  void producerAndLayoutAreRecognised(String name) {
    try (CoreDump dump = CoreDump.open(Corpus.core(name))) {
      ProducerInfo p = dump.producer();
      if (name.endsWith("_rw")) {
        assertEquals(Producer.REWRITER, p.producer(), name);
        assertEquals(StackLayout.REWRITER, p.layout(), name);
        assertTrue(dump.globals().isEmpty());
        assertTrue(dump.modules().isEmpty());
      } else if (name.endsWith("_wt")) {
        assertEquals(Producer.WASMTIME, p.producer(), name);
        assertEquals(StackLayout.SPEC, p.layout(), name);
        assertFalse(p.localsRecorded());
      } else {
        assertEquals(Producer.V8_CAPTURE, p.producer(), name);
        assertEquals(StackLayout.SPEC, p.layout(), name);
        assertEquals(1, dump.modules().size());
        assertEquals(Corpus.moduleOf(name).getFileName().toString(), dump.modules().get(0).name());
        assertEquals(1, dump.instances().size());
        assertEquals(dump.modules().get(0).name(), dump.process().executableName());
      }
      if (!name.endsWith("_rw")) {
        // __stack_pointer, an i32 inside memory
        long sp = dump.globals().get(0).value().asLong();
        assertTrue(sp > 0 && sp < dump.memories().get(0).size(), name + " sp " + sp);
      }
      MemoryImage mem = dump.memories().get(0);
      assertTrue(mem.coveredBytes() > 0);
      assertEquals(mem.pages() * 65536, mem.size());
    }
  }

  /** Values as the corpus writes them: i32 a number, i64 a decimal string, floats exact, missing typed. */
  static void assertValues(JsonArray expected, List<WasmValue> actual, String where) {
    assertEquals(expected.size(), actual.size(), where + " count");
    for (int i = 0; i < expected.size(); i++) {
      JsonObject e = expected.get(i).getAsJsonObject();
      WasmValue v = actual.get(i);
      String type = e.get("type").getAsString();
      String at = where + "[" + i + "]";
      assertEquals(type, v.typeName(), at);
      JsonElement val = e.get("value");
      switch (type) {
        case "missing":
          assertTrue(v.isMissing(), at);
          break;
        case "i32":
          assertEquals(val.getAsLong(), v.asLong(), at);
          break;
        case "i64":
          assertEquals(val.getAsString(), Long.toString(v.asLong()), at);
          break;
        default: {
          String s = val.getAsJsonPrimitive().isString() ? val.getAsString() : null;
          double d = s == null ? val.getAsDouble() : Double.parseDouble(s);
          assertEquals(0, Double.compare(d, v.asDouble()), at + ": " + val + " vs " + v.format());
        }
      }
    }
  }
}
