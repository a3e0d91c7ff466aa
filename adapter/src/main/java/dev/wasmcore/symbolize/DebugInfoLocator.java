package dev.wasmcore.symbolize;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.wasm.WasmModule;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the external DWARF of a module that was stripped of it (tool-conventions Debugging.md: the
 * {@code external_debug_info} custom section names the debug file by path or URL; a {@code build_id} section gives
 * an identity). Candidates, in order: the {@code external_debug_info} path as given (absolute, or relative to the
 * module's directory), its file name in each search directory; then by build id in the module's directory and each
 * search directory, {@code debug-<id>.wasm} (as the split tool names it) and {@code <id>.debug.wasm}. A candidate is
 * used only when it belongs to the module: the same build id, or the same Code section bytes. Every candidate that
 * exists but does not belong is reported with the reason, and so is a named debug file that is nowhere to be found;
 * a module without DWARF that names no debug file is not an error (its frames show name-section names).
 */
public final class DebugInfoLocator {
  private DebugInfoLocator() {}

  /**
   * The outcome of a search.
   *
   * @param module the debug module, or null when none was found (the caller closes it)
   * @param path where it was found, or null
   * @param messages what was tried and rejected, for the user (never null)
   */
  public record Result(WasmModule module, Path path, List<String> messages) {
    public boolean found() {
      return module != null;
    }
  }

  /** Whether the module carries DWARF itself (then no search is needed). */
  public static boolean hasOwnDwarf(WasmModule module) {
    return module.debugSections().containsKey(".debug_info");
  }

  /** The candidate paths for {@code module} at {@code modulePath}, in search order, without duplicates. */
  public static List<Path> candidates(WasmModule module, Path modulePath, List<Path> searchDirs) {
    Set<Path> out = new LinkedHashSet<>();
    Path here = modulePath != null ? modulePath.toAbsolutePath().getParent() : null;
    Optional<String> ext = module.externalDebugInfo();
    if (ext.isPresent() && !ext.get().contains("://")) {
      try {
        Path e = Path.of(ext.get());
        if (e.isAbsolute()) {
          out.add(e);
        } else if (here != null) {
          out.add(here.resolve(e).normalize());
        }
        Path fileName = e.getFileName();
        if (fileName != null) {
          for (Path d : searchDirs) {
            out.add(d.resolve(fileName.toString()));
          }
        }
      } catch (InvalidPathException ignored) {
        // a name that is no path on this system names no candidate
      }
    }
    Optional<String> id = module.buildIdHex();
    if (id.isPresent()) {
      List<Path> dirs = new ArrayList<>();
      if (here != null) {
        dirs.add(here);
      }
      dirs.addAll(searchDirs);
      for (Path d : dirs) {
        out.add(d.resolve("debug-" + id.get() + ".wasm"));
        out.add(d.resolve(id.get() + ".debug.wasm"));
      }
    }
    return new ArrayList<>(out);
  }

  /** Searches the candidates and returns the first debug module that belongs to {@code module}. */
  public static Result locate(WasmModule module, Path modulePath, List<Path> searchDirs) {
    List<String> messages = new ArrayList<>();
    if (hasOwnDwarf(module)) {
      return new Result(null, null, messages);
    }
    Optional<String> ext = module.externalDebugInfo();
    if (ext.isPresent() && ext.get().contains("://")) {
      messages.add("external_debug_info names a URL (" + ext.get() + "); download it and pass its folder with "
          + "--debug-dir");
    }
    for (Path c : candidates(module, modulePath, searchDirs)) {
      if (!Files.isRegularFile(c)) {
        continue;
      }
      WasmModule dbg;
      try {
        dbg = WasmModule.open(c);
      } catch (MalformedInputException | UncheckedIOException e) {
        messages.add("debug file " + c + " is not readable: " + e.getMessage());
        continue;
      }
      String why = mismatch(module, dbg);
      if (why == null && !hasOwnDwarf(dbg)) {
        why = "it has no .debug_info section";
      }
      if (why == null) {
        return new Result(dbg, c, messages);
      }
      messages.add("debug file " + c + " does not belong to " + (modulePath != null ? modulePath : module.name())
          + ": " + why);
      dbg.close();
    }
    if (ext.isPresent() && !ext.get().contains("://")) {
      messages.add("external_debug_info names " + ext.get() + ", which was not found next to the module or in the "
          + "--debug-dir folders");
    }
    return new Result(null, null, messages);
  }

  /** Why {@code debug} is not the debug file of {@code module}, or null when it is. */
  public static String mismatch(WasmModule module, WasmModule debug) {
    Optional<String> id = module.buildIdHex();
    Optional<String> dbgId = debug.buildIdHex();
    if (id.isPresent() && dbgId.isPresent()) {
      return id.equals(dbgId) ? null : "build id " + dbgId.get() + " differs from the module's " + id.get();
    }
    if (module.hasCode() && debug.hasCode()) {
      return module.codeIdentity().equals(debug.codeIdentity()) ? null
          : "its Code section differs from the module's";
    }
    if (id.isPresent()) {
      return "it has no build id and no Code section to compare";
    }
    return "neither file has a build id, and a Code section is missing, so they cannot be matched";
  }
}
