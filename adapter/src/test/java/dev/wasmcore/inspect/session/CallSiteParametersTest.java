package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wasmcore.dwarf.testsupport.DwarfBuilder;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ProgressListener;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import dev.wasmcore.wasm.WasmValue;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a parameter whose location is {@code DW_OP_entry_value(DW_OP_WASM_location 0 0) DW_OP_stack_value}
 * (DWARF 5 section 2.5.1.7) gets its value from the caller's {@code DW_TAG_call_site} /
 * {@code DW_TAG_call_site_parameter} (section 3.4.2) when the DWARF has one, and is UNAVAILABLE otherwise. clang
 * for wasm emits call sites without parameters, so the module, its DWARF and the dump are built here.
 *
 * <p>Module: func 0 {@code callee(i32)} = {@code unreachable; end}; func 1 {@code caller()} with one i32 local =
 * {@code i32.const 42; call 0; end}. Code section payload (DWARF addresses are offsets into it):
 * <pre>
 *   0 count=2 | 1 size=3 | 2 locals=0  3 unreachable  4 end
 *   5 size=8  | 6 locals=1 7 (1 x i32) | 9 i32.const 42 (9..10) | 11 call 0 (11..12) | 13 end
 * </pre>
 * The dump has two frames and no locals (wasmtime style): callee at body offset 1 (address 3), caller at the call,
 * body offset 5 (address 11); the call's return address is 13.
 */
class CallSiteParametersTest {
  // DWARF 5 tags, attributes and forms (section 7.5).
  static final int TAG_CU = 0x11;
  static final int TAG_BASE = 0x24;
  static final int TAG_SUBPROGRAM = 0x2e;
  static final int TAG_FORMAL_PARAMETER = 0x05;
  static final int TAG_CALL_SITE = 0x48;
  static final int TAG_CALL_SITE_PARAMETER = 0x49;
  static final int AT_NAME = 0x03;
  static final int AT_LOCATION = 0x02;
  static final int AT_BYTE_SIZE = 0x0b;
  static final int AT_LOW_PC = 0x11;
  static final int AT_HIGH_PC = 0x12;
  static final int AT_ENCODING = 0x3e;
  static final int AT_TYPE = 0x49;
  static final int AT_CALL_RETURN_PC = 0x7d;
  static final int AT_CALL_VALUE = 0x7e;
  static final int AT_CALL_PC = 0x81;
  static final int FORM_ADDR = 0x01;
  static final int FORM_DATA1 = 0x0b;
  static final int FORM_DATA4 = 0x06;
  static final int FORM_STRING = 0x08;
  static final int FORM_REF4 = 0x13;
  static final int FORM_EXPRLOC = 0x18;

  static final long CALL_ADDRESS = 11;
  static final long RETURN_ADDRESS = 13;
  /** DW_OP_WASM_location 0 0: wasm local 0 (the callee's parameter). */
  static final int[] WASM_LOCAL_0 = {0xed, 0x00, 0x00};

  @TempDir
  Path dir;

  /** The DWARF of the module; {@code callSites} writes the caller's children. */
  private static DwarfBuilder dwarf(Consumer<DwarfBuilder> callSites) {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev(1, TAG_CU, true, AT_NAME, FORM_STRING, AT_LOW_PC, FORM_ADDR, AT_HIGH_PC, FORM_DATA4);
    b.abbrev(2, TAG_BASE, false, AT_NAME, FORM_STRING, AT_ENCODING, FORM_DATA1, AT_BYTE_SIZE, FORM_DATA1);
    b.abbrev(3, TAG_SUBPROGRAM, true, AT_NAME, FORM_STRING, AT_LOW_PC, FORM_ADDR, AT_HIGH_PC, FORM_DATA4);
    b.abbrev(4, TAG_FORMAL_PARAMETER, false, AT_NAME, FORM_STRING, AT_TYPE, FORM_REF4, AT_LOCATION, FORM_EXPRLOC);
    b.abbrev(5, TAG_CALL_SITE, true, AT_CALL_RETURN_PC, FORM_ADDR);
    b.abbrev(6, TAG_CALL_SITE_PARAMETER, false, AT_LOCATION, FORM_EXPRLOC, AT_CALL_VALUE, FORM_EXPRLOC);
    b.abbrev(7, TAG_CALL_SITE, false, AT_CALL_RETURN_PC, FORM_ADDR);
    b.abbrev(8, TAG_CALL_SITE, true, AT_CALL_PC, FORM_ADDR);
    b.endAbbrevs();
    int start = b.beginCompileUnit(5);
    b.info.uleb(1).cstr("callsite.c").u32(0).u32(14);
    int intType = b.info.size();
    b.info.uleb(2).cstr("int").u8(0x05).u8(4); // DW_ATE_signed, 4 bytes
    // callee: body at addresses 1..4 (size field to end); x = DW_OP_entry_value(wasm local 0), DW_OP_stack_value
    b.info.uleb(3).cstr("callee").u32(1).u32(4);
    b.info.uleb(4).cstr("x").u32(intType).uleb(6).raw(0xa3, 3).raw(WASM_LOCAL_0).raw(0x9f);
    b.info.u8(0);
    // caller: addresses 5..13
    b.info.uleb(3).cstr("caller").u32(5).u32(9);
    callSites.accept(b);
    b.info.u8(0);
    b.info.u8(0); // end of the CU's children
    DwarfBuilder.endUnit(b.info, start);
    return b;
  }

