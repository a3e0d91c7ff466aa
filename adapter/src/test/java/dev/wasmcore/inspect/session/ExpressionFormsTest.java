package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmcore.inspect.ConsoleResult;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Instruction;
import dev.wasmcore.inspect.MemoryRead;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each expression form and console command on the project's C sample (src/out/c_dw5_O0: main -> run_day -> restock
 * -> record_movement, values fixed by src/c/inventory.c), plus the session's memory, disassembly and errors.
 */
class ExpressionFormsTest {
  static DebugSession s;
  static FrameView top;
  static FrameView main;

  @BeforeAll
  static void open() {
    String p = System.getProperty("wasmcore.samples");
    Path dir = p == null ? null : Path.of(p);
    assumeTrue(dir != null && Files.isRegularFile(dir.resolve("out/c_dw5_O0.core")), "samples absent");
    s = Sessions.open(new SessionOptions(dir.resolve("out/c_dw5_O0.core"), List.of(dir.resolve(
        "out/c_dw5_O0.wasm")), List.of(), Map.of("/wasmcore/src", dir.toString()), List.of(), null), null);
    top = s.threads().get(0).frames().get(0);
    for (FrameView f : s.threads().get(0).frames()) {
      if (f.function().equals("__main_argc_argv")) {
        main = f;
      }
    }
  }

  @AfterAll
  static void close() {
    if (s != null) {
      s.close();
    }
  }

  static String v(FrameView f, String expr) {
    return s.evaluate(f, expr).value(false);
  }

  @Test
  void namesMembersIndexAndDeref() {
    assertEquals("record_movement", top.function());
    assertEquals("210", v(top, "delta"));
    assertEquals("\"robot\"", v(top, "item->name"));
    assertEquals("\"robot\"", v(top, "(*item).name"));
    assertEquals("\"apples\"", v(top, "item->next->name"));
    assertEquals("7", v(main, "primes[3]"));
    assertEquals("67 'C'", v(main, "hammer.where.aisle"));
    assertEquals("\"warehouse\"", v(main, "label"));
    assertTrue(v(main, "motto").endsWith("\"count twice, ship once\""));
    assertEquals("\"apples\"", v(main, "cursor->name"));
    assertEquals("12", v(main, "cursor->next->quantity"));
  }

  @Test
  void bitfieldsUnionsEnumsAndFunctionPointers() {
    assertEquals("-5", v(main, "hammer.status.temperature"));
    assertEquals("417", v(main, "hammer.status.batch"));
    assertEquals("1999", v(main, "hammer.price.cents"));
    assertEquals("0.5", v(main, "apples.price.ratio"));
    assertEquals("3 '\\x03'", v(main, "robot.price.raw[2]"));
    assertEquals("CAT_TOYS", v(main, "favourite"));
    assertEquals("ACC_READ | ACC_ADMIN (9)", v(main, "mode"));
    assertTrue(v(main, "chosen").endsWith("<cap_rule>"), v(main, "chosen"));
  }

  @Test
  void staticsGlobalsAndQualifiedNames() {
    assertEquals("1", v(top, "record_movement::movements"));
    assertEquals("1", v(top, "movements"));
    assertEquals("\"main ledger\"", v(top, "main::ledger.owner").replaceFirst("^0x[0-9a-f]+ ", ""));
    assertEquals("7", v(top, "g_day"));
    assertEquals("2250", v(top, "g_history[750]"));
  }

  @Test
  void arithmeticComparisonLogicAndPointerArithmetic() {
    assertEquals("18", v(main, "primes[3] + primes[4]"));
    assertEquals("7", v(main, "*(primes + 3)"));
    assertEquals("5", v(main, "*&primes[2]"));
    assertEquals("3", v(main, "&primes[4] - &primes[1]"));
    assertEquals("1", v(main, "primes[7] > 17 && favourite == 2"));
    assertEquals("0", v(main, "!argc"));
    assertEquals("-1", v(main, "~0"));
    assertEquals("-2", v(main, "-primes[0]"));
    assertEquals("4", v(main, "primes[7] % 5"));
    assertEquals("16", v(main, "1 << 4"));
    assertEquals("3", v(main, "10 / 3"));
    assertEquals("3.75", v(main, "7.5 / 2"));
    assertEquals("66", v(main, "'A' + 1"));
    assertEquals("0x13", s.evaluate(main, "primes[7]").value(true));
    assertEquals("5", v(main, "argc > 0 ? primes[2] : primes[3]"));
  }

  @Test
  void castsAndSizeof() {
    assertEquals("4", v(main, "sizeof(int)"));
    assertEquals("32", v(main, "sizeof primes"));
    assertEquals(v(main, "sizeof(Item)"), v(main, "sizeof hammer"));
    assertEquals("\"apples\"", v(main, "((struct Item *)cursor)->name"));
    assertEquals("\"apples\"", v(main, "((Item *)cursor)->name"));
    String addr = s.evaluate(main, "cursor").memoryReference();
    assertEquals("80", v(main, "((Item *)" + addr + ")->quantity"));
    assertEquals("80", v(main, "(*(Item *)" + addr + ").quantity"));
    assertEquals("NULL", v(main, "(Item *)0"));
    assertEquals("65", v(main, "(int)'A'"));
    assertEquals("2 '\\x02'", v(main, "(unsigned char)258"));
  }

