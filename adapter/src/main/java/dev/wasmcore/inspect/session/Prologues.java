package dev.wasmcore.inspect.session;

import dev.wasmcore.wasm.prologue.PrologueInfo;
import java.util.Map;

/** The prologue analysis used by {@link FrameBaseWalk}. */
final class Prologues implements FrameBaseWalk.Analyzer {
  static final Prologues INSTANCE = new Prologues();

  private Prologues() {}

  @Override
  public PrologueInfo analyse(LoadedModule m, long funcIndex, long spGlobal) {
    return new PrologueInfo(funcIndex, false, "prologue analysis is not available in this build", 0, false, -1,
        Map.of(), false, 0);
  }
}
