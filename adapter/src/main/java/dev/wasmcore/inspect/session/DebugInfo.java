package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.wasm.WasmModule;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * External DWARF for a module stripped of it: the {@code external_debug_info} path (next to the module or in the
 * debug-info directories), then the build id ({@code debug-<id>.wasm}, {@code <id>.debug.wasm}). A candidate is
 * used only when it belongs to the module: same build id, or the same code section.
 */
final class DebugInfo {
  private DebugInfo() {}

  record Found(WasmModule module, Path path) {}

  static Found find(WasmModule wasm, Path modulePath, List<Path> dirs) {
    if (wasm.debugSection(".debug_info").isPresent()) {
      return null;
    }
    List<Path> candidates = new ArrayList<>();
    Path here = modulePath.toAbsolutePath().getParent();
    Optional<String> ext = wasm.externalDebugInfo();
    if (ext.isPresent() && !ext.get().contains("://")) {
      try {
        Path e = Path.of(ext.get());
        if (e.isAbsolute()) {
          candidates.add(e);
        }
        if (here != null) {
          candidates.add(here.resolve(ext.get()));
        }
        for (Path d : dirs) {
          candidates.add(d.resolve(e.getFileName().toString()));
        }
      } catch (InvalidPathException ignored) {
        // an unusable path names no file
      }
    }
    Optional<String> id = wasm.buildIdHex();
    if (id.isPresent()) {
      List<Path> all = new ArrayList<>(dirs);
      if (here != null) {
        all.add(here);
      }
      for (Path d : all) {
        candidates.add(d.resolve("debug-" + id.get() + ".wasm"));
        candidates.add(d.resolve(id.get() + ".debug.wasm"));
      }
    }
    for (Path c : candidates) {
      if (!Files.isRegularFile(c)) {
        continue;
      }
      WasmModule dbg;
      try {
        dbg = WasmModule.open(c);
      } catch (MalformedInputException e) {
        System.err.println("wasmcore: ignoring debug file " + c + ": " + e.getMessage());
        continue;
      }
      boolean sameId = id.isPresent() && dbg.buildIdHex().equals(id);
      boolean sameCode = dbg.hasCode() && wasm.hasCode() && dbg.codeIdentity().equals(wasm.codeIdentity());
      if ((sameId || sameCode) && dbg.debugSection(".debug_info").isPresent()) {
        return new Found(dbg, c);
      }
      System.err.println("wasmcore: debug file " + c + " does not belong to " + modulePath
          + " (build id and code section differ)");
      dbg.close();
    }
    return null;
  }
}
