package dev.wasmcore.fuzz;

import dev.wasmcore.inspect.ConsoleResult;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whole-session drivers over hostile bytes: a sample dump whose memory image was overwritten, or a sample module
 * whose DWARF was, opened as a real session and fully rendered (every variable of every frame to two levels, a few
 * expressions and console commands). Used by the Jazzer targets and the seeded mutation tests.
 */
final class SessionFuzz {
  private SessionFuzz() {}

  /** Values rendered by {@link #openAndRender} so far (tests check that hostile inputs got past opening). */
  static final java.util.concurrent.atomic.AtomicLong RENDERED = new java.util.concurrent.atomic.AtomicLong();

  /** The sample the session tests use (C, DWARF 5, -O0: structs, arrays, strings, a cyclic list, unions). */
  static final String SAMPLE = "c_dw5_O0";

  /** Where the memory bytes of a dump are: the payload of its Data section (id 11). */
  static int[] dataSection(byte[] core) {
    for (Mutations.Section s : Mutations.sections(core)) {
      if (s.id() == 11) {
        return new int[] {s.payloadAt(), s.end()};
      }
    }
    throw new IllegalStateException("no data section in the sample dump");
  }

  /**
   * The byte ranges of the data segments' contents in a dump (the memory image itself, not the segment headers):
   * Data section = count, then per active segment {@code 0x00, i32.const N, end, size, bytes} (or the memory-index
   * forms 0x02). Patching only these keeps the dump well-formed so the hostile bytes reach the value renderer.
   */
  static List<int[]> segmentContents(byte[] core) {
    int[] d = dataSection(core);
    List<int[]> out = new java.util.ArrayList<>();
    long[] count = Mutations.uleb(core, d[0]);
    int at = d[0] + (int) count[1];
    for (long i = 0; i < count[0] && at < d[1]; i++) {
      int flags = core[at++] & 0xFF;
      if (flags == 2) {
        at += (int) Mutations.uleb(core, at)[1];
      }
      if (flags == 0 || flags == 2) {
        while (at < d[1] && (core[at] & 0xFF) != 0x0B) {
          at++;
        }
        at++;
      }
      long[] size = Mutations.uleb(core, at);
      at += (int) size[1];
      out.add(new int[] {at, at + (int) size[0]});
      at += (int) size[0];
    }
    return out;
  }

  /** The payload range of one named custom section of a module. */
  static int[] custom(byte[] module, String name) {
    for (Mutations.Section s : Mutations.sections(module)) {
      if (s.id() == 0 && s.name().equals(name)) {
        return new int[] {s.firstCountAt(), s.end()};
      }
    }
    return null;
  }

  static final List<String> EXPRESSIONS = List.of("*ledger", "item->name", "item->next->next->name", "g_loop",
      "g_history", "g_grid[2]", "g_site", "*g_null_item", "g_rules[1]", "ledger->entries[slot]", "&g_loop",
      "(char *)item", "*(int (*)[8])ledger", "g_loop.next->next->next->where.bin");
  static final List<String> COMMANDS = List.of("bt", "info locals", "info args", "p/x *item", "x/16xw ledger",
      "x/4s g_site", "ptype item", "frame 3", "info frame");

  /** Opens the session on {@code core}/{@code wasm}, renders everything, evaluates expressions and commands. */
  static void openAndRender(String input, Path core, Path wasm) {
    try (DebugSession s = SampleSession.open(core, wasm, Limits.defaults())) {
      s.crash();
      s.modules();
      RENDERED.addAndGet(SampleSession.renderAll(s, 2, 400));
      FrameView top = s.threads().get(0).frames().get(0);
      for (String e : EXPRESSIONS) {
        Outcomes.expectValueOrError(input + " evaluate " + e, null, () -> {
          var v = s.evaluate(top, e);
          SampleSession.render(v, 2, new int[1], 100);
        });
      }
      for (String c : COMMANDS) {
        Outcomes.expectValueOrError(input + " console " + c, null, () -> {
          ConsoleResult r = s.console(top, c);
          r.text();
        });
      }
      Outcomes.expectValueOrError(input + " readMemory", null, () -> s.readMemory("0x0", 0, 4096));
      Outcomes.expectValueOrError(input + " disassemble", null,
          () -> s.disassemble(top.instructionPointerReference(), 0, -10, 40, true));
    }
  }

  /** Writes {@code bytes} to a fresh temporary file named like the sample (the session matches names). */
  static Path temp(Path dir, String name, byte[] bytes) {
    try {
      Path f = dir.resolve(name);
      Files.write(f, bytes);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("wasmcore-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
