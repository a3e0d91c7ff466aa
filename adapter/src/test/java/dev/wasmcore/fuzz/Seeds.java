package dev.wasmcore.fuzz;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Seed inputs: the project's samples ({@code wasmcore.samples}/out), the shared corpus ({@code wasmcore.corpus}) when
 * present, and the tiny DWARF modules under {@code src/test/resources/fuzz} (built by {@code fuzz/build-seeds.sh}
 * from {@code fuzz/tiny.c}: a few KB of DWARF 4 and 5 with every type kind, location lists and inlining).
 */
final class Seeds {
  private Seeds() {}

  /** The tiny seed modules, by file name (tiny_dw5_O2.wasm, ...). */
  static final List<String> TINY = List.of("tiny_dw5_O0.wasm", "tiny_dw5_O2.wasm", "tiny_dw4_O0.wasm",
      "tiny_dw4_O2.wasm");

  static byte[] resource(String name) {
    try (InputStream in = Seeds.class.getResourceAsStream("/fuzz/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource fuzz/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The samples directory (src/out), or null. */
  static Path samplesOut() {
    String p = System.getProperty("wasmcore.samples");
    if (p == null) {
      return null;
    }
    Path out = Path.of(p, "out");
    return Files.isDirectory(out) ? out : null;
  }

  static Path corpus() {
    String p = System.getProperty("wasmcore.corpus");
    if (p == null || !Files.isDirectory(Path.of(p, "cores"))) {
      return null;
    }
    return Path.of(p);
  }

  /** Files in {@code dir} ending with {@code suffix}, smaller than {@code maxBytes}, sorted by name. */
  static List<Path> files(Path dir, String suffix, long maxBytes) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(suffix)).filter(f -> size(f) <= maxBytes).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sample and corpus core dumps (all small). */
  static List<Path> cores() {
    List<Path> out = new ArrayList<>(files(samplesOut(), ".core", 1 << 20));
    Path c = corpus();
    if (c != null) {
      out.addAll(files(c.resolve("cores"), ".core", 1 << 20));
    }
    return out;
  }

  /** Sample and corpus modules up to {@code maxBytes}. */
  static List<Path> modules(long maxBytes) {
    List<Path> out = new ArrayList<>(files(samplesOut(), ".wasm", maxBytes));
    Path c = corpus();
    if (c != null) {
      out.addAll(files(c.resolve("modules"), ".wasm", maxBytes));
    }
    return out;
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code .debug_*} sections of a module, each copied to its own array (baselines the DWARF fuzzers edit). */
  static Map<String, byte[]> debugSections(byte[] module) {
    WasmModule m = WasmModule.of(new ArrayByteSource("seed.wasm", module));
    Map<String, byte[]> out = new LinkedHashMap<>();
    m.debugSections().forEach((k, v) -> out.put(k.startsWith(".") ? k : "." + k, v.toByteArray()));
    return out;
  }

  /**
   * Lays {@code sections} out in one byte array named {@code name} (after an 8-byte preamble, so no offset is 0) and
   * returns them as regions of it, as the module reader would hand them to the DWARF reader.
   */
  static Map<String, ByteRegion> layOut(String name, Map<String, byte[]> sections) {
    int total = 8;
    for (byte[] b : sections.values()) {
      total += b.length;
    }
    byte[] file = new byte[total];
    file[1] = 'a';
    file[2] = 's';
    file[3] = 'm';
    file[4] = 1;
    ArrayByteSource src = new ArrayByteSource(name, file);
    Map<String, ByteRegion> out = new LinkedHashMap<>();
    int at = 8;
    for (Map.Entry<String, byte[]> e : sections.entrySet()) {
      System.arraycopy(e.getValue(), 0, file, at, e.getValue().length);
      out.put(e.getKey(), new ByteRegion(src, at, e.getValue().length));
      at += e.getValue().length;
    }
    return out;
  }
}
