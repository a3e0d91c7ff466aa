package dev.wasmcore.wasm.prologue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StackWalkTest {
  private static PrologueInfo.LocalValue base(long delta) {
    return new PrologueInfo.LocalValue(delta, 8, List.of(), List.of(new PrologueInfo.Range(9, 1000)));
  }

  private static PrologueInfo known(long f, long size, boolean writesBack, Map<Long, PrologueInfo.LocalValue> l) {
    return new PrologueInfo(f, true, null, size, writesBack, writesBack ? 10 : -1, l, !writesBack, 12);
  }

  @Test
  void walksFromTheTrapToTheOutermostFrame() {
    // Frame 0: a leaf with a 16-byte frame that does not write back: the global is its entry value.
    // Frame 1: wrote back 32 before its call: its base is the global it left for the callee.
    // Frame 2: wrote back 48.
    Map<Long, PrologueInfo> infos = Map.of(
        8L, known(8, 16, false, Map.of(4L, base(-16), 2L, base(0))),
        9L, known(9, 32, true, Map.of(1L, base(-32))),
        10L, known(10, 48, true, Map.of(3L, base(-48))));
    List<StackWalk.FrameBase> w = StackWalk.walk(70688, List.of(new StackWalk.FrameRef(8, 127),
        new StackWalk.FrameRef(9, 133), new StackWalk.FrameRef(10, 109)), infos::get, false);
    assertEquals(OptionalLong.of(70688), w.get(0).spAtEntry());
    assertEquals(OptionalLong.of(70672), w.get(0).frameBase());
    assertEquals(Map.of(4L, 70672L, 2L, 70688L), w.get(0).locals());
    assertEquals(OptionalLong.of(70688), w.get(1).spGlobal());
    assertEquals(OptionalLong.of(70688), w.get(1).frameBase());
    assertEquals(OptionalLong.of(70720), w.get(1).spAtEntry());
    assertEquals(Map.of(1L, 70688L), w.get(1).locals());
    assertEquals(OptionalLong.of(70720), w.get(2).frameBase());
    assertEquals(OptionalLong.of(70768), w.get(2).spAtEntry());
    assertNull(w.get(2).reason());
  }

  @Test
  void trapInsideThePrologueUsesTheEntryValue() {
    Map<Long, PrologueInfo> infos = Map.of(9L, known(9, 32, true, Map.of(1L, base(-32))));
    List<StackWalk.FrameBase> w = StackWalk.walk(1000, List.of(new StackWalk.FrameRef(9, 5)), infos::get, false);
    // Offset 5 is before the write-back at 10: the global still holds SP_entry, the local is not assigned yet.
    assertEquals(OptionalLong.of(1000), w.get(0).spAtEntry());
    assertEquals(OptionalLong.of(968), w.get(0).frameBase());
    assertEquals(Map.of(), w.get(0).locals());
  }

  @Test
  void anUnknownPrologueStopsTheWalkHonestly() {
    PrologueInfo alloca = new PrologueInfo(9, false, "dynamic allocation", 0, false, -1, Map.of(), false, 4);
    PrologueInfo leafUnknown = new PrologueInfo(7, false, "frame size unknown", 0, false, -1, Map.of(), true, 4);
    Map<Long, PrologueInfo> infos = Map.of(7L, leafUnknown, 9L, alloca, 10L, known(10, 16, true, Map.of()));
    List<StackWalk.FrameBase> w = StackWalk.walk(500, List.of(new StackWalk.FrameRef(7, 20),
        new StackWalk.FrameRef(9, 20), new StackWalk.FrameRef(10, 20)), infos::get, false);
    // Frame 0 never sets the global: its entry value is known, its base is not.
    assertEquals(OptionalLong.of(500), w.get(0).spAtEntry());
    assertEquals(OptionalLong.empty(), w.get(0).frameBase());
    assertTrue(w.get(0).reason().contains("frame size unknown"));
    // Frame 1 may have moved the pointer by a run-time amount: it and every older frame are unknown.
    assertEquals(OptionalLong.of(500), w.get(1).spGlobal());
    assertEquals(OptionalLong.empty(), w.get(1).spAtEntry());
    assertTrue(w.get(1).reason().contains("dynamic allocation"));
    assertEquals(OptionalLong.empty(), w.get(2).frameBase());
    assertTrue(w.get(2).reason().contains("frame 1 (function 9)"), w.get(2).reason());
  }

  @Test
  void addressesWrapTo32Bits() {
    Map<Long, PrologueInfo> infos = Map.of(1L, known(1, 16, false, Map.of()));
    List<StackWalk.FrameBase> w = StackWalk.walk(8, List.of(new StackWalk.FrameRef(1, 20)), infos::get, false);
    assertEquals(OptionalLong.of(0xFFFF_FFF8L), w.get(0).frameBase());
    w = StackWalk.walk(8, List.of(new StackWalk.FrameRef(1, 20)), infos::get, true);
    assertEquals(OptionalLong.of(-8), w.get(0).frameBase());
  }
}
