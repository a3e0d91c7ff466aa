package dev.wasmcore.dap.session;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/**
 * The one place where positions and paths are converted between the model and the client. The model is 1-based for
 * lines and columns with 0 meaning unknown; DAP clients say in {@code initialize} whether they count from 1
 * ({@code linesStartAt1}, {@code columnsStartAt1}, both default true) and whether paths are plain paths or URIs
 * ({@code pathFormat}).
 *
 * @param linesStartAt1 the client's first line is 1
 * @param columnsStartAt1 the client's first column is 1
 * @param uriPaths the client sends and expects {@code file:} URIs
 */
public record ClientConventions(boolean linesStartAt1, boolean columnsStartAt1, boolean uriPaths) {
  /** VS Code's conventions, also the DAP defaults. */
  public static final ClientConventions DEFAULT = new ClientConventions(true, true, false);

  /** Reads the conventions from {@code initialize} arguments (absent values take the DAP defaults). */
  public static ClientConventions of(InitializeRequestArguments args) {
    if (args == null) {
      return DEFAULT;
    }
    return new ClientConventions(!Boolean.FALSE.equals(args.getLinesStartAt1()),
        !Boolean.FALSE.equals(args.getColumnsStartAt1()), "uri".equalsIgnoreCase(args.getPathFormat()));
  }

  /** A model line (1-based, 0 unknown) as the client counts; unknown stays 0. */
  public int toClientLine(int line) {
    return line <= 0 ? 0 : linesStartAt1 ? line : line - 1;
  }

  /** A model column (1-based, 0 unknown) as the client counts; unknown stays 0. */
  public int toClientColumn(int column) {
    return column <= 0 ? 0 : columnsStartAt1 ? column : column - 1;
  }

  /** A client line as the model counts (1-based). */
  public int fromClientLine(int line) {
    return linesStartAt1 ? line : line + 1;
  }

  /** A path for the client: a {@code file:} URI for URI clients when it is absolute, else unchanged. */
  public String toClientPath(String path) {
    if (path == null || !uriPaths) {
      return path;
    }
    try {
      Path p = Path.of(path);
      return p.isAbsolute() ? p.toUri().toString() : path;
    } catch (InvalidPathException e) {
      return path;
    }
  }

  /**
   * A path the client sent, as a local path: {@code file:} URIs are decoded (whatever {@code pathFormat} said, since
   * some clients mix), other strings are taken as paths.
   *
   * @param what the argument name, for the error message
   */
  public Path fromClientPath(String what, String value) {
    try {
      if (value.startsWith("file:")) {
        return Path.of(URI.create(value));
      }
      return Path.of(value);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "'" + what + "' is not a valid path: " + value);
    }
  }
}
