package dev.wasmcore.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.wasm.WasmModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation tests over real inputs, run in every build: for each sample and corpus core dump and module, bit
 * flips, truncations at every section boundary and in the middle of sections, size and count fields set to
 * 0xFFFFFFFF / 2^31 / 2^31-1, overlong LEB128s (6 and 11 bytes), and random edits with a fixed seed. For every mutant
 * the only outcomes allowed are a value or a MalformedInputException naming the mutant's file and an offset; a raw
 * exception, a hang (bound: 20 s per input) or an OutOfMemoryError (the fuzz execution has a 256 MiB heap) fails the
 * test with the mutation's name, which is the reproducer.
 */
@Tag("fuzz")
class MutationTest {
  private static final Duration BOUND = Duration.ofSeconds(20);

  static Stream<Path> cores() {
    return Seeds.cores().stream();
  }

  /** Small modules only: the 100-KB C samples and the tiny seeds (the large ones are walked by the corpus tests). */
  static Stream<String> modules() {
    List<String> out = new ArrayList<>(Seeds.TINY);
    for (Path p : Seeds.modules(200_000)) {
      out.add(p.toString());
    }
    return out.stream();
  }

  /** The module a core belongs to: same base name in the same directory's sibling, or null. */
  private static WasmModule moduleFor(Path core) {
    String base = core.getFileName().toString().replace(".core", "");
    base = base.replaceAll("_(wt|rw)$", "");
    for (Path candidate : new Path[] {core.resolveSibling(base + ".wasm"),
        core.getParent().resolveSibling("modules").resolve(base + ".wasm")}) {
      if (Files.isRegularFile(candidate)) {
        return WasmModule.open(candidate);
      }
    }
    return null;
  }

  private static void runAll(String seedName, List<Mutations.Mutant> mutants, Mutations.Mutant[] unused,
      java.util.function.BiConsumer<String, byte[]> drive) {
    List<String> findings = new ArrayList<>();
    try (HangGuard guard = new HangGuard(BOUND)) {
      for (Mutations.Mutant m : mutants) {
        String name = seedName + " [" + m.name() + "]";
        try {
          guard.run(name, () -> drive.accept(name, m.bytes()));
        } catch (Outcomes.Finding f) {
          findings.add(f.getMessage() + (f.getCause() != null ? stackTop(f.getCause()) : ""));
        } catch (OutOfMemoryError e) {
          findings.add(name + ": OutOfMemoryError (allocation from an unchecked count?)");
        }
      }
    }
    assertTrue(findings.isEmpty(), findings.size() + " of " + mutants.size() + " mutants of " + seedName
        + " broke the contract:\n  " + String.join("\n  ", findings.subList(0, Math.min(10, findings.size()))));
  }