  /** A call-site parameter for wasm local 0 whose DW_AT_call_value is {@code value}. */
  private static void parameter(DwarfBuilder b, int... value) {
    b.info.uleb(6).uleb(WASM_LOCAL_0.length).raw(WASM_LOCAL_0).uleb(value.length).raw(value);
  }

  /** Opens the module with {@code d} and a two-frame dump; {@code callerLocals} are the caller frame's locals. */
  private DebugSession open(DwarfBuilder d, List<WasmValue> callerLocals) {
    WasmBuilder w = new WasmBuilder();
    int calleeType = w.type(new int[] {WasmBuilder.I32}, new int[0]);
    int callerType = w.type(new int[0], new int[0]);
    w.function(calleeType, new int[0][], Bytes.of(0x00, 0x0b));
    w.function(callerType, new int[][] {{1, WasmBuilder.I32}}, Bytes.of(0x41, 42, 0x10, 0x00, 0x0b));
    w.custom(".debug_abbrev", d.abbrev.toArray());
    w.custom(".debug_info", d.info.toArray());
    Path module = w.write(dir.resolve("callsite.wasm"));
    Path core = new CoreDumpWriter().process("callsite.wasm").module("callsite.wasm")
        .instance(0, new long[0], new long[0])
        .thread("main")
        .frame(0, 0, 1, List.of(), List.of())
        .frame(0, 1, 5, callerLocals, List.of())
        .done()
        .write(dir.resolve("callsite.core"));
    return Sessions.open(SessionOptions.of(core, module), ProgressListener.NONE);
  }

  private static VariableView x(DebugSession s) {
    List<FrameView> frames = s.threads().get(0).frames();
    assertEquals(2, frames.size());
    assertEquals("callee", frames.get(0).function());
    assertEquals("caller", frames.get(1).function());
    assertEquals(CALL_ADDRESS, frames.get(1).dwarfAddress());
    for (ScopeView sc : frames.get(0).scopes()) {
      if (sc.kind() == ScopeView.ScopeKind.ARGUMENTS) {
        for (VariableView v : sc.variables()) {
          if (v.name().equals("x")) {
            return v;
          }
        }
      }
    }
    throw new AssertionError("no argument x in the callee's frame");
  }

  @Test
  void callValueConstantAtReturnPc() {
    DwarfBuilder d = dwarf(b -> {
      b.info.uleb(5).u32(RETURN_ADDRESS);
      parameter(b, 0x11, 42, 0x9f); // DW_OP_consts 42, DW_OP_stack_value
      b.info.u8(0);
    });
    try (DebugSession s = open(d, List.of())) {
      VariableView x = x(s);
      assertEquals(VariableView.ValueState.OK, x.state(), x.value(false));
      assertEquals("42", x.value(false));
    }
  }

  @Test
  void callValueFromTheCallersLocalAtCallPc() {
    DwarfBuilder d = dwarf(b -> {
      b.info.uleb(8).u32(CALL_ADDRESS);
      parameter(b, 0xed, 0x00, 0x00, 0x9f); // the caller's wasm local 0, DW_OP_stack_value
      b.info.u8(0);
    });
    try (DebugSession s = open(d, List.of(WasmValue.i32(-7)))) {
      VariableView x = x(s);
      assertEquals(VariableView.ValueState.OK, x.state(), x.value(false));
      assertEquals("-7", x.value(false));
    }
  }

  @Test
  void callSiteWithoutParametersLeavesTheValueUnavailable() {
    DwarfBuilder d = dwarf(b -> b.info.uleb(7).u32(RETURN_ADDRESS));
    try (DebugSession s = open(d, List.of())) {
      VariableView x = x(s);
      assertEquals(VariableView.ValueState.UNAVAILABLE, x.state(), x.value(false));
      assertFalse(x.value(false).contains("42"), x.value(false));
    }
  }

  @Test
  void callSiteForAnotherCallDoesNotApply() {
    DwarfBuilder d = dwarf(b -> {
      b.info.uleb(5).u32(RETURN_ADDRESS + 1); // a different return address: not this call
      parameter(b, 0x11, 42, 0x9f);
      b.info.u8(0);
    });
    try (DebugSession s = open(d, List.of())) {
      VariableView x = x(s);
      assertNotNull(x.value(false));
      assertEquals(VariableView.ValueState.UNAVAILABLE, x.state(), x.value(false));
    }
  }
}
