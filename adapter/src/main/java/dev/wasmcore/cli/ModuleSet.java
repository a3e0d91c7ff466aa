package dev.wasmcore.cli;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.wasm.WasmModule;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modules given with {@code --module}, and which one a frame runs in: with one module, every frame; with several,
 * the one whose file name equals the frame's {@code coremodules} name.
 */
final class ModuleSet implements Closeable {
  private final List<WasmModule> modules = new ArrayList<>();

  ModuleSet(List<String> paths) {
    try {
      for (String p : paths) {
        modules.add(WasmModule.open(Path.of(p)));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  boolean isEmpty() {
    return modules.isEmpty();
  }

  List<WasmModule> all() {
    return modules;
  }

  static String baseName(String path) {
    Path f = Path.of(path).getFileName();
    return f == null ? path : f.toString();
  }

  /** The module a frame belongs to; a {@link MalformedInputException} on the dump when none fits. */
  WasmModule moduleOf(CoreDump dump, CoreFrame frame) {
    if (modules.size() == 1) {
      return modules.get(0);
    }
    Optional<String> name = dump.moduleNameOf(frame);
    if (name.isPresent()) {
      for (WasmModule m : modules) {
        if (baseName(m.name()).equals(baseName(name.get()))) {
          return m;
        }
      }
    }
    throw new MalformedInputException(dump.name(), frame.fileOffset(), "custom section \"corestack\": frame "
        + frame.index() + " runs in module " + name.orElse("(unnamed)") + ", which none of the --module files is");
  }

  @Override
  public void close() {
    for (WasmModule m : modules) {
      m.close();
    }
  }
}
