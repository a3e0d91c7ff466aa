package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Jazzer targets for the value renderer in a real session: the C sample's dump with its memory image overwritten by
 * the fuzzer (so every pointer, length, enum tag, bitfield and string terminator is hostile), and the C sample's
 * module with its .debug_info / .debug_abbrev bytes overwritten (so types and locations are hostile). Each input opens
 * a session, renders every variable of every frame two levels deep, evaluates expressions and runs console commands.
 * Outcomes: values (possibly marked unreadable/error), or SessionException / MalformedInputException with file and
 * offset; nothing else.
 */
class ValueRendererFuzzTest {
  private static final Path[] SAMPLE = samplePaths();
  private static final byte[] CORE = SAMPLE == null ? null : Seeds.read(SAMPLE[0]);
  private static final byte[] WASM = SAMPLE == null ? null : Seeds.read(SAMPLE[1]);

  private static Path[] samplePaths() {
    Path out = Seeds.samplesOut();
    return out == null ? null : new Path[] {out.resolve(SessionFuzz.SAMPLE + ".core"),
        out.resolve(SessionFuzz.SAMPLE + ".wasm")};
  }

  /** The input is a list of patches (offset, bytes) applied to the dump's memory bytes. */
  @FuzzTest(maxDuration = "5m")
  void hostileMemory(FuzzedDataProvider in) {
    if (CORE == null) {
      return; // samples absent: nothing to fuzz
    }
    byte[] core = CORE.clone();
    int[] data = SessionFuzz.dataSection(core);
    patch(in, core, data[0], data[1]);
    Path dir = SessionFuzz.tempDir();
    try {
      Path c = SessionFuzz.temp(dir, SessionFuzz.SAMPLE + ".core", core);
      Outcomes.expectValueOrError("hostile memory", c.toString(), () -> SessionFuzz.openAndRender("hostile memory",
          c, SAMPLE[1]));
    } finally {
      SessionFuzz.deleteTree(dir);
    }
  }

  /** Patches applied to the module's .debug_info and .debug_abbrev payloads. */
  @FuzzTest(maxDuration = "5m")
  void hostileDwarf(FuzzedDataProvider in) {
    if (WASM == null) {
      return;
    }
    byte[] wasm = WASM.clone();
    int[] section = SessionFuzz.custom(wasm, in.consumeBoolean() ? ".debug_info" : ".debug_abbrev");
    patch(in, wasm, section[0], section[1]);
    Path dir = SessionFuzz.tempDir();
    try {
      Path w = SessionFuzz.temp(dir, SessionFuzz.SAMPLE + ".wasm", wasm);
      Outcomes.expectValueOrError("hostile DWARF", w.toString(), () -> SessionFuzz.openAndRender("hostile DWARF",
          SAMPLE[0], w));
    } finally {
      SessionFuzz.deleteTree(dir);
    }
  }

  static void patch(FuzzedDataProvider in, byte[] b, int from, int to) {
    int n = in.consumeInt(1, 8);
    for (int k = 0; k < n && in.remainingBytes() > 0; k++) {
      int at = in.consumeInt(from, Math.max(from, to - 1));
      byte[] bytes = in.consumeBytes(in.consumeInt(1, 32));
      for (int i = 0; i < bytes.length && at + i < to; i++) {
        b[at + i] = bytes[i];
      }
    }
  }
}
