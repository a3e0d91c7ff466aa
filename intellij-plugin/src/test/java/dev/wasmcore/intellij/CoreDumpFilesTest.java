package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreDumpFilesTest {
  @Test
  void recognisesDumpNames() {
    assertTrue(CoreDumpFiles.isCoreDump("crash.core"));
    assertTrue(CoreDumpFiles.isCoreDump("CRASH.CORE"));
    assertTrue(CoreDumpFiles.isCoreDump("app.wasm.coredump"));
    assertFalse(CoreDumpFiles.isCoreDump(".core"));
    assertFalse(CoreDumpFiles.isCoreDump("core"));
    assertFalse(CoreDumpFiles.isCoreDump("crash.wasm"));
    assertFalse(CoreDumpFiles.isCoreDump("score.txt"));
  }

  @Test
  void findsTheModuleNextToTheDump(@TempDir Path dir) throws IOException {
    Path core = Files.createFile(dir.resolve("app.core"));
    assertEquals(Optional.empty(), CoreDumpFiles.moduleNextTo(core));
    Path module = Files.createFile(dir.resolve("app.wasm"));
    assertEquals(Optional.of(module), CoreDumpFiles.moduleNextTo(core));
    Path core2 = Files.createFile(dir.resolve("app.wasm.core"));
    assertEquals(Optional.of(module), CoreDumpFiles.moduleNextTo(core2), "app.wasm.core belongs to app.wasm");
    Files.createDirectory(dir.resolve("dir.wasm"));
    assertEquals(Optional.empty(), CoreDumpFiles.moduleNextTo(dir.resolve("dir.core")), "a folder is no module");
  }
}
