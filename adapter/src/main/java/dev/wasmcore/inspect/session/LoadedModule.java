package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.inspect.ModuleView;
import dev.wasmcore.symbolize.AddressSymbolizer;
import dev.wasmcore.symbolize.SourceMap;
import dev.wasmcore.wasm.NameSection;
import dev.wasmcore.wasm.WasmModule;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A module of the dump as the session uses it: the wasm file, its DWARF (possibly from an external debug file), the
 * symbolizer over it, the type cache and the name section.
 */
final class LoadedModule {
  final int index;
  final String name;
  final Path path;
  final WasmModule wasm;
  final WasmModule debugFile;
  final DwarfInfo dwarf;
  final AddressSymbolizer symbolizer;
  final DwarfTypes types;
  final NameSection names;
  final ModuleView view;
  /** Decoded function bodies for disassembly and prologue analysis, the most recently used kept. */
  final dev.wasmcore.wasm.disasm.DisassemblyCache disassembly;
  /** Per-unit type name index (unit offset to name to DIE), built on first use by {@link TypeLookup}. */
  final java.util.concurrent.ConcurrentHashMap<Long, Map<String, dev.wasmcore.dwarf.Die>> typeIndex =
      new java.util.concurrent.ConcurrentHashMap<>();

  LoadedModule(int index, String name, Path path, WasmModule wasm, WasmModule debugFile, Path debugPath,
      SourceMap sourceMap) {
    this.index = index;
    this.name = name;
    this.path = path;
    this.wasm = wasm;
    this.debugFile = debugFile;
    WasmModule dwarfSource = debugFile != null ? debugFile : wasm;
    Map<String, ByteRegion> sections = dwarfSource.debugSections();
    this.dwarf = sections.containsKey(".debug_info") || sections.containsKey("debug_info")
        ? DwarfInfo.open(sections) : null;
    this.symbolizer = dwarf != null ? new AddressSymbolizer(dwarf, sourceMap) : null;
    this.types = new DwarfTypes(4);
    this.disassembly = new dev.wasmcore.wasm.disasm.DisassemblyCache(256,
        f -> wasm.body(f).map(b -> b.body()).orElse(null));
    Optional<NameSection> ns = wasm.names();
    this.names = ns.orElse(null);
    String status;
    if (dwarf == null) {
      status = names != null ? "no DWARF (name section only)" : "no DWARF, no name section";
    } else if (debugFile != null) {
      status = "DWARF from " + debugPath;
    } else {
      status = "DWARF in module";
    }
    String producer = wasm.producers().map(Object::toString).orElse(null);
    this.view = new ModuleView(index, name, path == null ? null : path.toString(), status,
        wasm.buildIdHex().orElse(null), producer);
  }

  private volatile dev.wasmcore.wasm.prologue.PrologueAnalyzer prologues;

  /** The (cached) prologue analysis for the stack-pointer global {@code sp}. */
  synchronized dev.wasmcore.wasm.prologue.PrologueAnalyzer prologues(long sp) {
    if (prologues == null || prologues.spGlobal() != sp) {
      prologues = dev.wasmcore.wasm.prologue.PrologueAnalyzer.of(wasm, sp);
    }
    return prologues;
  }

  /** The name-section name of a function, or null. */
  String functionName(long funcIndex) {
    return names == null ? null : names.functionName(funcIndex).orElse(null);
  }

  String localName(long funcIndex, long local) {
    return names == null ? null : names.localName(funcIndex, local).orElse(null);
  }

  String globalName(long global) {
    return names == null ? null : names.globalName(global).orElse(null);
  }

  /** The index of the global named {@code name} in the name section, or -1. */
  long globalIndex(String globalName) {
    if (names == null) {
      return -1;
    }
    for (Map.Entry<Long, String> e : names.nameMap(NameSection.GLOBALS).entrySet()) {
      if (e.getValue().equals(globalName)) {
        return e.getKey();
      }
    }
    return -1;
  }

  void close() {
    wasm.close();
    if (debugFile != null) {
      debugFile.close();
    }
  }
}
