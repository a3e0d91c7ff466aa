package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.CoreGlobal;
import dev.wasmcore.coredump.CoreInstance;
import dev.wasmcore.coredump.MemoryImage;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.wasm.WasmValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus wasmtime-style dump re-encoded exactly as wasmtime's writer lays a dump out (see
 * {@code dev.wasmcore.coredump.RuntimeWriterLayoutTest} for the description and its source) opens as the original
 * does: the module found by its {@code coremodules} name next to the dump, the same frames and every
 * {@code sourceValues} fact; a module named {@code <anonymous-module-N>} must be given by the user.
 */
class WasmtimeLayoutSessionTest {
  private static final String CASE = "c_dw5_O2_wt";

  @TempDir
  Path dir;

  private static Path corpus() {
    String p = System.getProperty("wasmcore.corpus");
    assumeTrue(p != null && Files.isDirectory(Path.of(p, "cores", "..", "expected")), "corpus absent");
    return Path.of(p);
  }

  /** The corpus dump re-encoded in wasmtime's layout with {@code moduleName} in coremodules. */
  private static byte[] reencode(Path core, String moduleName) {
    try (CoreDump d = CoreDump.open(core)) {
      CoreDumpWriter w = new CoreDumpWriter().wasmtimeOrder().process(moduleName).module(moduleName);
      for (CoreInstance i : d.instances()) {
        w.instance(i.moduleIndex(), i.memories().stream().mapToLong(Long::longValue).toArray(),
            i.globals().stream().mapToLong(Long::longValue).toArray());
      }
      for (MemoryImage m : d.memories()) {
        byte[] bytes = new byte[(int) m.size()];
        m.read(0, bytes, 0, bytes.length);
        w.memoryInChunks(bytes, m.limits().is64());
      }
      for (CoreGlobal g : d.globals()) {
        WasmValue v = g.value();
        byte[] init = switch (v.kind()) {
          case I32 -> Bytes.i32Const((int) v.asLong());
          case I64 -> Bytes.i64Const(v.asLong());
          default -> throw new IllegalStateException("corpus global of kind " + v.kind());
        };
        w.global(g.type().type().code(), g.type().mutable(), init);
      }
      CoreDumpWriter.Thread t = w.thread("main");
      for (CoreFrame f : d.threads().get(0).frames()) {
        t.frame(f.instanceIndex(), f.funcIndex(), f.codeOffset().value(), List.of(), List.of());
      }
      return w.build();
    }
  }

  private static SessionOptions options(Path corpus, Path core, List<Path> programs) {
    return new SessionOptions(core, programs, List.of(), Map.of("/corpus/src", corpus.resolve("src").toString()),
        List.of(), null);
  }

  @Test
  void moduleFoundByNameNextToTheDumpAndEveryFactHolds() throws IOException {
    Path c = corpus();
    JsonObject expected = JsonParser.parseString(Files.readString(c.resolve("expected").resolve(CASE + ".json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
    String moduleFile = expected.get("module").getAsString();
    Files.copy(c.resolve("modules").resolve(moduleFile), dir.resolve(moduleFile));
    Path core = Files.write(dir.resolve("trap.coredump"), reencode(c.resolve("cores").resolve(CASE + ".core"),
        moduleFile));
    try (DebugSession original = CorpusFactsTest.open(c, CASE, expected);
        DebugSession s = Sessions.open(options(c, core, List.of()), null)) {
      assertEquals("wasmtime", s.crash().producer());
      assertEquals(dir.resolve(moduleFile).toAbsolutePath().toString(), s.modules().get(0).path());
      List<FrameView> want = original.threads().get(0).frames();
      List<FrameView> got = s.threads().get(0).frames();
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.get(i).function(), got.get(i).function(), "frame " + i);
        assertEquals(String.valueOf(want.get(i).location()), String.valueOf(got.get(i).location()), "frame " + i);
      }
      StringBuilder log = new StringBuilder();
      int right = 0;
      int facts = 0;
      for (JsonElement f : expected.getAsJsonArray("sourceValues")) {
        facts++;
        if (CorpusFactsTest.check(s, f.getAsJsonObject(), log) == CorpusFactsTest.Outcome.RIGHT) {
          right++;
        }
      }
      assertTrue(facts > 0);
      assertEquals(facts, right, log.toString());
    }
  }

  @Test
  void anonymousModuleIsGivenByTheUser() throws IOException {
    Path c = corpus();
    JsonObject expected = JsonParser.parseString(Files.readString(c.resolve("expected").resolve(CASE + ".json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
    Path module = c.resolve("modules").resolve(expected.get("module").getAsString());
    Path core = Files.write(dir.resolve("anon.coredump"), reencode(c.resolve("cores").resolve(CASE + ".core"),
        "<anonymous-module-0>"));
    SessionException e = assertThrows(SessionException.class, () -> Sessions.open(options(c, core, List.of()), null));
    assertTrue(e.getMessage().contains("<anonymous-module-0>") && e.getMessage().contains("program"),
        e.getMessage());
    try (DebugSession s = Sessions.open(options(c, core, List.of(module)), null)) {
      assertEquals("<anonymous-module-0>", s.modules().get(0).name());
      assertEquals("wasmtime", s.crash().producer());
    }
  }
}
