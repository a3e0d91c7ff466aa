package dev.wasmcore.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One sub-command of {@code wasmcore} ({@code info}, {@code bt}, ...). Main dispatches on {@link #name()}; each
 * command parses its own arguments. Results go to {@code out}, diagnostics to {@code err}.
 */
public interface Command {
  /** Exit status of a successful run. */
  int OK = 0;
  /** Exit status when the input is bad or an operation fails. */
  int FAILURE = 1;
  /** Exit status of a usage error. */
  int USAGE = 2;

  /** The sub-command word, e.g. {@code bt}. */
  String name();

  /** One line for {@code wasmcore --help}. */
  String summary();

  /** The usage text shown by {@code wasmcore help NAME} and after a usage error. */
  String usage();

  /**
   * Runs the command. Throws {@link UsageException} for bad arguments and
   * {@link dev.wasmcore.binary.MalformedInputException} for bad input files; Main turns both into one line on
   * {@code err} and an exit status.
   *
   * @return the exit status
   */
  int run(List<String> args, PrintStream out, PrintStream err);
}
