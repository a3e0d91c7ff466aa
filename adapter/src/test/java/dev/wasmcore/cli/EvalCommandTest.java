package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code wasmcore eval}, {@code wasmcore demo} and {@code wasmcore bt --locals} on the corpus and the samples. */
class EvalCommandTest {
  static Path corpus() {
    String p = System.getProperty("wasmcore.corpus");
    Path c = p == null ? null : Path.of(p);
    assumeTrue(c != null && Files.isDirectory(c.resolve("cores")), "corpus absent");
    return c;
  }

  @Test
  void printsThePlainValue() {
    Path c = corpus();
    CliRun r = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--frame", "0", "acc->name");
    assertEquals(0, r.status(), r.err());
    assertEquals("\"alice\"", r.out().strip());
    CliRun hex = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--frame", "3", "a.balance", "--hex");
    assertEquals("0x3e8", hex.out().strip());
  }

  @Test
  void jsonHasTypeValueAndOneLevelOfChildren() {
    Path c = corpus();
    CliRun r = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--frame", "3", "a", "--json");
    assertEquals(0, r.status(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("Account", o.get("type").getAsString());
    assertTrue(o.get("value").getAsString().contains("name=\"alice\""), r.out());
    assertEquals("\"alice\"", o.getAsJsonArray("children").get(0).getAsJsonObject().get("value").getAsString());
    assertEquals("a.name", o.getAsJsonArray("children").get(0).getAsJsonObject().get("evaluateName")
        .getAsString());
  }

  @Test
  void errorsAreOneLineAndStatusOne() {
    Path c = corpus();
    CliRun r = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--frame", "0", "nosuch");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("wasmcore: 'nosuch' at column 1"), r.err());
    CliRun far = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--frame", "99", "acc");
    assertEquals(1, far.status());
    assertTrue(far.err().contains("no frame 99"), far.err());
    CliRun usage = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString());
    assertEquals(2, usage.status());
  }

  @Test
  void consoleCommandsThroughEval() {
    Path c = corpus();
    CliRun r = CliRun.of("eval", c.resolve("cores/c_dw5_O0.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--frame", "0", "info", "args");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("idx = 5"), r.out());
  }

  @Test
  void btLocalsShowsRebuiltFrameVariablesOfAWasmtimeDump() {
    Path c = corpus();
    CliRun r = CliRun.of("bt", c.resolve("cores/c_dw5_O0_wt.core").toString(), "--module",
        c.resolve("modules/c_dw5_O0.wasm").toString(), "--locals");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("int local_sum = 1005  (reconstructed)"), r.out());
    assertTrue(r.out().contains("#3 __main_argc_argv"), r.out());
  }

  @Test
  void demoPrintsTheEmbeddedPostMortem() {
    assumeTrue(EvalCommandTest.class.getResource(DemoCommand.CORE) != null, "demo resources not built");
    CliRun r = CliRun.of("demo");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Trap: memory access out of bounds"), r.out());
    assertTrue(r.out().contains("#0 record_movement"), r.out());
    assertTrue(r.out().contains("ledger->entries[slot] = delta;"), r.out());
    assertTrue(r.out().contains("int delta = 210"), r.out());
  }
}
