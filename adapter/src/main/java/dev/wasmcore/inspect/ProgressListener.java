package dev.wasmcore.inspect;

/**
 * Receives progress of long work (opening a large dump, indexing DWARF, searching debug-info directories) and
 * answers whether the user cancelled it. The DAP layer maps this to progressStart/Update/End and {@code cancel}.
 */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  default void start(String title) {}

  /** @param percent 0..100, or -1 when unknown */
  default void update(String message, int percent) {}

  default void end() {}

  /** Checked between steps; when true the work stops with {@link CancelledException}. */
  default boolean isCancelled() {
    return false;
  }

  /** Thrown by long work when {@link #isCancelled()} became true. */
  final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
      super("cancelled");
    }
  }
}
