package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A module with the same function count but other code (the DWARF 4 sibling of the DWARF 5 build of the same
 * program) is refused by {@code bt} (unless {@code --force}, then a warning before the raw frames) and {@code info} (issue 9); {@code eval},
 * {@code bt --locals} and the DAP session refuse it; on the project's samples.
 */
class CliModuleMismatchTest {
  private static Path sample(String name) {
    String samples = System.getProperty("wasmcore.samples");
    assumeTrue(samples != null, "wasmcore.samples not set");
    Path p = Path.of(samples, "out", name);
    assumeTrue(Files.isRegularFile(p), "sample absent: " + p);
    return p;
  }

  @Test
  void btRefusesASiblingBuildInOneLineNamingTheDumpAndOffset() {
    Path core = sample("c_dw5_O0.core");
    CliRun right = CliRun.of("bt", core.toString(), "--module", sample("c_dw5_O0.wasm").toString());
    assertEquals(0, right.status(), right.err());
    assertEquals("", right.err());
    CliRun wrong = CliRun.of("bt", core.toString(), "--module", sample("c_dw4_O0.wasm").toString());
    assertEquals(1, wrong.status(), "no frame is shown: " + wrong.out());
    assertEquals("", wrong.out());
    assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
    assertTrue(wrong.err().startsWith("wasmcore: " + core
        + ": offset 0xd8: custom section \"corestack\": frame 1 (function 9, code offset 296) is not at a call "
        + "instruction"), wrong.err());
    assertTrue(wrong.err().contains("c_dw4_O0.wasm; is this the module that crashed?"), wrong.err());
    assertTrue(wrong.err().contains("--force"), wrong.err());
    CliRun forced = CliRun.of("bt", core.toString(), "--module", sample("c_dw4_O0.wasm").toString(), "--force");
    assertEquals(0, forced.status(), "--force prints the raw backtrace: " + forced.err());
    assertTrue(forced.err().startsWith("wasmcore: warning: the frames below may be wrong: " + core), forced.err());
    assertTrue(forced.out().contains("record_movement"), forced.out());
    CliRun locals = CliRun.of("bt", core.toString(), "--module", sample("c_dw4_O0.wasm").toString(), "--locals");
    assertEquals(1, locals.status(), "the session refuses it: " + locals.out());
    assertTrue(locals.err().contains("is not at a call instruction"), locals.err());
  }

  @Test
  void infoSaysTheSiblingBuildDoesNotMatchAndWhy() {
    Path core = sample("c_dw5_O0.core");
    CliRun r = CliRun.of("info", core.toString(), "--module", sample("c_dw4_O0.wasm").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("matches:      NO"), r.out());
    assertTrue(r.out().contains("frame 1 (function 9, code offset 296) is not at a call instruction"), r.out());
    CliRun ok = CliRun.of("info", core.toString(), "--module", sample("c_dw5_O0.wasm").toString());
    assertTrue(ok.out().contains("matches:      yes"), ok.out());
  }
}
