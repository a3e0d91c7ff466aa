package dev.wasmcore.wasm.prologue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Hand-built bodies in the shapes clang and rustc emit (compare {@code wasm-objdump -d} of the corpus): -O0 with
 * every value in its own local, -O1/-O2 with {@code local.tee} and epilogue restores, leaf functions that never write
 * the pointer back, 64-bit memories, and the shapes that must stay unknown.
 */
class PrologueAnalyzerTest {
  private static final int SP = 0;

  /** Code bytes after an empty local declaration vector; the body starts at file offset 50. */
  private static PrologueInfo analyze(int... code) {
    byte[] file = new byte[50 + code.length + 1];
    file[50] = 0; // no local declarations
    for (int i = 0; i < code.length; i++) {
      file[51 + i] = (byte) code[i];
    }
    return PrologueAnalyzer.analyze(3, new ByteRegion(new ArrayByteSource("t.wasm", file), 50, code.length + 1),
        SP);
  }

  private static int[] cat(int[]... parts) {
    List<Integer> all = new ArrayList<>();
    for (int[] p : parts) {
      for (int b : p) {
        all.add(b);
      }
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  // Instruction helpers (single-byte LEBs).
  private static int[] gget(int g) {
    return new int[] {0x23, g};
  }

  private static int[] gset(int g) {
    return new int[] {0x24, g};
  }

  private static int[] lget(int l) {
    return new int[] {0x20, l};
  }

  private static int[] lset(int l) {
    return new int[] {0x21, l};
  }

  private static int[] ltee(int l) {
    return new int[] {0x22, l};
  }

  private static int[] c32(int v) {
    return v >= -64 && v < 64 ? new int[] {0x41, v & 0x7F} : new int[] {0x41, (v & 0x7F) | 0x80, (v >> 7) & 0x7F};
  }

  private static final int[] SUB = {0x6B};
  private static final int[] ADD = {0x6A};
  private static final int[] END = {0x0B};

  private static int[] call(int f) {
    return new int[] {0x10, f};
  }

  @Test
  void o0LeafKeepsTheFrameInALocalWithoutWritingBack() {
    // clang -O0 level3: global.get; local.set 2; i32.const 16; local.set 3; local.get 2; local.get 3; i32.sub;
    // local.set 4; local.get 4; local.get 0; i32.store offset=12; ... ; end
    PrologueInfo p = analyze(cat(gget(SP), lset(2), c32(16), lset(3), lget(2), lget(3), SUB, lset(4), lget(4),
        lget(0), new int[] {0x36, 0x02, 0x0C}, lget(4), new int[] {0x28, 0x02, 0x0C}, new int[] {0x1A}, END));
    assertTrue(p.known(), p.toString());
    assertEquals(16, p.frameSize());
    assertFalse(p.writesBack());
    assertTrue(p.preservesStackPointer());
    assertEquals(Map.of(2L, 0L, 4L, -16L), Map.of(2L, p.locals().get(2L).spDelta(), 4L, p.locals().get(4L).spDelta()));
    assertEquals("SP_entry - 16", p.locals().get(4L).toString());
    assertTrue(p.locals().get(4L).stable());
    assertTrue(p.valueHoldsAt(4, 20));
    assertFalse(p.valueHoldsAt(4, 5)); // before the assignment
  }

  @Test
  void o0CallerWritesBackAndRestoresThroughLocals() {
    // clang -O0 level2: the restore adds a constant kept in its own local.
    int[] code = cat(gget(SP), lset(2), c32(16), lset(3), lget(2), lget(3), SUB, lset(4), lget(4), gset(SP),
        lget(0), call(8), lset(5), c32(16), lset(6), lget(4), lget(6), ADD, lset(7), lget(7), gset(SP), lget(5),
        new int[] {0x0F}, END);
    PrologueInfo p = analyze(code);
    assertTrue(p.known(), p.toString());
    assertEquals(16, p.frameSize());
    assertTrue(p.writesBack());
    assertEquals(18, p.writeBackOffset()); // body-relative: 1 byte of local declarations, then 17 bytes of code
    assertTrue(p.wroteBackBefore(21));
    assertFalse(p.wroteBackBefore(18));
    assertFalse(p.preservesStackPointer());
  }

  @Test
  void o2TeeAndEpilogueRestore() {
    // rustc/clang -O2: global.get; i32.const 160; i32.sub; local.tee 0; global.set; ... ; local.get 0;
    // i32.const 160; i32.add; global.set; end
    int[] code = cat(gget(SP), c32(160), SUB, ltee(0), gset(SP), call(29), new int[] {0x1A}, lget(0), c32(160),
        ADD, gset(SP), END);
    PrologueInfo p = analyze(code);
    assertTrue(p.known(), p.toString());
    assertEquals(160, p.frameSize());
    assertEquals(Map.of(0L, -160L), Map.of(0L, p.locals().get(0L).spDelta()));
    assertEquals(11, p.prologueEnd()); // stopped at the call
  }

  @Test
  void restoreFromAnEntryCopyAndAGlobalReadAfterTheWriteBack() {
    // The epilogue may restore from a saved copy of the entry value, or from the global plus the frame size.
    int[] fromCopy = cat(gget(SP), ltee(1), c32(32), SUB, ltee(2), gset(SP), call(1), lget(1), gset(SP), END);
    assertTrue(analyze(fromCopy).known());
    assertEquals(Map.of(1L, 0L, 2L, -32L), Map.of(1L, analyze(fromCopy).locals().get(1L).spDelta(), 2L,
        analyze(fromCopy).locals().get(2L).spDelta()));
    int[] fromGlobal = cat(gget(SP), c32(32), SUB, gset(SP), call(1), gget(SP), c32(32), ADD, gset(SP), END);
    PrologueInfo p = analyze(fromGlobal);
    assertTrue(p.known(), p.toString());
    assertEquals(32, p.frameSize());
  }

  @Test
  void memory64UsesTheI64Forms() {
    int[] code = cat(gget(SP), new int[] {0x42, 0x20}, new int[] {0x7D}, ltee(1), gset(SP), call(2), lget(1),
        new int[] {0x42, 0x20}, new int[] {0x7C}, gset(SP), END);
    PrologueInfo p = analyze(code);
    assertTrue(p.known(), p.toString());
    assertEquals(32, p.frameSize());
  }

  @Test
  void functionsWithoutAFrame() {
    PrologueInfo p = analyze(cat(lget(0), c32(1), ADD, END));
    assertTrue(p.known());
    assertEquals(0, p.frameSize());
    assertTrue(p.preservesStackPointer());
    assertTrue(p.locals().isEmpty());
  }

  @Test
  void dynamicAllocationIsUnknown() {
    // alloca / VLA: a second global.set with a size computed at run time.
    int[] code = cat(gget(SP), c32(16), SUB, ltee(2), gset(SP), gget(SP), lget(0), SUB, ltee(3), gset(SP), call(1),
        lget(2), c32(16), ADD, gset(SP), END);
    PrologueInfo p = analyze(code);
    assertFalse(p.known());
    assertTrue(p.reason().contains("run time") || p.reason().contains("other than the entry value"), p.reason());
    assertFalse(p.preservesStackPointer());
    // The same allocation after a call: found by the whole-body check.
    int[] later = cat(gget(SP), c32(16), SUB, ltee(2), gset(SP), call(1), gget(SP), lget(0), SUB, gset(SP), call(1),
        lget(2), c32(16), ADD, gset(SP), END);
    PrologueInfo q = analyze(later);
    assertFalse(q.known());
    assertTrue(q.reason().contains("other than the entry value"), q.reason());
  }

  @Test
  void stackRealignmentIsUnknown() {
    int[] code = cat(gget(SP), c32(64), SUB, c32(-32), new int[] {0x71}, ltee(1), gset(SP), call(1), END);
    PrologueInfo p = analyze(code);
    assertFalse(p.known());
    assertTrue(p.reason().contains("computed at run time"), p.reason());
  }

  @Test
  void shrinkWrappedFrameIsUnknown() {
    int[] code = cat(new int[] {0x02, 0x40}, lget(0), new int[] {0x0D, 0x00}, gget(SP), c32(16), SUB, ltee(1),
        gset(SP), call(1), lget(1), c32(16), ADD, gset(SP), END, END);
    PrologueInfo p = analyze(code);
    assertFalse(p.known());
    assertTrue(p.reason().contains("only on some paths"), p.reason());
  }

  @Test
  void leafReadingTheStackPointerLateStillPreservesIt() {
    int[] code = cat(call(1), gget(SP), c32(16), SUB, lset(1), END);
    PrologueInfo p = analyze(code);
    assertFalse(p.known());
    assertTrue(p.preservesStackPointer());
    assertTrue(p.reason().contains("after the straight-line prologue"), p.reason());
  }

  @Test
  void setOutsideThePrologueIsUnknown() {
    int[] code = cat(call(1), gget(SP), c32(16), SUB, gset(SP), END);
    PrologueInfo p = analyze(code);
    assertFalse(p.known());
    assertFalse(p.preservesStackPointer());
    assertTrue(p.reason().contains("outside the straight-line prologue"), p.reason());
  }

  @Test
  void whereAReusedLocalStillHoldsTheFrameBase() {
    int[] prologue = cat(gget(SP), c32(16), SUB, ltee(1), gset(SP)); // 9 bytes of code at body offsets 1..9
    // A reassignment on a path that rejoins: after the join the base is no longer certain.
    int[] rejoin = cat(prologue, new int[] {0x02, 0x40}, lget(0), new int[] {0x0D, 0x00}, c32(0), lset(1), END,
        call(0), END);
    PrologueInfo p = analyze(rejoin);
    assertTrue(p.known(), p.toString());
    assertFalse(p.locals().get(1L).stable());
    assertTrue(p.valueHoldsAt(1, 10)); // the block
    assertTrue(p.valueHoldsAt(1, 16)); // i32.const 0, before the reassignment
    assertFalse(p.valueHoldsAt(1, 21)); // the call after the join
    // A reassignment on a path that leaves (unreachable): the call still sees the base (Rust's panic paths).
    int[] exits = cat(prologue, new int[] {0x02, 0x40}, lget(0), new int[] {0x0D, 0x00}, c32(0), lset(1),
        new int[] {0x00}, END, call(0), END);
    PrologueInfo q = analyze(exits);
    assertTrue(q.valueHoldsAt(1, 22), q.locals().toString()); // the call
    // A reassignment later in a loop reaches an earlier call through the back edge.
    int[] loop = cat(prologue, new int[] {0x03, 0x40}, call(0), c32(0), lset(1), lget(0), new int[] {0x0D, 0x00},
        END, END);
    PrologueInfo r = analyze(loop);
    assertFalse(r.valueHoldsAt(1, 12), r.locals().toString()); // the call inside the loop
    assertTrue(r.valueHoldsAt(1, 10)); // the loop instruction itself, on entry
    // An if/else that reassigns in one arm only.
    int[] ifElse = cat(prologue, lget(0), new int[] {0x04, 0x40}, c32(0), lset(1), new int[] {0x05}, call(0), END,
        call(0), END);
    PrologueInfo s = analyze(ifElse);
    assertTrue(s.valueHoldsAt(1, 19), s.locals().toString()); // the call in the else arm
    assertFalse(s.valueHoldsAt(1, 22)); // the call after the if
    assertTrue(s.valueHoldsAt(1, 16)); // the write in the then arm has not run yet
    assertFalse(s.valueHoldsAt(1, 18)); // the else, reached from the then arm after the write
    assertFalse(s.valueHoldsAt(1, 7)); // before the assignment
  }

  @Test
  void analyzerCachesAndHandlesImports() {
    byte[] file = {0, 0x23, SP, 0x41, 0x10, 0x6B, 0x22, 0x01, 0x24, SP, 0x0B};
    ArrayByteSource src = new ArrayByteSource("m", file);
    int[] calls = {0};
    PrologueAnalyzer a = new PrologueAnalyzer(SP, f -> {
      calls[0]++;
      return f == 0 ? null : new ByteRegion(src, 0, file.length);
    });
    PrologueInfo p = a.info(4);
    assertSame(p, a.info(4));
    assertEquals(1, calls[0]);
    assertEquals(16, p.frameSize());
    assertFalse(a.info(0).known());
    assertTrue(a.info(0).reason().contains("imported"));
    assertEquals(OptionalLong.empty(), a.info(0).knownFrameSize());
    assertEquals(OptionalLong.of(16), p.knownFrameSize());
  }

  @Test
  void malformedBodiesAreUnknownNotErrors() {
    PrologueInfo p = analyze(0x23, 0x80); // truncated LEB
    assertFalse(p.known());
    assertTrue(p.reason().contains("cannot be fully decoded"), p.reason());
    assertNull(analyze(cat(gget(SP), lset(1), END)).reason());
  }

  // ---------------------------------------------------------------------------------------- memory calls, reuse

  private static final int MEMSET = 7;

  /** Analysis with function {@value #MEMSET} known as memset/memcpy/memmove. */
  private static PrologueInfo analyzeWithMemoryFunctions(int... code) {
    byte[] file = new byte[50 + code.length + 1];
    for (int i = 0; i < code.length; i++) {
      file[51 + i] = (byte) code[i];
    }
    return PrologueAnalyzer.analyze(3, new ByteRegion(new ArrayByteSource("t.wasm", file), 50, code.length + 1),
        SP, java.util.Set.of((long) MEMSET));
  }

  /** {@code sp = SP - 176; SP = sp;} (local 1). */
  private static final int[] FRAME_176 = cat(gget(SP), c32(176), SUB, ltee(1), gset(SP));

  @Test
  void memsetReturnsItsFirstArgumentInTheEpilogue() {
    // SQLite -O2 (rowSetEntrySort): p = memset(sp, 0, 160); ...; SP = p + 176.
    int[] code = cat(FRAME_176, lget(1), c32(0), c32(160), call(MEMSET), lset(2), call(9), lget(2), c32(176), ADD,
        gset(SP), END);
    PrologueInfo p = analyzeWithMemoryFunctions(code);
    assertTrue(p.known(), p.toString());
    assertEquals(176, p.frameSize());
    assertEquals(-176, p.locals().get(2L).spDelta(), "the forward pass gives memset's result to local 2");
    assertEquals(-176, p.locals().get(1L).spDelta());
    PrologueInfo plain = analyze(code);
    assertFalse(plain.known(), "without the name a call's result is unknown: " + plain);
  }

  @Test
  void memsetResultReadAfterOtherCallsStillRestores() {
    // The call comes after another call, so only the backward epilogue check sees it.
    int[] code = cat(FRAME_176, call(9), lget(1), c32(0), c32(16), call(MEMSET), lset(2), lget(2), c32(176), ADD,
        gset(SP), END);
    PrologueInfo p = analyzeWithMemoryFunctions(code);
    assertTrue(p.known(), p.toString());
    assertFalse(p.locals().containsKey(2L), "local 2 is assigned after the prologue");
  }

  @Test
  void memcpyOfAnotherPointerIsNoRestore() {
    int[] code = cat(FRAME_176, lget(0), lget(1), c32(16), call(MEMSET), lset(2), lget(2), c32(176), ADD,
        gset(SP), END);
    assertFalse(analyzeWithMemoryFunctions(code).known());
  }

  @Test
  void reusedLocalRestoresWhereItStillHoldsItsPrologueValue() {
    // Local 1 is written again only on a path that ends in unreachable: it holds at the epilogue (-O0 Rust).
    int[] reuse = cat(new int[] {0x02, 0x40}, lget(0), new int[] {0x45, 0x0D, 0}, c32(5), lset(1),
        new int[] {0x00}, END);
    PrologueInfo p = analyze(cat(FRAME_176, call(9), reuse, lget(1), c32(176), ADD, gset(SP), END));
    assertTrue(p.known(), p.toString());
    assertEquals(176, p.frameSize());
    // The same write on a live path: local 1 no longer holds, so the restore is not proved.
    int[] live = cat(new int[] {0x02, 0x40}, lget(0), new int[] {0x45, 0x0D, 0}, c32(5), lset(1), END);
    assertFalse(analyze(cat(FRAME_176, call(9), live, lget(1), c32(176), ADD, gset(SP), END)).known());
  }

  @Test
  void memcpyIntoTheFrameLocalKeepsItHolding() {
    // Rust release (regex_syntax pop_class_op): sp = memcpy(sp, src, n) in the body, SP = sp + 176 at the end.
    int[] code = cat(FRAME_176, call(9), lget(1), lget(0), c32(98), call(MEMSET), lset(1), lget(1), c32(176), ADD,
        gset(SP), END);
    PrologueInfo p = analyzeWithMemoryFunctions(code);
    assertTrue(p.known(), p.toString());
    assertTrue(p.valueHoldsAt(1, code.length - 6), p.toString());
    assertFalse(analyze(code).known(), "an ordinary call's result is not the local's own value");
  }
}
