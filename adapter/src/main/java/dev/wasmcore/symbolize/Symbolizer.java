package dev.wasmcore.symbolize;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.wasm.CodeOffset;
import dev.wasmcore.wasm.DwarfAddress;
import dev.wasmcore.wasm.WasmModule;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Core dump frames to source frames for one wasm module: converts a frame's (function index, code offset) to the
 * DWARF address (the only place that does; see DESIGN.md "Two address spaces"), then symbolizes it with
 * {@link AddressSymbolizer} over the module's own DWARF or its external debug file. Frames that no DWARF describes
 * get one frame with the name-section name, marked as having no source.
 */
public final class Symbolizer implements Closeable {
  private final WasmModule module;
  private final WasmModule debugModule;
  private final Path debugPath;
  private final DwarfInfo dwarf;
  private final AddressSymbolizer addresses;
  private final List<String> messages;

  /**
   * A symbolizer over {@code module}'s DWARF or, when {@code debugModule} is given, over that file's DWARF (the
   * caller has checked that it belongs, e.g. with {@link DebugInfoLocator}).
   */
  public Symbolizer(WasmModule module, WasmModule debugModule, Path debugPath, SourceMap sourceMap,
      List<String> messages) {
    this.module = module;
    this.debugModule = debugModule;
    this.debugPath = debugPath;
    this.messages = List.copyOf(messages);
    Map<String, ByteRegion> sections = (debugModule != null ? debugModule : module).debugSections();
    this.dwarf = sections.containsKey(".debug_info") ? DwarfInfo.open(sections) : null;
    this.addresses = dwarf != null ? new AddressSymbolizer(dwarf, sourceMap) : null;
  }

  /**
   * A symbolizer for {@code module} at {@code modulePath}, finding external DWARF in {@code debugDirs} when the
   * module has none of its own.
   */
  public static Symbolizer open(WasmModule module, Path modulePath, List<Path> debugDirs, SourceMap sourceMap) {
    DebugInfoLocator.Result r = DebugInfoLocator.locate(module, modulePath, debugDirs);
    return new Symbolizer(module, r.module(), r.path(), sourceMap, r.messages());
  }

  public WasmModule module() {
    return module;
  }

  /** The DWARF used, or null when neither the module nor a debug file has any. */
  public DwarfInfo dwarf() {
    return dwarf;
  }

  /** The external debug file in use, or null. */
  public Path debugPath() {
    return debugPath;
  }

  /** What the search for external DWARF tried and rejected (for the user). */
  public List<String> messages() {
    return messages;
  }

  /** A one-line description of where the DWARF comes from. */
  public String debugStatus() {
    if (dwarf == null) {
      return module.names().isPresent() ? "no DWARF (name section only)" : "no DWARF, no name section";
    }
    return debugPath != null ? "DWARF from " + debugPath : "DWARF in module";
  }

  /** The DWARF address of a frame: body start of the function minus Code payload start, plus the offset. */
  public long dwarfAddress(long funcIndex, long codeOffset) {
    DwarfAddress a = module.dwarfAddress(funcIndex, new CodeOffset(codeOffset));
    return a.value();
  }

  /** The source frames of a core dump frame of this module, innermost first. */
  public List<SourceFrame> symbolize(CoreDump dump, CoreFrame frame) {
    long address = dump.dwarfAddress(frame, module).value();
    return symbolizeAddress(frame.funcIndex(), address);
  }

  /** The source frames of function {@code funcIndex} at body-relative {@code codeOffset}, innermost first. */
  public List<SourceFrame> symbolize(long funcIndex, long codeOffset) {
    return symbolizeAddress(funcIndex, dwarfAddress(funcIndex, codeOffset));
  }

  /**
   * The source frames at a DWARF address inside function {@code funcIndex}, innermost first. Never empty: without
   * DWARF (or when the DWARF is malformed there) one frame carries the name-section name and no source. Where DWARF
   * covers the address but names no function, the outermost level takes the name-section name.
   */
  public List<SourceFrame> symbolizeAddress(long funcIndex, long dwarfAddress) {
    // The name section is read only when a frame needs its name: a cold bt of a module whose DWARF names every
    // frame never decodes the (large) name section.
    List<SourceFrame> frames = List.of();
    if (addresses != null) {
      try {
        frames = addresses.symbolize(dwarfAddress);
      } catch (MalformedInputException e) {
        System.err.println("wasmcore: " + e.getMessage());
        frames = List.of();
      }
    }
    if (frames.isEmpty()) {
      return List.of(new SourceFrame(module.functionName(funcIndex).orElse(null), null, null, null, null, 0, 0,
          false, false, null, null));
    }
    SourceFrame last = frames.get(frames.size() - 1);
    String sectionName = last.function() == null || last.function().isEmpty()
        ? module.functionName(funcIndex).orElse(null) : null;
    if (sectionName != null) {
      frames = new java.util.ArrayList<>(frames);
      frames.set(frames.size() - 1, new SourceFrame(sectionName, last.qualifiedName(), last.linkageName(),
          last.file(), last.compiledFile(), last.line(), last.column(), last.inlined(), last.hasDwarf(),
          last.subroutine(), last.unit()));
    }
    return frames;
  }

  @Override
  public void close() {
    if (debugModule != null) {
      debugModule.close();
    }
  }
}
