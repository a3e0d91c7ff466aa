package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.inspect.loc.LocationContext;
import dev.wasmcore.inspect.loc.LocationEvaluator;
import dev.wasmcore.inspect.loc.LocationUnavailableException;
import dev.wasmcore.inspect.loc.ValueAvailability;

/**
 * Jazzer target: the DWARF location expression evaluator on arbitrary expressions, for every address size, offset
 * size and version, with a context whose locals, globals, stack and memory come from the input too (so DW_OP_deref
 * chains, DW_OP_bra loops and huge pick indices are all reachable). Outcomes: a location, a value, "unavailable", or a
 * MalformedInputException naming the expression's file and offset.
 */
class LocationEvaluatorFuzzTest {
  static final String NAME = "fuzz-expr";

  @FuzzTest(maxDuration = "5m")
  void evaluate(FuzzedDataProvider in) {
    int addressSize = in.pickValue(new int[] {4, 8, 2});
    int offsetSize = in.pickValue(new int[] {4, 8});
    int version = in.consumeInt(2, 5);
    boolean value = in.consumeBoolean();
    byte[] state = in.consumeBytes(64);
    byte[] expr = in.consumeRemainingAsBytes();
    LocationContext ctx = context(state);
    LocationEvaluator ev = new LocationEvaluator(addressSize, offsetSize, version);
    Outcomes.expectValueOrError("expression (" + expr.length + " bytes)", NAME, () -> {
      ByteReader r = ByteReader.of(NAME, expr);
      if (value) {
        ev.evaluateValue(r, ctx);
      } else {
        ev.evaluate(r, ctx).pieces();
      }
    });
  }

  /** A context answering from {@code state}: values are 8-byte windows of it, memory wraps around it. */
  static LocationContext context(byte[] state) {
    return new LocationContext() {
      long word(long index) {
        if (state.length == 0) {
          throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE, "empty state");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
          v = (v << 8) | (state[(int) Math.floorMod(index + i, (long) state.length)] & 0xFF);
        }
        return v;
      }

      @Override
      public long wasmLocal(long index) {
        return word(index);
      }

      @Override
      public long wasmGlobal(long index) {
        return word(index + 3);
      }

      @Override
      public long operandStack(long index) {
        return word(index + 5);
      }

      @Override
      public long readMemory(long address, int size) {
        if (size < 1 || size > 8) {
          throw new IllegalArgumentException("size " + size);
        }
        if (address < 0 || address >= 1L << 32) {
          throw LocationUnavailableException.unreadable(address);
        }
        return word(address) >>> (64 - 8 * size);
      }

      @Override
      public long frameBase() {
        return word(7);
      }

      @Override
      public long debugAddr(long index) {
        return word(index + 11);
      }

      @Override
      public BaseTypeInfo baseType(long unitOffset) {
        int k = (int) Math.floorMod(unitOffset, 4L);
        return new BaseTypeInfo(new int[] {1, 2, 4, 8}[k], (unitOffset & 4) != 0, (unitOffset & 8) != 0 && k >= 2);
      }
    };
  }
}
