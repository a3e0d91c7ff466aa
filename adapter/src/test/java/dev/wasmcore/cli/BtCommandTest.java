package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.testsupport.Corpus;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import dev.wasmcore.wasm.WasmValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BtCommandTest {
  @TempDir
  Path dir;

  static List<String> cores() {
    return Corpus.coreNames();
  }

  /**
   * {@code wasmcore bt --json} gives every corpus frame's function index, offset and DWARF address, and one entry
   * per source level equal to the expected {@code symbolized} list (llvm-symbolizer-16): function, file, line,
   * column, innermost first, {@code inlined} on all but the outermost. Frames without DWARF carry the
   * name-section name and null source fields.
   */
  @ParameterizedTest
  @MethodSource("cores")
  void jsonFramesMatchTheCorpus(String name) {
    String core = Corpus.core(name).toString();
    CliRun r = CliRun.of("bt", core, "--module", Corpus.moduleOf(name).toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(core, doc.get("core").getAsString());
    JsonObject thread = doc.getAsJsonArray("threads").get(0).getAsJsonObject();
    assertEquals(1, thread.get("id").getAsInt());
    assertEquals("main", thread.get("name").getAsString());
    JsonArray frames = thread.getAsJsonArray("frames");
    JsonArray expected = Corpus.expected(name).getAsJsonArray("frames");
    int k = 0;
    for (int i = 0; i < expected.size(); i++) {
      JsonObject e = expected.get(i).getAsJsonObject();
      JsonArray levels = e.getAsJsonArray("symbolized");
      for (int level = 0; level < levels.size(); level++, k++) {
        JsonObject f = frames.get(k).getAsJsonObject();
        JsonObject x = levels.get(level).getAsJsonObject();
        String where = name + " frame " + i + " level " + level;
        assertEquals(k, f.get("index").getAsInt());
        assertEquals(i, f.get("physicalIndex").getAsInt(), where);
        assertEquals(e.get("funcIndex").getAsLong(), f.get("funcIndex").getAsLong());
        assertEquals(e.get("codeOffset").getAsLong(), f.get("codeOffset").getAsLong());
        assertEquals(e.get("dwarfAddress").getAsLong(), f.get("dwarfAddress").getAsLong(), where);
        assertEquals(level + 1 < levels.size(), f.get("inlined").getAsBoolean(), where);
        assertEquals(Corpus.moduleOf(name).getFileName().toString(), f.get("module").getAsString());
        if (x.get("FunctionName").getAsString().isEmpty()) {
          assertTrue(f.get("file").isJsonNull(), where);
          assertTrue(f.get("line").isJsonNull(), where);
          assertTrue(f.get("function").isJsonNull() || !f.get("function").getAsString().isEmpty(), where);
        } else {
          assertEquals(x.get("FunctionName").getAsString(), f.get("function").getAsString(), where);
          assertEquals(x.get("FileName").getAsString(), f.get("file").getAsString(), where);
          assertEquals(x.get("Line").getAsInt(), f.get("line").getAsInt(), where);
          assertEquals(x.get("Column").getAsInt(), f.get("column").getAsInt(), where);
        }
      }
    }
    assertEquals(k, frames.size());
  }

  private Path module() {
    WasmBuilder b = new WasmBuilder();
    int t = b.type(new int[0], new int[0]);
    b.importFunction("env", "imp", t);
    b.function(t, 30);
    b.function(t, 30);
    b.names("m.wasm", Map.of(1, "level3<&'a>", 2, "main"), null, null);
    return b.write(dir.resolve("m.wasm"));
  }

  @Test
  void exactJsonForTwoThreads() {
    Path m = module();
    CoreDumpWriter w = new CoreDumpWriter().module("m.wasm").instance(0, new long[0], new long[0]);
    w.thread("main").frame(0, 1, 5, List.of(WasmValue.i32(1)), List.of()).frame(0, 2, 0, List.of(), List.of());
    w.thread("worker \"2\"").frame(0, 2, 7, List.of(), List.of());
    Path core = w.write(dir.resolve("t.core"));
    // The synthetic caller frame is not on a call instruction: --force prints it anyway (the contract is the point).
    CliRun r = CliRun.of("bt", core.toString(), "--module", m.toString(), "--json", "--force");
    assertEquals(0, r.status(), r.err());
    // body of function 1 starts 2 bytes into the code payload, function 2 two bytes after its 31-byte body
    String expected = "{\"core\": \"" + core + "\", \"threads\": [{\"id\": 1, \"name\": \"main\", \"frames\": [\n"
        + "  {\"index\": 0, \"physicalIndex\": 0, \"instance\": 0, \"module\": \"m.wasm\", \"funcIndex\": 1, "
        + "\"codeOffset\": 5, \"dwarfAddress\": 7, \"function\": \"level3<&'a>\", \"file\": null, \"line\": null, "
        + "\"column\": null, \"inlined\": false},\n"
        + "  {\"index\": 1, \"physicalIndex\": 1, \"instance\": 0, \"module\": \"m.wasm\", \"funcIndex\": 2, "
        + "\"codeOffset\": 0, \"dwarfAddress\": 35, \"function\": \"main\", \"file\": null, \"line\": null, "
        + "\"column\": null, \"inlined\": false}]}, "
        + "{\"id\": 2, \"name\": \"worker \\\"2\\\"\", \"frames\": [\n"
        + "  {\"index\": 0, \"physicalIndex\": 0, \"instance\": 0, \"module\": \"m.wasm\", \"funcIndex\": 2, "
        + "\"codeOffset\": 7, \"dwarfAddress\": 42, \"function\": \"main\", \"file\": null, \"line\": null, "
        + "\"column\": null, \"inlined\": false}]}]}\n";
    assertEquals(expected, r.out());
  }

  @Test
  void textBacktrace() {
    Path m = module();
    CoreDumpWriter w = new CoreDumpWriter().module("m.wasm").instance(0, new long[0], new long[0]);
    w.thread("main").frame(0, 1, 5, List.of(), List.of());
    CliRun r = CliRun.of("bt", w.write(dir.resolve("t.core")).toString(), "--module", m.toString());
    assertEquals("thread 1 \"main\" (1 frames)\n  #0   func 1     level3<&'a>  code offset 0x5  DWARF 0x7\n",
        r.out());
  }

  @Test
  void aFrameNamingAFunctionTheModuleLacksFails() {
    Path m = module();
    CoreDumpWriter w = new CoreDumpWriter().module("m.wasm").instance(0, new long[0], new long[0]);
    w.thread("main").frame(0, 1, 5, List.of(), List.of()).frame(0, 40, 1, List.of(), List.of());
    Path core = w.write(dir.resolve("t.core"));
    CliRun r = CliRun.of("bt", core.toString(), "--module", m.toString(), "--json");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("wasmcore: " + core + ": offset 0x"), r.err());
    assertTrue(r.err().contains("custom section \"corestack\": frame 1 names function 40, which does not exist"),
        r.err());
    assertEquals(1, r.err().lines().count());
  }
}