  @Test
  void wasmNames() {
    VariableView sp = s.evaluate(top, "$__stack_pointer");
    assertEquals("i32", sp.type());
    assertEquals(VariableView.ValueState.OK, sp.state());
    assertEquals(sp.value(false), s.evaluate(top, "$global0").value(false));
    assertEquals(VariableView.ValueState.OK, s.evaluate(top, "$local0").state());
    // The trapping frame's operand stack: what the dump has, or unavailable, never a made-up value.
    VariableView st = s.evaluate(top, "$stack0");
    assertTrue(st.state() == VariableView.ValueState.OK || st.state() == VariableView.ValueState.UNAVAILABLE);
  }

  @Test
  void errorsNameTheTokenAndTheReason() {
    SessionException e = assertThrows(SessionException.class, () -> s.evaluate(main, "nosuch + 1"));
    assertTrue(e.getMessage().contains("'nosuch' at column 1"), e.getMessage());
    e = assertThrows(SessionException.class, () -> s.evaluate(main, "hammer.nope"));
    assertTrue(e.getMessage().contains("no member named 'nope'"), e.getMessage());
    e = assertThrows(SessionException.class, () -> s.evaluate(main, "primes[99]"));
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    e = assertThrows(SessionException.class, () -> s.evaluate(main, "primes["));
    assertTrue(e.getMessage().contains("column"), e.getMessage());
    e = assertThrows(SessionException.class, () -> s.evaluate(main, "1 / 0"));
    assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
  }

  @Test
  void scopesAndChildren() {
    List<ScopeView> scopes = top.scopes();
    assertEquals(List.of("Arguments", "Locals", "Globals", "Wasm"), scopes.stream().map(ScopeView::name).toList());
    assertTrue(scopes.get(2).expensive());
    VariableView item = scopes.get(0).variables().stream().filter(x -> x.name().equals("item")).findFirst()
        .orElseThrow();
    VariableView name = item.namedChildren().stream().filter(x -> x.name().equals("name")).findFirst().orElseThrow();
    assertEquals("item->name", name.evaluateName());
    assertEquals(12, name.indexedCount());
    assertNotNull(item.memoryReference());
    VariableView hist = s.evaluate(top, "g_history");
    assertEquals(1500, hist.indexedCount());
    assertEquals("4497", hist.indexedChildren(1499, 10).get(0).value(false));
    assertEquals(1, hist.indexedChildren(1499, 10).size());
  }

  @Test
  void consoleCommands() {
    ConsoleResult bt = s.console(top, "bt");
    assertTrue(bt.text().contains("#0  record_movement"), bt.text());
    assertTrue(bt.text().contains("run_day"), bt.text());
    ConsoleResult fr = s.console(top, "frame 1");
    assertEquals(1, fr.selectedFrame().index());
    ConsoleResult p = s.console(top, "p/x delta");
    assertEquals("0xd2", p.text());
    assertNotNull(p.value());
    assertTrue(s.console(main, "info locals").text().contains("primes = {2, 3, 5, 7"));
    assertTrue(s.console(top, "info args").text().contains("delta = 210"));
    assertTrue(s.console(top, "info frame").text().contains("DWARF address 0x"));
    assertTrue(s.console(main, "ptype hammer").text().contains("char name[12];"), s.console(main, "ptype hammer")
        .text());
    String x = s.console(main, "x/4dw primes").text();
    assertTrue(x.endsWith("2\t3\t5\t7"), x);
    assertTrue(s.console(top, "list").text().contains("=> "), s.console(top, "list").text());
    String xi = s.console(top, "x/2i $pc").text();
    assertTrue(xi.startsWith(top.instructionPointerReference() + ":"), xi);
    assertTrue(xi.contains("store"), xi);
  }

  @Test
  void memoryDisassemblyAndCrash() {
    MemoryRead r = s.readMemory(s.evaluate(main, "label").memoryReference(), 0, 9);
    assertEquals("warehouse", new String(r.data()));
    MemoryRead far = s.readMemory("0x7ffffff0", 0, 16);
    assertEquals(16, far.unreadableBytes());
    List<Instruction> ins = s.disassemble(top.instructionPointerReference(), 0, -4, 16, true);
    assertEquals(16, ins.size());
    assertEquals(top.instructionPointerReference(), ins.get(4).address());
    assertFalse(ins.get(4).invalid());
    assertTrue(ins.get(4).text().contains("store"), ins.get(4).text());
    assertEquals("memory access out of bounds", s.crash().description());
    List<Instruction> start = s.disassemble("0x0", 0, -3, 5, false);
    assertEquals(5, start.size());
    assertTrue(start.get(0).invalid());
  }

  @Test
  void badOpens() {
    Path core = s.coreFile();
    SessionException e = assertThrows(SessionException.class, () -> Sessions.open(SessionOptions.of(
        core.resolveSibling("missing.core"), null), null));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
    e = assertThrows(SessionException.class, () -> Sessions.open(SessionOptions.of(core.resolveSibling(
        "c_dw5_O0.wasm"), null), null));
    assertTrue(e.getMessage().contains("core dump"), e.getMessage());
    // The C++ module does not belong to the C dump.
    e = assertThrows(SessionException.class, () -> Sessions.open(SessionOptions.of(core, core.resolveSibling(
        "rs_O0.wasm")), null));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
  }
}
