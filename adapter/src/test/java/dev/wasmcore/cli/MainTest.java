package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path dir;

  @Test
  void helpListsTheCommands() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("info") && r.out().contains("bt"), r.out());
    assertEquals("", r.err());
    CliRun h = CliRun.of("help", "bt");
    assertTrue(h.out().startsWith("usage: wasmcore bt CORE --module WASM"), h.out());
    assertTrue(CliRun.of("bt", "--help").out().startsWith("usage: wasmcore bt"));
  }

  @Test
  void noArgumentsOrUnknownCommandIsAUsageError() {
    CliRun r = CliRun.of();
    assertEquals(2, r.status());
    assertEquals("", r.out());
    CliRun u = CliRun.of("frobnicate");
    assertEquals(2, u.status());
    assertTrue(u.err().contains("unknown command 'frobnicate'"), u.err());
    assertEquals("", u.out());
  }

  @Test
  void usageErrorsExitTwoWithTheUsageOnStderr() {
    CliRun r = CliRun.of("bt", "x.core");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("wasmcore bt: missing --module WASM\nusage: wasmcore bt"), r.err());
    assertEquals("", r.out());
    CliRun o = CliRun.of("info", "x.core", "--bogus");
    assertEquals(2, o.status());
    assertTrue(o.err().contains("unknown option --bogus"), o.err());
    assertEquals(2, CliRun.of("bt", "a.core", "b.core", "--module", "m.wasm").status());
    assertEquals(2, CliRun.of("bt", "a.core", "--module").status());
  }

  @Test
  void badInputIsOneLineOnStderrWithFileAndOffset() throws Exception {
    Path f = Files.writeString(dir.resolve("notes.core"), "not a dump");
    CliRun r = CliRun.of("info", f.toString());
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertEquals("wasmcore: " + f + ": offset 0x0: not a WebAssembly file: no \\0asm magic number\n", r.err());
  }

  @Test
  void missingFileIsOneLine() {
    CliRun r = CliRun.of("info", dir.resolve("gone.core").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().matches("wasmcore: .*gone\\.core: cannot read: no such file\n"), r.err());
  }

  @Test
  void internalErrorsAreCaughtToo() {
    Command boom = new Command() {
      public String name() {
        return "boom";
      }

      public String summary() {
        return "fails";
      }

      public String usage() {
        return "usage: boom\n";
      }

      public int run(List<String> args, PrintStream out, PrintStream err) {
        throw new IllegalStateException("bug");
      }
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int status = new Main(new CommandRegistry(List.of(boom))).run(List.of("boom"), System.out,
        new PrintStream(err, true));
    assertEquals(1, status);
    assertEquals("wasmcore: internal error: java.lang.IllegalStateException: bug\n", err.toString());
  }
}
