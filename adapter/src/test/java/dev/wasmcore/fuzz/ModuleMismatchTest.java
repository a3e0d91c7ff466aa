package dev.wasmcore.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A module that does not belong to the dump is detected when the session opens, before any frame is shown: every
 * pair of a sample (and corpus) dump with another sample's module, and a module whose code bytes were changed while
 * its function count stayed the same.
 */
@Tag("fuzz")
class ModuleMismatchTest {
  record Pair(Path core, Path wasm) {
    @Override
    public String toString() {
      return core.getFileName() + " with " + wasm.getFileName();
    }
  }

  static Stream<Pair> wrongPairs() {
    List<Path> cores = new ArrayList<>(Seeds.files(Seeds.samplesOut(), ".core", 1 << 20));
    List<Path> mods = new ArrayList<>(Seeds.files(Seeds.samplesOut(), ".wasm", 1 << 20));
    Path c = Seeds.corpus();
    if (c != null) {
      for (String n : List.of("c_dw5_O0", "c_abort", "cpp_dw5_O2")) {
        cores.add(c.resolve("cores/" + n + ".core"));
        mods.add(c.resolve("modules/" + n + ".wasm"));
      }
    }
    List<Pair> out = new ArrayList<>();
    for (Path core : cores) {
      for (Path m : mods) {
        String cn = core.getFileName().toString().replace(".core", "");
        String mn = m.getFileName().toString().replace(".wasm", "");
        boolean sameDir = core.getParent().equals(m.getParent())
            || core.getParent().getFileName().toString().equals("cores")
                && m.getParent().getFileName().toString().equals("modules")
                && core.getParent().getParent().equals(m.getParent().getParent());
        if (!(cn.equals(mn) && sameDir) && !sameCode(core, m)) {
          out.add(new Pair(core, m));
        }
      }
    }
    return out.stream();
  }

  /**
   * Whether the core's own module has the very same code bytes as {@code m} (the corpus builds c_dw5_O0 and c_abort
   * from one source with one compiler: only the DWARF version differs, so either module shows the frames right).
   */
  private static boolean sameCode(Path core, Path m) {
    String base = core.getFileName().toString().replace(".core", "");
    Path own = core.resolveSibling(base + ".wasm");
    if (!Files.isRegularFile(own)) {
      own = core.getParent().resolveSibling("modules").resolve(base + ".wasm");
    }
    if (!Files.isRegularFile(own)) {
      return false;
    }
    try (WasmModule a = WasmModule.open(own); WasmModule b = WasmModule.open(m)) {
      return a.codeIdentity().equals(b.codeIdentity());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongPairs")
  void wrongModuleIsRefusedBeforeAnyFrame(Pair p) {
    SessionException e = assertThrows(SessionException.class, () -> {
      try (DebugSession s = SampleSession.open(p.core(), p.wasm(), Limits.defaults())) {
        // Opening must already have failed; if it did not, showing frames would show them wrong.
        s.threads().get(0).frames();
      }
    });
    String m = e.getMessage();
    assertTrue(m.contains(p.wasm().getFileName().toString()) || m.contains(p.core().getFileName().toString()),
        "names the files: " + m);
    assertTrue(m.toLowerCase().contains("match") || m.contains("belong") || m.contains("right module"),
        "says the module does not belong to the dump: " + m);
  }

  @Test
  void rightPairOpens() {
    Path[] p = SampleSession.sample("c_dw5_O0");
    try (DebugSession s = SampleSession.open(p[0], p[1], Limits.defaults())) {
      assertTrue(!s.threads().get(0).frames().isEmpty());
    }
  }

  /**
   * Same function count, same sizes, different code: the call instruction of frame 1 (restock calling
   * record_movement) is changed to call another function (same LEB length), as in a rebuilt module whose functions
   * moved. The session must refuse it rather than show frame 0 as called from there.
   */
  @Test
  void sameShapeDifferentCodeIsRefused(@TempDir Path tmp) throws IOException {
    Path[] p = SampleSession.sample("c_dw5_O0");
    byte[] wasm = Files.readAllBytes(p[1]);
    long at;
    try (CoreDump dump = CoreDump.open(p[0]); WasmModule m = WasmModule.open(p[1])) {
      CoreFrame caller = dump.threads().get(0).frames().get(1);
      at = m.body(caller.funcIndex()).orElseThrow().start().value() + caller.codeOffset().value();
    }
    assertEquals(0x10, wasm[(int) at], "frame 1 is at a call");
    // The linker pads call indices to 5-byte LEBs: change the low 7 bits of the first byte, keep its continuation.
    int first = wasm[(int) at + 1] & 0xFF;
    assumeTrue((first & 0x7F) != 0x7F);
    wasm[(int) at + 1] = (byte) ((first & 0x80) | ((first & 0x7F) + 1));
    Path changed = tmp.resolve("c_dw5_O0.wasm");
    Files.write(changed, wasm);
    SessionException e = assertThrows(SessionException.class, () -> {
      try (DebugSession s = SampleSession.open(p[0], changed, Limits.defaults())) {
        s.threads().get(0).frames();
      }
    });
    assertTrue(e.getMessage().toLowerCase().contains("match"), e.getMessage());
  }

  /** Every dump of the corpus and the samples still opens with its own module (no false alarm). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rightPairs")
  void rightModuleOpens(Pair p) {
    try (DebugSession s = SampleSession.open(p.core(), p.wasm(), Limits.defaults())) {
      assertTrue(!s.threads().isEmpty());
    }
  }

  static Stream<Pair> rightPairs() {
    List<Pair> out = new ArrayList<>();
    for (Path core : Seeds.files(Seeds.samplesOut(), ".core", 1 << 20)) {
      out.add(new Pair(core, core.resolveSibling(core.getFileName().toString().replace(".core", ".wasm"))));
    }
    Path c = Seeds.corpus();
    if (c != null) {
      for (Path core : Seeds.files(c.resolve("cores"), ".core", 1 << 20)) {
        String base = core.getFileName().toString().replace(".core", "").replaceAll("_(wt|rw)$", "");
        out.add(new Pair(core, c.resolve("modules/" + base + ".wasm")));
      }
    }
    return out.stream();
  }
}
