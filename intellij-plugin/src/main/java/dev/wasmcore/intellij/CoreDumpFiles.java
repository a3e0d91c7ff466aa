package dev.wasmcore.intellij;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * File-name conventions of wasm core dumps: which files the "Open Wasm Core Dump..." action offers itself on, and
 * where the module of a dump usually is.
 */
public final class CoreDumpFiles {
  private CoreDumpFiles() {}

  /** True for {@code *.core} and {@code *.coredump} (the names wasmtime, the capture tool and the corpus use). */
  public static boolean isCoreDump(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return (n.endsWith(".core") && n.length() > ".core".length())
        || (n.endsWith(".coredump") && n.length() > ".coredump".length());
  }

  /**
   * The module that sits next to a dump under the dump's base name: {@code app.core} → {@code app.wasm},
   * {@code app.wasm.core} → {@code app.wasm}.
   *
   * @param core the dump
   * @return the module when that file exists
   */
  public static Optional<Path> moduleNextTo(Path core) {
    Path dir = core.toAbsolutePath().getParent();
    if (dir == null) {
      return Optional.empty();
    }
    String name = core.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String candidate = base.toLowerCase(Locale.ROOT).endsWith(".wasm") ? base : base + ".wasm";
    Path module = dir.resolve(candidate);
    return Files.isRegularFile(module) ? Optional.of(module) : Optional.empty();
  }

  /** The run configuration name for a dump: its file name. */
  public static String configurationName(Path core) {
    return "wasmcore: " + core.getFileName();
  }
}
