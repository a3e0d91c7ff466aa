package dev.wasmcore.wasm;

import java.util.List;

/** A function type (core spec 5.3.6): parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  @Override
  public String toString() {
    return params + " -> " + results;
  }
}
