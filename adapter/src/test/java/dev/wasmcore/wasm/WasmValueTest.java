package dev.wasmcore.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WasmValueTest {
  @Test
  void integersAreSignedDecimal() {
    assertEquals("-1", WasmValue.i32(-1).format());
    assertEquals("i32 1005", WasmValue.i32(1005).toString());
    assertEquals("-9223372036854775808", WasmValue.i64(Long.MIN_VALUE).format());
    assertEquals(-1, WasmValue.i32(-1).asLong());
  }

  @Test
  void floatsKeepTheirExactBits() {
    WasmValue f = WasmValue.f32Bits(Float.floatToRawIntBits(0.05f));
    assertEquals("0.05", f.format());
    assertEquals((double) 0.05f, f.asDouble());
    assertEquals("0.1", WasmValue.f64Bits(Double.doubleToRawLongBits(0.1)).format());
    assertEquals("NaN", WasmValue.f64Bits(0x7FF8000000000000L).format());
    assertEquals("nan:0x1", WasmValue.f64Bits(0x7FF0000000000001L).format());
    assertEquals("-Infinity", WasmValue.f32Bits(0xFF800000).format());
    assertEquals("-0.0", WasmValue.f64Bits(0x8000000000000000L).format());
    assertNotEquals(WasmValue.f64Bits(0), WasmValue.f64Bits(0x8000000000000000L), "-0 is not +0");
  }

  @Test
  void missingIsNeverZero() {
    WasmValue m = WasmValue.missing();
    assertTrue(m.isMissing());
    assertEquals("<unavailable>", m.format());
    assertEquals("missing", m.typeName());
    assertNotEquals(WasmValue.i32(0), m);
    assertThrows(IllegalStateException.class, m::asLong);
  }

  @Test
  void referencesAndVectors() {
    assertEquals("null", WasmValue.refNull(ValType.EXTERNREF).format());
    assertEquals("externref", WasmValue.refNull(ValType.EXTERNREF).typeName());
    assertEquals("ref.func 3", WasmValue.refFunc(3).format());
    assertEquals("0x0000000000000002" + "0000000000000001", WasmValue.v128(1, 2).format());
  }
}