  static String stackTop(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    StackTraceElement[] st = c.getStackTrace();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(3, st.length); i++) {
      sb.append("\n      at ").append(st[i]);
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cores")
  void coreDumpMutants(Path core) {
    byte[] seed = Seeds.read(core);
    WasmModule module = moduleFor(core);
    String file = core.getFileName().toString();
    List<Mutations.Mutant> mutants = Mutations.standard(seed, file.hashCode(), 300);
    runAll(file, mutants, null, (name, bytes) -> Outcomes.expectValueOrError(name, file,
        () -> Drivers.core(name, CoreDump.of(new ArrayByteSource(file, bytes)), module)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void moduleMutants(String seedRef) {
    boolean tiny = Seeds.TINY.contains(seedRef);
    byte[] seed = tiny ? Seeds.resource(seedRef) : Seeds.read(Path.of(seedRef));
    String file = tiny ? seedRef : Path.of(seedRef).getFileName().toString();
    // Walking all DWARF of a 140-KB module costs tens of ms per mutant: the DWARF of the tiny seeds is walked (and
    // mutated unit by unit in dwarfUnitBoundaries); for the larger modules the module structure is the target.
    List<Mutations.Mutant> mutants = Mutations.standard(seed, file.hashCode(), tiny ? 200 : 120);
    runAll(file, mutants, null, (name, bytes) -> Outcomes.expectValueOrError(name, file,
        () -> Drivers.module(name, WasmModule.of(new ArrayByteSource(file, bytes)), tiny)));
  }

  /**
   * DWARF unit boundaries: each unit of .debug_info and each line program of .debug_line truncated at its header,
   * with its unit_length set to 0xFFFFFFFF (the DWARF64 escape with nothing after it), 0xFFFFFFF0 (reserved),
   * 2^31 and 0; every other section stays real.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dwarfSeeds")
  void dwarfUnitBoundaries(String seedName) {
    byte[] module = Seeds.resource(seedName);
    Map<String, byte[]> base = Seeds.debugSections(module);
    List<Mutations.Mutant> mutants = new ArrayList<>();
    List<String> sectionOf = new ArrayList<>();
    for (String sec : List.of(".debug_info", ".debug_line", ".debug_str_offsets", ".debug_addr", ".debug_rnglists",
        ".debug_loclists")) {
      byte[] bytes = base.get(sec);
      if (bytes == null) {
        continue;
      }
      for (int u : Mutations.unitStarts(bytes)) {
        for (long len : new long[] {0xFFFFFFFFL, 0xFFFFFFF0L, 1L << 31, 0, 1, 2}) {
          mutants.add(new Mutations.Mutant(sec + " unit@" + u + " length:=0x" + Long.toHexString(len),
              Mutations.putU32(bytes, u, len)));
          sectionOf.add(sec);
        }
        for (int cut : new int[] {u, u + 2, u + 4, u + 6, u + 11, u + 12}) {
          if (cut <= bytes.length) {
            mutants.add(new Mutations.Mutant(sec + " truncated at unit@" + u + "+" + (cut - u),
                java.util.Arrays.copyOf(bytes, cut)));
            sectionOf.add(sec);
          }
        }
        // version and address size bytes of the header
        for (int[] edit : new int[][] {{4, 1}, {4, 6}, {4, 0xFF}, {5, 0xFF}, {7, 0}, {7, 3}, {7, 0xFF}, {6, 0x7F}}) {
          if (u + edit[0] < bytes.length) {
            byte[] b = bytes.clone();
            b[u + edit[0]] = (byte) edit[1];
            mutants.add(new Mutations.Mutant(sec + " unit@" + u + " byte+" + edit[0] + ":=" + edit[1], b));
            sectionOf.add(sec);
          }
        }
      }
    }
    // The abbreviation table: every form code replaced by odd ones, every children flag flipped.
    byte[] abbrev = base.get(".debug_abbrev");
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 200; i++) {
      mutants.add(new Mutations.Mutant(".debug_abbrev edit #" + i, Mutations.interestingByte(abbrev, r)));
      sectionOf.add(".debug_abbrev");
    }
    List<String> findings = new ArrayList<>();
    try (HangGuard guard = new HangGuard(BOUND)) {
      for (int i = 0; i < mutants.size(); i++) {
        Mutations.Mutant m = mutants.get(i);
        Map<String, byte[]> s = new LinkedHashMap<>(base);
        s.put(sectionOf.get(i), m.bytes());
        String name = seedName + " [" + m.name() + "]";
        try {
          guard.run(name, () -> Outcomes.expectValueOrError(name, seedName,
              () -> Drivers.dwarf(name, seedName, Seeds.layOut(seedName, s))));
        } catch (Outcomes.Finding f) {
          findings.add(f.getMessage() + (f.getCause() != null ? stackTop(f.getCause()) : ""));
        }
      }
    }
    assertTrue(findings.isEmpty(), findings.size() + " of " + mutants.size() + " DWARF mutants broke the contract:\n  "
        + String.join("\n  ", findings.subList(0, Math.min(10, findings.size()))));
  }

  static Stream<String> dwarfSeeds() {
    return Seeds.TINY.stream();
  }

  @Test
  void samplesArePresent() {
    assumeTrue(Seeds.samplesOut() != null, "samples not available (wasmcore.samples)");
    assertTrue(Seeds.cores().size() >= 7, "sample cores found: " + Seeds.cores());
  }
}
