package dev.wasmcore.wasm.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import dev.wasmcore.testsupport.Corpus;
import dev.wasmcore.wasm.FunctionBody;
import dev.wasmcore.wasm.WasmModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks the decoder against independent readers on every corpus module: Chicory (every instruction of every
 * function: file offset and opcode) and, for a sample of functions, LLVM-independent {@code wasm-objdump -d} (wabt):
 * offsets, mnemonics and the operands both formats print the same way.
 */
class DisassemblerCorpusTest {
  static List<String> modules() {
    return Corpus.moduleNames();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void everyInstructionMatchesChicory(String name) {
    Path file = Corpus.module(name);
    com.dylibso.chicory.wasm.WasmModule ref = Parser.parse(file);
    try (WasmModule module = WasmModule.open(file)) {
      List<FunctionBody> bodies = module.functionBodies();
      assertEquals(ref.codeSection().functionBodyCount(), bodies.size());
      long instructions = 0;
      for (int f = 0; f < bodies.size(); f++) {
        FunctionBody body = bodies.get(f);
        FunctionDisassembly mine = FunctionDisassembly.decode(body.funcIndex(), body.body());
        assertTrue(mine.complete(), name + " func " + body.funcIndex() + ": " + mine.stopReason());
        assertEquals(body.codeStart().value(), mine.codeStart());
        List<AnnotatedInstruction> theirs = ref.codeSection().getFunctionBody(f).instructions();
        assertEquals(theirs.size(), mine.size(), name + " func " + body.funcIndex() + " instruction count");
        for (int i = 0; i < theirs.size(); i++) {
          WasmInstruction m = mine.instructions().get(i);
          AnnotatedInstruction t = theirs.get(i);
          int code = m.prefix() == 0 ? m.opcode() : (m.prefix() << 8) | m.opcode();
          String where = name + " func " + body.funcIndex() + " #" + i + " " + m.text();
          assertEquals(t.address(), m.fileOffset(), where);
          assertEquals(t.opcode().opcode(), code, where + " vs " + t.opcode());
          assertTrue(m.known(), where);
        }
        WasmInstruction last = mine.instructions().get(mine.size() - 1);
        assertEquals("end", last.mnemonic());
        assertEquals(body.end().value(), last.endOffset(), name + " func " + body.funcIndex() + " ends with end");
        assertEquals(0, last.depth());
        instructions += mine.size();
      }
      assertTrue(instructions > 100);
      System.err.println("disasm cross-check " + name + ": " + bodies.size() + " functions, " + instructions
          + " instructions equal to Chicory");
    }
  }

  /** The modules whose objdump text is small enough for a unit test (all but the 17.6 MB one, checked by Chicory). */
  static List<String> objdumpModules() {
    return modules().stream().filter(n -> {
      try {
        return Files.size(Corpus.module(n)) < 8_000_000;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
  }

  private static final Pattern OBJDUMP_LINE = Pattern.compile("^ ([0-9a-f]{6}):[0-9a-f ]*\\|\\s*(.*)$");

  /** wasm-objdump prints some operands the way the text format does; those are compared in full. */
  private static boolean sameSyntax(String mnemonic) {
    return mnemonic.startsWith("local.") || mnemonic.startsWith("global.") || mnemonic.equals("i32.const")
        || mnemonic.equals("i64.const") || mnemonic.equals("br") || mnemonic.equals("br_if")
        || mnemonic.equals("call") || mnemonic.equals("br_table");
  }

  @ParameterizedTest
  @MethodSource("objdumpModules")
  void sampledFunctionsMatchWasmObjdump(String name) throws Exception {
    Path objdump = Path.of("/usr/bin/wasm-objdump");
    assumeTrue(Files.isExecutable(objdump), "wasm-objdump (wabt) not installed");
    Path file = Corpus.module(name);
    Process p = new ProcessBuilder(objdump.toString(), "-d", file.toString()).redirectErrorStream(false).start();
    p.getOutputStream().close();
    List<String> lines = new ArrayList<>();
    try (var in = p.inputReader(StandardCharsets.UTF_8)) {
      String l;
      while ((l = in.readLine()) != null) {
        lines.add(l);
      }
    }
    p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    try (WasmModule module = WasmModule.open(file)) {
      // offset -> objdump's text, for every instruction line.
      java.util.Map<Long, String> byOffset = new java.util.HashMap<>();
      for (String l : lines) {
        Matcher m = OBJDUMP_LINE.matcher(l);
        if (m.matches()) {
          byOffset.put(Long.parseLong(m.group(1), 16), m.group(2).strip());
        }
      }
      List<FunctionBody> bodies = module.functionBodies();
      int step = Math.max(1, bodies.size() / 40);
      int compared = 0;
      int fullText = 0;
      for (int f = 0; f < bodies.size(); f += step) {
        FunctionBody body = bodies.get(f);
        FunctionDisassembly d = FunctionDisassembly.decode(body.funcIndex(), body.body());
        for (WasmInstruction insn : d.instructions()) {
          if (insn.mnemonic().equals("end") && insn.endOffset() == body.end().value()) {
            continue; // objdump does not print a function's final end
          }
          String theirs = byOffset.get(insn.fileOffset());
          String where = name + " func " + body.funcIndex() + " at 0x" + Long.toHexString(insn.fileOffset());
          assertTrue(theirs != null, where + ": objdump has no instruction there (" + insn.text() + ")");
          String theirMnemonic = theirs.split(" ")[0];
          assertEquals(theirMnemonic, insn.mnemonic(), where);
          if (sameSyntax(insn.mnemonic())) {
            String t = theirs.replaceAll(" <.*>$", ""); // "call 8 <level3>"
            if (insn.mnemonic().equals("i32.const")) {
              // objdump prints i32 constants unsigned; the text format (and this disassembler) signed.
              t = "i32.const " + new java.math.BigInteger(t.substring(10)).intValue();
            } else if (insn.mnemonic().equals("i64.const")) {
              t = "i64.const " + new java.math.BigInteger(t.substring(10)).longValue();
            }
            assertEquals(t, insn.text(), where);
            fullText++;
          }
          compared++;
        }
      }
      assertTrue(compared > 50, "compared " + compared);
      System.err.println("disasm vs wasm-objdump " + name + ": " + compared + " instructions, " + fullText
          + " with operands");
    }
  }

  @ParameterizedTest
  @MethodSource("modules")
  void aroundAnyInstructionIsConsistent(String name) throws IOException {
    try (WasmModule module = WasmModule.open(Corpus.module(name))) {
      List<FunctionBody> bodies = module.functionBodies();
      FunctionBody body = bodies.get(bodies.size() / 2);
      FunctionDisassembly d = FunctionDisassembly.decode(body.funcIndex(), body.body());
      for (int i = 0; i < d.size(); i++) {
        WasmInstruction insn = d.instructions().get(i);
        for (long o = insn.fileOffset(); o < insn.endOffset(); o++) {
          assertEquals(i, d.indexAt(o));
        }
        List<WasmInstruction> w = d.around(insn.fileOffset(), 3, 2);
        assertEquals(insn, w.get(Math.min(i, 3)));
      }
    }
  }
}
