package dev.wasmcore.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.dwarf.testsupport.Bytes;
import dev.wasmcore.wasm.WasmModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Symbolizer} on the corpus dumps (every frame of every dump, the wasmtime and rewriter variants included,
 * through the core dump reader and the module's address conversion) and the external debug file search.
 */
public class SymbolizerTest {
  @TempDir
  Path dir;

  @Test
  void everyCorpusDumpSymbolizesLikeTheSymbolizer() throws IOException {
    Path corpus = CorpusDwarfSymbolizationTest.corpus();
    List<Path> expectedFiles;
    try (var s = Files.list(corpus.resolve("expected"))) {
      expectedFiles = s.sorted().toList();
    }
    int frames = 0;
    for (Path e : expectedFiles) {
      String name = e.getFileName().toString().replace(".json", "");
      JsonObject o = JsonParser.parseString(Files.readString(e)).getAsJsonObject();
      Path modulePath = corpus.resolve("modules").resolve(o.get("module").getAsString());
      try (WasmModule m = WasmModule.open(modulePath); CoreDump dump = CoreDump.open(corpus.resolve("cores")
          .resolve(name + ".core")); Symbolizer s = Symbolizer.open(m, modulePath, List.of(), SourceMap.empty())) {
        assertEquals("DWARF in module", s.debugStatus());
        JsonArray expected = o.getAsJsonArray("frames");
        List<CoreFrame> core = dump.threads().get(0).frames();
        assertEquals(expected.size(), core.size());
        for (int i = 0; i < core.size(); i++) {
          JsonObject f = expected.get(i).getAsJsonObject();
          assertEquals(f.get("dwarfAddress").getAsLong(), dump.dwarfAddress(core.get(i), m).value());
          checkFrame(name + " frame " + i, f, s.symbolize(dump, core.get(i)), m, core.get(i).funcIndex());
          frames++;
        }
      }
    }
    assertTrue(frames > 200, "frames checked: " + frames);
  }

  static void checkFrame(String where, JsonObject expected, List<SourceFrame> got, WasmModule m, long funcIndex) {
    JsonArray levels = expected.getAsJsonArray("symbolized");
    assertEquals(levels.size(), got.size(), where + ": " + got);
    for (int k = 0; k < levels.size(); k++) {
      JsonObject x = levels.get(k).getAsJsonObject();
      SourceFrame sf = got.get(k);
      assertEquals(k + 1 < levels.size(), sf.inlined(), where);
      if (x.get("FunctionName").getAsString().isEmpty()) {
        // No DWARF: the name section names the frame, and there is no source.
        assertFalse(sf.hasSource(), where);
        assertEquals(m.functionName(funcIndex).orElse(null), sf.function(), where);
        continue;
      }
      assertEquals(x.get("FunctionName").getAsString(), sf.function(), where);
      assertEquals(x.get("FileName").getAsString(), sf.file(), where);
      assertEquals(x.get("Line").getAsLong(), sf.line(), where);
      assertEquals(x.get("Column").getAsLong(), sf.column(), where);
      assertTrue(sf.hasDwarf());
    }
  }

  /**
   * Copies {@code wasm} without its {@code .debug_*} sections, adding custom sections {@code extra} (name, payload)
   * at the end: a stripped module as the split tools make it.
   */
  public static Path strip(Path wasm, Path out, Object... extra) throws IOException {
    byte[] in = Files.readAllBytes(wasm);
    ByteReader r = ByteReader.of(wasm.toString(), in);
    Bytes b = new Bytes();
    b.raw(java.util.Arrays.copyOf(in, 8));
    r.skip(8);
    while (r.hasRemaining()) {
      long start = r.position();
      int id = r.u8();
      long size = r.varU32();
      long payload = r.position();
      boolean debug = false;
      if (id == 0) {
        ByteReader n = r.duplicate();
        debug = n.name().startsWith(".debug_");
      }
      r.skip(size);
      if (!debug) {
        b.raw(java.util.Arrays.copyOfRange(in, (int) start, (int) (payload + size)));
      }
    }
    for (int i = 0; i < extra.length; i += 2) {
      byte[] name = ((String) extra[i]).getBytes(StandardCharsets.UTF_8);
      byte[] data = (byte[]) extra[i + 1];
      Bytes sec = new Bytes().uleb(name.length).raw(name).raw(data);
      b.u8(0).uleb(sec.size()).raw(sec.toArray());
    }
    Files.write(out, b.toArray());
    return out;
  }

  public static byte[] wasmName(String s) {
    byte[] n = s.getBytes(StandardCharsets.UTF_8);
    return new Bytes().uleb(n.length).raw(n).toArray();
  }

  private JsonObject expected(Path corpus, String name) throws IOException {
    return JsonParser.parseString(Files.readString(corpus.resolve("expected").resolve(name + ".json")))
        .getAsJsonObject();
  }

  private void checkAll(Symbolizer s, WasmModule m, JsonObject expected) {
    for (JsonElement fe : expected.getAsJsonArray("frames")) {
      JsonObject f = fe.getAsJsonObject();
      long func = f.get("funcIndex").getAsLong();
      checkFrame("frame " + f.get("index"), f, s.symbolize(func, f.get("codeOffset").getAsLong()), m, func);
    }
  }

  @Test
  void externalDebugInfoNextToTheModule() throws IOException {
    Path corpus = CorpusDwarfSymbolizationTest.corpus();
    Path original = corpus.resolve("modules/cpp_dw5_O2.wasm");
    Files.copy(original, dir.resolve("app.debug.wasm"));
    Path stripped = strip(original, dir.resolve("app.wasm"), "external_debug_info", wasmName("app.debug.wasm"));
    try (WasmModule m = WasmModule.open(stripped);
        Symbolizer s = Symbolizer.open(m, stripped, List.of(), SourceMap.of(List.of(new SourceMap.Rule(
            "/corpus/src", "/home/me/src"))))) {
      assertEquals(dir.resolve("app.debug.wasm"), s.debugPath());
      assertEquals(List.of(), s.messages());
      JsonObject x = expected(corpus, "cpp_dw5_O2");
      JsonObject f0 = x.getAsJsonArray("frames").get(0).getAsJsonObject();
      List<SourceFrame> got = s.symbolize(f0.get("funcIndex").getAsLong(), f0.get("codeOffset").getAsLong());
      assertEquals("/home/me/src/crash.cpp", got.get(0).file());
      assertEquals("/corpus/src/crash.cpp", got.get(0).compiledFile());
      assertEquals("shop::Inventory::checkedQty(unsigned long) const", got.get(0).function());
      assertEquals("shop::Inventory::checkedQty", got.get(0).qualifiedName());
      assertTrue(got.get(0).inlined());
    }
  }

  @Test
  void externalDebugInfoByBuildIdInASearchDirectory() throws IOException {
    Path corpus = CorpusDwarfSymbolizationTest.corpus();
    Path original = corpus.resolve("modules/c_dw5_O2.wasm");
    Path debugDir = Files.createDirectories(dir.resolve("symbols"));
    byte[] id = {(byte) 0xab, 0x12, 0x34, (byte) 0xcd};
    byte[] idPayload = new Bytes().uleb(id.length).raw(id).toArray();
    // The debug file keeps the code and gets the same build id, as the split tool writes it.
    Path debugFile = debugDir.resolve("debug-ab1234cd.wasm");
    Files.write(debugFile, concat(Files.readAllBytes(original), customSection("build_id", idPayload)));
    Path stripped = strip(original, dir.resolve("app.wasm"), "build_id", idPayload);
    try (WasmModule m = WasmModule.open(stripped);
        Symbolizer s = Symbolizer.open(m, stripped, List.of(debugDir), SourceMap.empty())) {
      assertEquals(debugFile, s.debugPath());
      checkAll(s, m, expected(corpus, "c_dw5_O2"));
    }
  }

  @Test
  void aDebugFileOfAnotherBuildIsRejectedWithAReason() throws IOException {
    Path corpus = CorpusDwarfSymbolizationTest.corpus();
    Files.copy(corpus.resolve("modules/c_dw5_O0.wasm"), dir.resolve("app.debug.wasm"));
    Path stripped = strip(corpus.resolve("modules/c_dw5_O2.wasm"), dir.resolve("app.wasm"), "external_debug_info",
        wasmName("app.debug.wasm"));
    try (WasmModule m = WasmModule.open(stripped);
        Symbolizer s = Symbolizer.open(m, stripped, List.of(), SourceMap.empty())) {
      assertNull(s.dwarf());
      assertNull(s.debugPath());
      assertEquals(2, s.messages().size(), s.messages().toString());
      assertTrue(s.messages().get(0).contains("does not belong") && s.messages().get(0).contains("Code section"),
          s.messages().toString());
      List<SourceFrame> f = s.symbolize(8, 24);
      assertEquals(1, f.size());
      assertEquals("level3", f.get(0).function());
      assertFalse(f.get(0).hasSource());
      assertFalse(f.get(0).hasDwarf());
      assertNotNull(s.debugStatus());
    }
  }

  private static byte[] customSection(String name, byte[] payload) {
    Bytes sec = new Bytes().raw(wasmName(name)).raw(payload);
    return new Bytes().u8(0).uleb(sec.size()).raw(sec.toArray()).toArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
