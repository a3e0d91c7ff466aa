package dev.wasmcore.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded versions of the session fuzz targets for every build: the C sample opened as a real session with its memory
 * image overwritten (random bytes, all-0xFF, pointers aimed at themselves, strings without terminators), with its
 * DWARF overwritten, and expressions mutated from valid ones, each fully rendered. Outcomes allowed: values or the
 * project's own errors.
 */
@Tag("fuzz")
class SessionMutationTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void hostileMemory(@TempDir Path tmp) {
    Path[] p = SampleSession.sample(SessionFuzz.SAMPLE);
    byte[] seed = Seeds.read(p[0]);
    List<int[]> segments = SessionFuzz.segmentContents(seed);
    Random r = new Random(0x9e3779b9L);
    List<String> findings = new ArrayList<>();
    long before = SessionFuzz.RENDERED.get();
    try (HangGuard guard = new HangGuard(BOUND)) {
      for (int i = 0; i < 14; i++) {
        byte[] core = seed.clone();
        String kind = switch (i % 4) {
          case 0 -> "random bytes";
          case 1 -> "all 0xFF";
          case 2 -> "self pointers";
          default -> "no NUL anywhere";
        };
        for (int[] seg : segments) {
          for (int k = seg[0]; k < seg[1]; k++) {
            switch (i % 4) {
              case 0 -> {
                if (r.nextInt(3) == 0) {
                  core[k] = (byte) r.nextInt(256);
                }
              }
              case 1 -> core[k] = (byte) 0xFF;
              case 2 -> {
                // Every aligned word of the segment points at itself or a neighbour: cycles everywhere.
                if (((k - seg[0]) & 3) == 0 && k + 4 <= seg[1]) {
                  int v = (int) (readAddress(seed, seg, k) + (r.nextInt(3) - 1) * 4L);
                  core[k] = (byte) v;
                  core[k + 1] = (byte) (v >> 8);
                  core[k + 2] = (byte) (v >> 16);
                  core[k + 3] = (byte) (v >> 24);
                  k += 3;
                }
              }
              default -> {
                if (core[k] == 0) {
                  core[k] = 'A';
                }
              }
            }
          }
        }
        String name = "memory mutant " + i + " (" + kind + ")";
        Path c = SessionFuzz.temp(tmp, i + "-" + SessionFuzz.SAMPLE + ".core", core);
        run(guard, findings, name, () -> Outcomes.expectValueOrError(name, c.toString(),
            () -> SessionFuzz.openAndRender(name, c, p[1])));
      }
    }
    assertTrue(findings.isEmpty(), String.join("\n", findings));
    long rendered = SessionFuzz.RENDERED.get() - before;
    assertTrue(rendered > 14 * 50, "the hostile memory reached the renderer: " + rendered + " values rendered");
  }

  @Test
  void hostileDwarf(@TempDir Path tmp) {
    Path[] p = SampleSession.sample(SessionFuzz.SAMPLE);
    byte[] seed = Seeds.read(p[1]);
    Random r = new Random(12345);
    List<String> findings = new ArrayList<>();
    try (HangGuard guard = new HangGuard(BOUND)) {
      for (int i = 0; i < 12; i++) {
        byte[] wasm = seed.clone();
        String sec = i % 3 == 0 ? ".debug_abbrev" : ".debug_info";
        int[] range = SessionFuzz.custom(wasm, sec);
        for (int k = 0; k < 1 + i; k++) {
          int at = range[0] + r.nextInt(Math.min(range[1] - range[0], 4096));
          wasm[at] = (byte) r.nextInt(256);
        }
        String name = "DWARF mutant " + i + " (" + sec + ")";
        Path dir = tmp.resolve("m" + i);
        dir.toFile().mkdirs();
        Path w = SessionFuzz.temp(dir, SessionFuzz.SAMPLE + ".wasm", wasm);
        run(guard, findings, name, () -> Outcomes.expectValueOrError(name, w.toString(),
            () -> SessionFuzz.openAndRender(name, p[0], w)));
      }
    }
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }

  @Test
  void mutatedExpressions() {
    Path[] p = SampleSession.sample(SessionFuzz.SAMPLE);
    String alphabet = "()[]*&->.+-/%!~<>=?:|^,'\"0x1fg_abcdelmnorstyz ";
    Random r = new Random(99);
    List<String> findings = new ArrayList<>();
    try (DebugSession s = SampleSession.open(p[0], p[1], Limits.defaults()); HangGuard guard = new HangGuard(BOUND)) {
      List<FrameView> frames = s.threads().get(0).frames();
      List<String> seeds = new ArrayList<>(SessionFuzz.EXPRESSIONS);
      seeds.addAll(SessionFuzz.COMMANDS);
      for (int i = 0; i < 500; i++) {
        StringBuilder sb = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
        for (int k = 0; k < 1 + r.nextInt(3) && sb.length() > 0; k++) {
          int at = r.nextInt(sb.length());
          switch (r.nextInt(3)) {
            case 0 -> sb.deleteCharAt(at);
            case 1 -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
            default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + r.nextInt(8))));
          }
        }
        String text = sb.toString();
        FrameView f = frames.get(r.nextInt(frames.size()));
        boolean console = r.nextBoolean();
        String name = (console ? "console '" : "evaluate '") + text + "' in frame " + f.index();
        run(guard, findings, name, () -> Outcomes.expectValueOrError(name, null, () -> {
          if (console) {
            s.console(f, text).text();
          } else {
            SampleSession.render(s.evaluate(f, text), 2, new int[1], 100);
          }
        }));
      }
    }
    assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n",
        findings.subList(0, Math.min(10, findings.size()))));
  }

  /** The linear-memory address of file byte {@code k} of a segment: its i32.const offset plus the distance. */
  private static long readAddress(byte[] core, int[] seg, int k) {
    // The segment header ends "41 <sleb offset> 0b <size>" before seg[0]; walk back to the 0x41.
    int size = Mutations.encodeUleb(seg[1] - seg[0]).length;
    int end = seg[0] - size - 1; // the 0x0b
    int at = end - 1;
    while (at > 0 && (core[at - 1] & 0x80) != 0) {
      at--;
    }
    while (at > 0 && (core[at - 1] & 0xFF) != 0x41) {
      at--;
    }
    long[] off = Mutations.uleb(core, at);
    return (off == null ? 0 : off[0]) + (k - seg[0]);
  }

  private static void run(HangGuard guard, List<String> findings, String name, Runnable step) {
    try {
      guard.run(name, step);
    } catch (Outcomes.Finding f) {
      findings.add(f.getMessage() + (f.getCause() != null ? MutationTest.stackTop(f.getCause()) : ""));
    } catch (OutOfMemoryError e) {
      findings.add(name + ": OutOfMemoryError");
    }
  }
}
