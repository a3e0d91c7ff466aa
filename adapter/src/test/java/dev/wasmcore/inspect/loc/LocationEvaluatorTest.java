package dev.wasmcore.inspect.loc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.MalformedInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationEvaluatorTest {
  /** A frame with locals 0..3, global 0 = 0x11000 (__stack_pointer), a small memory. */
  static class Fake implements LocationContext {
    final Map<Long, Long> locals = new HashMap<>();
    final Map<Long, Long> stack = new HashMap<>();
    final Map<Long, Long> globals = new HashMap<>(Map.of(0L, 0x11000L));
    final byte[] memory = new byte[0x12000];
    long frameBase = 0x10f00;

    @Override
    public long wasmLocal(long index) {
      Long v = locals.get(index);
      if (v == null) {
        throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE, "wasm local " + index + " missing");
      }
      return v;
    }

    @Override
    public long wasmGlobal(long index) {
      Long v = globals.get(index);
      if (v == null) {
        throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE, "global " + index + " missing");
      }
      return v;
    }

    @Override
    public long operandStack(long index) {
      Long v = stack.get(index);
      if (v == null) {
        throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE, "stack " + index + " missing");
      }
      return v;
    }

    @Override
    public long readMemory(long address, int size) {
      if (address < 0 || address + size > memory.length) {
        throw LocationUnavailableException.unreadable(address);
      }
      long v = 0;
      for (int i = size - 1; i >= 0; i--) {
        v = (v << 8) | (memory[(int) address + i] & 0xFF);
      }
      return v;
    }

    @Override
    public long frameBase() {
      return frameBase;
    }

    @Override
    public long debugAddr(long index) {
      return 0x400 + index * 4;
    }
  }

  private static Location eval(Fake ctx, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return LocationEvaluator.wasm32().evaluate(ByteReader.of("expr", b), ctx);
  }

  private static Location.Storage single(Location loc) {
    assertTrue(loc.isSimple(), loc.toString());
    return loc.pieces().get(0).storage();
  }

  @Test
  void wasmLocalWithStackValueIsTheValue() {
    Fake f = new Fake();
    f.locals.put(1L, 5L);
    Location.Storage s = single(eval(f, DwOp.WASM_LOCATION, 0, 1, DwOp.STACK_VALUE));
    assertEquals(5L, ((Location.Storage.Value) s).bits());
  }

  @Test
  void wasmLocalAloneIsRegisterLike() {
    Fake f = new Fake();
    f.locals.put(2L, 0x1234L);
    Location.Storage.Value v = (Location.Storage.Value) single(eval(f, DwOp.WASM_LOCATION, 0, 2));
    assertEquals(0x1234L, v.bits());
    assertTrue(v.wasm());
  }

  @Test
  void globalKinds1And3AndOperandStack() {
    Fake f = new Fake();
    f.stack.put(0L, 77L);
    assertEquals(0x11000L, LocationEvaluator.wasm32().evaluateValue(
        ByteReader.of("e", new byte[] {(byte) DwOp.WASM_LOCATION, 3, 0, 0, 0, 0, (byte) DwOp.STACK_VALUE}), f));
    assertEquals(0x11000L, ((Location.Storage.Value) single(eval(f, DwOp.WASM_LOCATION, 1, 0,
        DwOp.STACK_VALUE))).bits());
    assertEquals(77L, ((Location.Storage.Value) single(eval(f, DwOp.WASM_LOCATION, 2, 0,
        DwOp.STACK_VALUE))).bits());
  }

  @Test
  void fbregIsAMemoryLocation() {
    Fake f = new Fake();
    Location loc = eval(f, DwOp.FBREG, 12);
    assertEquals(0x10f0cL, loc.memoryAddress());
    assertEquals(0x10f00L - 3, eval(f, DwOp.FBREG, 0x7d).memoryAddress());
  }

  @Test
  void addrAddrxAndArithmetic() {
    Fake f = new Fake();
    assertEquals(0x11468L, eval(f, DwOp.ADDR, 0x68, 0x14, 0x01, 0x00).memoryAddress());
    assertEquals(0x408L, eval(f, DwOp.ADDRX, 2).memoryAddress());
    // 7 - 2 = 5, * 3 = 15, / 2 = 7 (stack value)
    Location.Storage s = single(eval(f, DwOp.LIT0 + 7, DwOp.LIT0 + 2, DwOp.MINUS, DwOp.LIT0 + 3, DwOp.MUL,
        DwOp.LIT0 + 2, DwOp.DIV, DwOp.STACK_VALUE));
    assertEquals(7L, ((Location.Storage.Value) s).bits());
    Location.Storage t = single(eval(f, DwOp.CONSTS, 0x7f, DwOp.LIT0 + 1, DwOp.PLUS, DwOp.LIT0, DwOp.NOT,
        DwOp.AND, DwOp.STACK_VALUE));
    assertEquals(0L, ((Location.Storage.Value) t).bits());
  }

  @Test
  void derefAndDerefSize() {
    Fake f = new Fake();
    f.memory[0x100] = 0x44;
    f.memory[0x101] = 0x33;
    f.memory[0x102] = 0x22;
    f.memory[0x103] = 0x11;
    assertEquals(0x11223344L, eval(f, DwOp.CONSTU, 0x80, 0x02, DwOp.DEREF).memoryAddress());
    assertEquals(0x3344L, ((Location.Storage.Value) single(eval(f, DwOp.CONSTU, 0x80, 0x02, DwOp.DEREF_SIZE, 2,
        DwOp.STACK_VALUE))).bits());
  }

  @Test
  void unreadableMemoryIsReportedWithItsAddress() {
    Fake f = new Fake();
    Location.Storage s = single(eval(f, DwOp.CONST4U, 0xf0, 0xff, 0xff, 0xff, DwOp.DEREF));
    Location.Storage.Unavailable u = assertInstanceOf(Location.Storage.Unavailable.class, s);
    assertEquals(ValueAvailability.UNREADABLE, u.availability());
    assertEquals("unreadable memory at 0xfffffff0", u.reason());
  }

  @Test
  void piecesKeepAvailablePartsWhenOneLocalIsMissing() {
    Fake f = new Fake();
    f.locals.put(0L, 0x11468L);
    // &str split across local 0 (ptr) and local 7 (len, missing in the dump)
    Location loc = eval(f, DwOp.WASM_LOCATION, 0, 0, DwOp.STACK_VALUE, DwOp.PIECE, 4,
        DwOp.WASM_LOCATION, 0, 7, DwOp.STACK_VALUE, DwOp.PIECE, 4);
    assertEquals(2, loc.pieces().size());
    assertEquals(32, loc.pieces().get(0).sizeBits());
    assertEquals(0x11468L, ((Location.Storage.Value) loc.pieces().get(0).storage()).bits());
    Location.Storage.Unavailable u = assertInstanceOf(Location.Storage.Unavailable.class,
        loc.pieces().get(1).storage());
    assertEquals(ValueAvailability.UNAVAILABLE, u.availability());
  }

  @Test
  void emptyPieceIsOptimizedOutAndEmptyExpressionToo() {
    Fake f = new Fake();
    Location loc = eval(f, DwOp.PIECE, 4, DwOp.FBREG, 8, DwOp.PIECE, 4);
    assertEquals(ValueAvailability.OPTIMIZED_OUT,
        ((Location.Storage.Unavailable) loc.pieces().get(0).storage()).availability());
    assertEquals(0x10f08L, ((Location.Storage.Memory) loc.pieces().get(1).storage()).address());
    assertTrue(eval(f).isOptimizedOut());
  }

  @Test
  void bitPieceImplicitValueAndImplicitPointer() {
    Fake f = new Fake();
    Location loc = eval(f, DwOp.LIT0 + 3, DwOp.STACK_VALUE, DwOp.BIT_PIECE, 3, 2);
    assertEquals(3, loc.pieces().get(0).sizeBits());
    assertEquals(2, loc.pieces().get(0).bitOffset());
    Location.Storage.Bytes b = (Location.Storage.Bytes) single(eval(f, DwOp.IMPLICIT_VALUE, 4, 1, 2, 3, 4));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, b.bytes());
    Location.Storage.ImplicitPointer p = (Location.Storage.ImplicitPointer) single(
        eval(f, DwOp.IMPLICIT_POINTER, 0x20, 0, 0, 0, 4));
    assertEquals(0x20, p.dieOffset());
    assertEquals(4, p.offset());
  }

  @Test
  void registersCfaAndEntryValuesAreUnavailable() {
    Fake f = new Fake();
    for (Location loc : new Location[] {eval(f, DwOp.REG0 + 3), eval(f, DwOp.BREG0 + 1, 8),
        eval(f, DwOp.CALL_FRAME_CFA), eval(f, DwOp.ENTRY_VALUE, 3, DwOp.WASM_LOCATION, 0, 1, DwOp.STACK_VALUE),
        eval(f, DwOp.REGX, 5)}) {
      Location.Storage.Unavailable u = assertInstanceOf(Location.Storage.Unavailable.class, single(loc));
      assertEquals(ValueAvailability.UNAVAILABLE, u.availability(), u.reason());
    }
  }

  @Test
  void branchesAndComparisons() {
    Fake f = new Fake();
    // lit1; bra +2 -> skip "lit5"... : lit1 bra(+1) lit9 ; lit4 stack_value -> top is lit4 after skipping lit9
    Location.Storage s = single(eval(f, DwOp.LIT0 + 1, DwOp.BRA, 1, 0, DwOp.LIT0 + 9, DwOp.LIT0 + 4,
        DwOp.STACK_VALUE));
    assertEquals(4L, ((Location.Storage.Value) s).bits());
    Location.Storage c = single(eval(f, DwOp.LIT0 + 1, DwOp.LIT0 + 2, DwOp.LT, DwOp.STACK_VALUE));
    assertEquals(1L, ((Location.Storage.Value) c).bits());
  }

  @Test
  void infiniteLoopsAreBounded() {
    Fake f = new Fake();
    // skip -3: jumps back onto itself forever
    assertThrows(MalformedInputException.class, () -> eval(f, DwOp.SKIP, 0xfd, 0xff));
  }

  @Test
  void malformedInputNamesTheOffset() {
    Fake f = new Fake();
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> eval(f, DwOp.PLUS));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertThrows(MalformedInputException.class, () -> eval(f, DwOp.CONST4U, 1, 2));
    assertThrows(MalformedInputException.class, () -> eval(f, 0x01));
  }

  @Test
  void convertUsesTheBaseType() {
    Fake f = new Fake() {
      @Override
      public BaseTypeInfo baseType(long unitOffset) {
        return new BaseTypeInfo(1, true, false);
      }
    };
    Location.Storage s = single(eval(f, DwOp.CONSTU, 0xff, 0x01, DwOp.CONVERT, 0x30, DwOp.STACK_VALUE));
    assertEquals(-1L, ((Location.Storage.Value) s).bits());
  }
}
