package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code wasmcore eval ... 'p/x EXPR'} prints in the command's format, as the DAP console does. */
class CliConsoleFormatTest {
  private static CliRun eval(String expr, String... flags) {
    String samples = System.getProperty("wasmcore.samples");
    assumeTrue(samples != null && Files.isRegularFile(Path.of(samples, "out/c_dw5_O0.core")), "samples absent");
    String[] head = {"eval", Path.of(samples, "out/c_dw5_O0.core").toString(), "--module",
        Path.of(samples, "out/c_dw5_O0.wasm").toString(), "--frame", "0", expr};
    String[] all = new String[head.length + flags.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(flags, 0, all, head.length, flags.length);
    return CliRun.of(all);
  }

  @Test
  void printWithSlashXIsHexadecimal() {
    assertEquals("210", eval("p delta").out().strip());
    assertEquals("0xd2", eval("p/x delta").out().strip());
    assertEquals("0xd2", eval("p delta", "--hex").out().strip());
    assertEquals("0xd2", eval("delta", "--hex").out().strip());
  }
}
