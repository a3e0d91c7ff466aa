package dev.wasmcore.dwarf.testsupport;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MappedFileSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test support: the {@code .debug_*} custom sections of a wasm file, found by walking the section headers (magic,
 * version, then id byte + u32 size per section; a custom section starts with its name). Lets the DWARF tests read
 * the corpus modules without depending on the wasm module reader.
 */
public final class WasmDebugSections {
  private WasmDebugSections() {}

  /** The debug sections of {@code wasm}, by name, as regions of the mapped file. */
  public static Map<String, ByteRegion> read(Path wasm) {
    MappedFileSource src = MappedFileSource.open(wasm);
    ByteReader r = src.all().reader();
    if (r.u32() != 0x6d736100L) {
      throw r.error(0, "not a wasm module");
    }
    r.u32();
    Map<String, ByteRegion> out = new LinkedHashMap<>();
    while (r.hasRemaining()) {
      int id = r.u8();
      long size = r.varU32();
      ByteReader s = r.subReader(size);
      if (id == 0) {
        String name = s.name();
        if (name.startsWith(".debug_")) {
          out.put(name, s.region(s.remaining()));
        }
      }
    }
    return out;
  }
}
