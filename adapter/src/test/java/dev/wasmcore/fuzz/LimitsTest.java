package dev.wasmcore.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.MemoryRead;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.VariableView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The user-visible resource limits ({@link Limits}) are honoured by a real session on the C sample (c_dw5_O0:
 * {@code g_site = "north-depot"}, {@code int g_history[1500]}, the self-referencing {@code g_loop}).
 */
@Tag("fuzz")
class LimitsTest {
  private static final Limits D = Limits.defaults();

  private static Limits with(int maxString, int maxArray, int maxExprDepth, int maxDie, long maxBytes) {
    return new Limits(maxString, maxArray, maxExprDepth, maxDie, maxBytes);
  }

  @Test
  void longStringIsCutAndMarked() {
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(5, D.maxArrayElements(), D.maxExpressionDepth(),
        D.maxDieNesting(), D.maxBytesPerRequest()))) {
      String full;
      try (DebugSession d = SampleSession.open("c_dw5_O0", D)) {
        full = d.evaluate(null, "g_site").value(false);
      }
      assertTrue(full.contains("\"north-depot\""), full);
      String cut = s.evaluate(null, "g_site").value(false);
      assertTrue(cut.contains("\"north"), cut);
      assertTrue(!cut.contains("north-depot"), "cut at 5 bytes: " + cut);
      assertTrue(cut.contains("...") || cut.contains("…"), "a cut string is marked: " + cut);
    }
  }

  @Test
  void hugeArrayRendersAtMostTheLimitInline() {
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(D.maxStringLength(), 10, D.maxExpressionDepth(),
        D.maxDieNesting(), D.maxBytesPerRequest()))) {
      VariableView v = s.evaluate(null, "g_history");
      String text = v.value(false);
      // g_history[i] = i * 3: the 10th element is 27; the 11th (30) must not be shown inline.
      assertTrue(text.contains("27"), text);
      assertTrue(!text.contains(", 30"), "at most 10 elements inline: " + text);
      assertEquals(1500, v.indexedCount(), "children stay pageable");
      assertEquals("4497", v.indexedChildren(1499, 5).get(0).value(false));
      assertEquals(1, v.indexedChildren(1499, 5).size(), "paging is clipped to the array");
    }
  }

  @Test
  void deepExpressionIsRefused() {
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(D.maxStringLength(), D.maxArrayElements(), 8,
        D.maxDieNesting(), D.maxBytesPerRequest()))) {
      assertEquals("7", s.evaluate(null, "((((g_day))))").value(false));
      String deep = "(".repeat(40) + "g_day" + ")".repeat(40);
      SessionException e = assertThrows(SessionException.class, () -> s.evaluate(null, deep));
      assertTrue(e.getMessage().toLowerCase().contains("deep") || e.getMessage().contains("nest"), e.getMessage());
      // A pathological one far beyond any limit is refused too, without a StackOverflowError.
      String huge = "-".repeat(50_000) + "g_day";
      assertThrows(SessionException.class, () -> s.evaluate(null, huge));
      assertThrows(SessionException.class, () -> s.evaluate(null, "*".repeat(20_000) + "g_loop.next"));
    }
  }

  @Test
  void readMemoryIsCappedPerRequest() {
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(D.maxStringLength(), D.maxArrayElements(),
        D.maxExpressionDepth(), D.maxDieNesting(), 256))) {
      String ref = s.evaluate(null, "&g_history").memoryReference();
      MemoryRead r = s.readMemory(ref, 0, 1 << 20);
      assertEquals(256, r.data().length, "capped at maxBytesPerRequest");
      assertEquals((1 << 20) - 256, r.unreadableBytes(), "the rest is reported, not silently dropped");
      MemoryRead huge = s.readMemory(ref, 0, Integer.MAX_VALUE);
      assertEquals(256, huge.data().length);
      MemoryRead neg = s.readMemory(ref, Long.MIN_VALUE / 2, 64);
      assertEquals(0, neg.data().length);
      MemoryRead past = s.readMemory("0xffffffff", 0x1000, 64);
      assertEquals(0, past.data().length);
      assertEquals(64, past.unreadableBytes());
    }
  }

  @Test
  void valuesReadAtMostMaxBytesPerRequest() {
    // A 6000-byte array with a 1 KiB cap: the value still renders (elements are read one by one) and nothing
    // allocates the whole object at once beyond the cap.
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(D.maxStringLength(), D.maxArrayElements(),
        D.maxExpressionDepth(), D.maxDieNesting(), 1024))) {
      VariableView v = s.evaluate(null, "g_history");
      v.value(false);
      assertEquals("6", v.indexedChildren(2, 1).get(0).value(false));
    }
  }

  @Test
  void selfReferencingListRendersLazilyToAnyDepth() {
    try (DebugSession s = SampleSession.open("c_dw5_O0", D)) {
      VariableView v = s.evaluate(null, "g_loop");
      for (int i = 0; i < 500; i++) {
        VariableView next = null;
        for (VariableView c : v.namedChildren()) {
          if (c.name().equals("next")) {
            next = c;
          }
        }
        assertTrue(next != null, "next at depth " + i);
        assertTrue(next.value(false).startsWith("0x"), next.value(false));
        // A pointer to a struct has the pointee's members as its children, so "next" has a "next" again.
        v = next;
      }
      assertEquals("1", s.evaluate(null, "g_loop.next->next->next->next->next->quantity").value(false));
    }
  }

  @Test
  void dieNestingLimitIsAnError() {
    // With maxDieNesting = 2 the variables of a function (unit DIE, subprogram, variable: 3 deep) are beyond the
    // limit: evaluating one is refused and the frame's scopes show the error instead of reading the tree.
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(D.maxStringLength(), D.maxArrayElements(),
        D.maxExpressionDepth(), 2, D.maxBytesPerRequest()))) {
      FrameView top = s.threads().get(0).frames().get(0);
      SessionException e = assertThrows(SessionException.class, () -> s.evaluate(top, "delta"));
      assertTrue(e.getMessage().contains("maxDieNesting"), e.getMessage());
      VariableView first = top.scopes().get(0).variables().get(0);
      assertEquals(VariableView.ValueState.ERROR, first.state());
      assertTrue(first.value(false).contains("maxDieNesting"), first.value(false));
    }
    try (DebugSession s = SampleSession.open("c_dw5_O0", with(D.maxStringLength(), D.maxArrayElements(),
        D.maxExpressionDepth(), 3, D.maxBytesPerRequest()))) {
      assertEquals("210", s.evaluate(s.threads().get(0).frames().get(0), "delta").value(false));
    }
  }
}
