package dev.wasmcore.inspect;

/** Opens sessions. */
public final class Sessions {
  private Sessions() {}

  /**
   * Opens a dump and its modules, reading only headers: DWARF units are parsed when a frame or expression needs
   * them. Errors (missing file, not a dump, module mismatch) are {@link SessionException}s whose message names the
   * file and, for malformed input, the offset.
   */
  public static DebugSession open(SessionOptions options, ProgressListener progress) {
    if (options == null) {
      throw new SessionException("no options: a core dump is required");
    }
    return dev.wasmcore.inspect.session.SessionOpener.open(options, progress);
  }
}
