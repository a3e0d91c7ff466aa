package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Limits;
import java.nio.file.Path;
import java.util.List;

/**
 * Jazzer target: the expression evaluator and console of a real session (the C sample) on arbitrary text, in an
 * arbitrary frame: what a DAP client's watch, hover and REPL send. Outcomes: a value or a SessionException with a
 * message; never a raw exception, a hang or a StackOverflowError.
 */
class ExpressionEvaluatorFuzzTest {
  private static final DebugSession SESSION = open();

  private static DebugSession open() {
    Path out = Seeds.samplesOut();
    if (out == null) {
      return null;
    }
    return SampleSession.open(out.resolve(SessionFuzz.SAMPLE + ".core"), out.resolve(SessionFuzz.SAMPLE + ".wasm"),
        Limits.defaults());
  }

  @FuzzTest(maxDuration = "5m")
  void evaluate(FuzzedDataProvider in) {
    if (SESSION == null) {
      return;
    }
    List<FrameView> frames = SESSION.threads().get(0).frames();
    int fi = in.consumeInt(-1, frames.size() - 1);
    FrameView frame = fi < 0 ? null : frames.get(fi);
    boolean console = in.consumeBoolean();
    String text = in.consumeRemainingAsString();
    Outcomes.expectValueOrError((console ? "console '" : "evaluate '") + text + "'", null, () -> {
      if (console) {
        var r = SESSION.console(frame, text);
        r.text();
        if (r.value() != null) {
          SampleSession.render(r.value(), 2, new int[1], 100);
        }
      } else {
        SampleSession.render(SESSION.evaluate(frame, text), 2, new int[1], 100);
      }
    });
  }
}
