package dev.wasmcore.dap.formatter;

import dev.wasmcore.inspect.VariableView;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;

/**
 * DAP variables and evaluate results from model values. The value text is the model's ({@code hex} on request);
 * values rebuilt rather than read from the dump say so; every value that has an address gets its
 * {@code memoryReference}; values with children get a reference and their named/indexed counts, so clients page
 * large arrays.
 */
public final class VariableFormatter {
  /** Appended to values rebuilt from the stack pointer and prologues rather than read from the dump. */
  public static final String RECONSTRUCTED = " (reconstructed)";

  /** The value as shown. */
  public String valueText(VariableView v, boolean hex) {
    String text = v.value(hex);
    return v.reconstructed() ? text + RECONSTRUCTED : text;
  }

  /**
   * @param reference the variables reference of its children, 0 when it has none
   */
  public Variable variable(VariableView v, int reference, boolean hex) {
    Variable out = new Variable();
    out.setName(v.name() == null || v.name().isEmpty() ? "<anonymous>" : v.name());
    out.setValue(valueText(v, hex));
    out.setType(v.type());
    out.setEvaluateName(v.evaluateName());
    out.setMemoryReference(v.memoryReference());
    out.setVariablesReference(reference);
    if (reference > 0) {
      setCounts(v, out);
    }
    out.setPresentationHint(READ_ONLY);
    return out;
  }

  /** An evaluate result. */
  public EvaluateResponse evaluated(VariableView v, int reference, boolean hex) {
    EvaluateResponse out = new EvaluateResponse();
    out.setResult(valueText(v, hex));
    out.setType(v.type());
    out.setMemoryReference(v.memoryReference());
    out.setVariablesReference(reference);
    if (reference > 0) {
      if (v.namedCount() > 0) {
        out.setNamedVariables(v.namedCount());
      }
      if (v.indexedCount() > 0) {
        out.setIndexedVariables(v.indexedCount());
      }
    }
    out.setPresentationHint(READ_ONLY);
    return out;
  }

  private static void setCounts(VariableView v, Variable out) {
    if (v.namedCount() > 0) {
      out.setNamedVariables(v.namedCount());
    }
    if (v.indexedCount() > 0) {
      out.setIndexedVariables(v.indexedCount());
    }
  }

  /** Post-mortem, every value is read-only (clients then offer no "Set Value"). */
  private static final VariablePresentationHint READ_ONLY = readOnly();

  private static VariablePresentationHint readOnly() {
    VariablePresentationHint hint = new VariablePresentationHint();
    hint.setAttributes(new String[] {"readOnly"});
    return hint;
  }
}
