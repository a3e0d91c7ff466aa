package dev.wasmcore.fuzz;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.expr.ExprSyntaxException;
import dev.wasmcore.inspect.loc.LocationUnavailableException;

/**
 * The contract every hostile-input test checks: reading a file (or evaluating an expression over it) ends with a value
 * or with one of the project's own errors, and that error says where. Anything else (a raw Java exception, a
 * StackOverflowError, an OutOfMemoryError from an allocation sized by an unchecked count) is a finding.
 */
final class Outcomes {
  private Outcomes() {}

  /** A step over hostile input. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /** Thrown for a finding; carries the input's description so the failure names a reproducer. */
  static final class Finding extends AssertionError {
    private static final long serialVersionUID = 1L;

    Finding(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Runs {@code step}; returns normally when it produced a value or one of the project's own, well-formed errors.
   *
   * @param input describes the input (file, mutation) for the failure message
   * @param fileName the name the input was given; a MalformedInputException must name it
   */
  static void expectValueOrError(String input, String fileName, Step step) {
    try {
      step.run();
    } catch (MalformedInputException e) {
      checkMalformed(input, fileName, e);
    } catch (SessionException e) {
      checkSession(input, fileName, e);
    } catch (LocationUnavailableException | ExprSyntaxException e) {
      // The evaluator's "no value here" and the parser's syntax error: both are answers, not failures.
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new Finding(input + ": " + e.getClass().getSimpleName() + " without a message", e);
      }
    } catch (Finding f) {
      throw f;
    } catch (Throwable t) {
      throw new Finding(input + ": raw " + t.getClass().getName() + ": " + t.getMessage(), t);
    }
  }

  static void checkMalformed(String input, String fileName, MalformedInputException e) {
    if (fileName != null && !e.file().equals(fileName)) {
      throw new Finding(input + ": error names file '" + e.file() + "', not '" + fileName + "': " + e.getMessage(), e);
    }
    if (e.offset() < 0) {
      throw new Finding(input + ": error without an offset: " + e.getMessage(), e);
    }
    if (!e.getMessage().contains("offset 0x")) {
      throw new Finding(input + ": error message lacks the offset: " + e.getMessage(), e);
    }
  }

  static void checkSession(String input, String fileName, SessionException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      throw new Finding(input + ": SessionException without a message", e);
    }
    if (e.getCause() instanceof MalformedInputException mie) {
      checkMalformed(input, null, mie);
      if (fileName != null && !m.contains(fileName)) {
        throw new Finding(input + ": session error does not name the file " + fileName + ": " + m, e);
      }
    }
  }
}
