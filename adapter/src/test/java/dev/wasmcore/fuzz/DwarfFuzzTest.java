package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jazzer targets, one per DWARF section reader: the fuzzer's bytes replace one section of a small real module (the
 * tiny seed modules, DWARF 5 and DWARF 4 at -O2) and the whole DWARF is walked through the public API (unit headers,
 * abbreviations, the DIE tree with every attribute resolved by its class, types, variables and their location
 * expressions and lists, range lists, line programs, address lookups, inlined chains). Each target's regression seed
 * is the real section.
 */
class DwarfFuzzTest {
  static final String NAME = "fuzz-dwarf.wasm";
  static final Map<String, byte[]> DW5 = Seeds.debugSections(Seeds.resource("tiny_dw5_O2.wasm"));
  static final Map<String, byte[]> DW4 = Seeds.debugSections(Seeds.resource("tiny_dw4_O2.wasm"));

  static void withSection(Map<String, byte[]> baseline, String section, byte[] data) {
    Map<String, byte[]> s = new LinkedHashMap<>(baseline);
    s.put(section, data);
    Outcomes.expectValueOrError(section + " (" + data.length + " bytes)", NAME,
        () -> Drivers.dwarf(section, NAME, Seeds.layOut(NAME, s)));
  }

  @FuzzTest(maxDuration = "5m")
  void abbrev(byte[] data) {
    withSection(DW5, ".debug_abbrev", data);
  }

  @FuzzTest(maxDuration = "5m")
  void info(byte[] data) {
    withSection(DW5, ".debug_info", data);
  }

  @FuzzTest(maxDuration = "5m")
  void infoV4(byte[] data) {
    withSection(DW4, ".debug_info", data);
  }

  @FuzzTest(maxDuration = "5m")
  void line(byte[] data) {
    withSection(DW5, ".debug_line", data);
  }

  @FuzzTest(maxDuration = "5m")
  void lineV4(byte[] data) {
    withSection(DW4, ".debug_line", data);
  }

  @FuzzTest(maxDuration = "5m")
  void strOffsets(byte[] data) {
    withSection(DW5, ".debug_str_offsets", data);
  }

  @FuzzTest(maxDuration = "5m")
  void addr(byte[] data) {
    withSection(DW5, ".debug_addr", data);
  }

  @FuzzTest(maxDuration = "5m")
  void rnglists(byte[] data) {
    withSection(DW5, ".debug_rnglists", data);
  }

  @FuzzTest(maxDuration = "5m")
  void ranges(byte[] data) {
    withSection(DW4, ".debug_ranges", data);
  }

  @FuzzTest(maxDuration = "5m")
  void loclists(byte[] data) {
    withSection(DW5, ".debug_loclists", data);
  }

  @FuzzTest(maxDuration = "5m")
  void loc(byte[] data) {
    withSection(DW4, ".debug_loc", data);
  }
}
