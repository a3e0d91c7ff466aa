package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.session.FileAccessPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --allow-dir: resolved paths, symlinks and {@code ..} cannot escape, and a denial does not reveal existence. */
class FileAccessPolicyTest {
  @TempDir
  Path root;

  @Test
  void allowsInsideAndDeniesOutsideWithoutRevealingExistence() throws Exception {
    Path allowed = Files.createDirectories(root.resolve("dumps"));
    Path outside = Files.createDirectories(root.resolve("secret"));
    Files.writeString(outside.resolve("exists.core"), "x");
    Files.writeString(allowed.resolve("a.core"), "x");
    FileAccessPolicy policy = FileAccessPolicy.within(List.of(allowed));

    assertEquals(allowed.resolve("a.core"), policy.check("coreFile", allowed.resolve("a.core")));
    policy.check("coreFile", allowed.resolve("missing.core")); // inside: the caller reports it missing

    DapException existing = assertThrows(DapException.class,
        () -> policy.check("coreFile", outside.resolve("exists.core")));
    DapException missing = assertThrows(DapException.class,
        () -> policy.check("coreFile", outside.resolve("missing.core")));
    assertEquals(ErrorId.ACCESS_DENIED, existing.id());
    assertEquals(existing.getMessage().replace("exists", "X"), missing.getMessage().replace("missing", "X"));

    assertThrows(DapException.class, () -> policy.check("coreFile", allowed.resolve("../secret/exists.core")));
    assertThrows(DapException.class, () -> policy.check("coreFile", allowed.resolve("nodir/../../secret/x")));
  }

  @Test
  void symlinksAreFollowedBeforeTheCheck() throws Exception {
    Path allowed = Files.createDirectories(root.resolve("dumps"));
    Path outside = Files.createDirectories(root.resolve("secret"));
    Files.writeString(outside.resolve("key"), "x");
    Path link = Files.createSymbolicLink(allowed.resolve("escape"), outside);
    FileAccessPolicy policy = FileAccessPolicy.within(List.of(allowed));
    assertThrows(DapException.class, () -> policy.check("program", link.resolve("key")));
    assertThrows(DapException.class, () -> policy.check("program", link.resolve("missing")));
    Path inward = Files.createSymbolicLink(outside.resolve("in"), allowed);
    Files.writeString(allowed.resolve("m.wasm"), "x");
    policy.check("program", inward.resolve("m.wasm"));
  }

  @Test
  void refusesAMissingAllowDir() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileAccessPolicy.within(List.of(root.resolve("nope"))));
    assertTrue(e.getMessage().contains("does not exist"));
  }
}
