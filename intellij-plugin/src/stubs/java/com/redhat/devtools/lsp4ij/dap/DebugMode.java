package com.redhat.devtools.lsp4ij.dap;

/** Stand-in of LSP4IJ 0.20.1 {@code DebugMode}: whether a session sends "launch" or "attach". */
public enum DebugMode {
  LAUNCH,
  ATTACH;

  public static DebugMode get(String value) {
    throw new UnsupportedOperationException("stand-in");
  }
}
