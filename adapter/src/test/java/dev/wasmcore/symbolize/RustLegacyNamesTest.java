package dev.wasmcore.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RustLegacyNamesTest {
  @Test
  void dropsTheHash() {
    assertEquals("telemetry::calibrate", RustLegacyNames.readable("telemetry::calibrate::haca9841e8f2e9f91"));
  }

  @Test
  void decodesEscapesAndPathSeparators() {
    assertEquals("telemetry::main::{{closure}}",
        RustLegacyNames.readable("telemetry::main::_$u7b$$u7b$closure$u7d$$u7d$::h8ef066ac4d1e7406"));
    assertEquals("<alloc::string::String as core::fmt::Display>::fmt",
        RustLegacyNames.readable(
            "_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$::fmt::h0123456789abcdef"));
    assertEquals("core::ptr::drop_in_place<&mut [u8]>",
        RustLegacyNames.readable("core::ptr::drop_in_place$LT$$RF$mut$u20$$u5b$u8$u5d$$GT$::h0123456789abcdef"));
  }

  @Test
  void leavesOtherNamesAlone() {
    assertEquals("shop::audit(shop::Inventory const&, unsigned long)",
        RustLegacyNames.readable("shop::audit(shop::Inventory const&, unsigned long)"));
    assertEquals("printf_core(FILE*, char const*, ...)", RustLegacyNames.readable("printf_core(FILE*, char const*, ...)"));
    assertEquals("level3", RustLegacyNames.readable("level3"));
    assertEquals("f::h12", RustLegacyNames.readable("f::h12"));
    assertNull(RustLegacyNames.readable(null));
  }
}
