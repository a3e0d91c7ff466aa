package dev.wasmcore.inspect;

import java.util.List;

/** A named group of variables of a frame. */
public interface ScopeView {
  String name();

  ScopeKind kind();

  /** True when listing is costly (globals of a large program): clients may fetch it on demand. */
  boolean expensive();

  /** The variables, in declaration order; children are produced lazily. */
  List<VariableView> variables();

  /** Kinds of scopes. */
  enum ScopeKind {
    ARGUMENTS,
    LOCALS,
    GLOBALS,
    WASM
  }
}
