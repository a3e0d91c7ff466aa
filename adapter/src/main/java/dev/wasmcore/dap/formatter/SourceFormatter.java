package dev.wasmcore.dap.formatter;

import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.inspect.SourceFileView;
import dev.wasmcore.inspect.SourceLocation;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourcePresentationHint;

/**
 * DAP {@code Source} objects. A source that is not on this machine (after the source map and search paths) keeps its
 * name and compiled path, so the stack stays readable, and gets {@code presentationHint: "deemphasize"} with an
 * {@code origin}: VS Code then does not focus the frame or try to open the file ("could not be opened because the
 * file was not found") and moves on to the first frame whose source it can show.
 */
public final class SourceFormatter {
  /** The {@code origin} of sources that are not here. */
  public static final String NOT_HERE = "not on this machine (map it with sourceMap)";

  private final ClientConventions conventions;

  public SourceFormatter(ClientConventions conventions) {
    this.conventions = conventions;
  }

  /** The source of a location, or null when the location is null. */
  public Source source(SourceLocation location) {
    if (location == null) {
      return null;
    }
    boolean here = location.localPath() != null;
    return make(location.displayPath(), here);
  }

  /** A source file of {@code loadedSources}. */
  public Source source(SourceFileView file) {
    boolean here = file.localPath() != null;
    return make(here ? file.localPath() : file.compiledPath(), here);
  }

  private Source make(String path, boolean here) {
    Source s = new Source();
    s.setName(baseName(path));
    s.setPath(conventions.toClientPath(path));
    if (!here) {
      s.setPresentationHint(SourcePresentationHint.DEEMPHASIZE);
      s.setOrigin(NOT_HERE);
    }
    return s;
  }

  /** The last path segment (either separator, since compiled paths may come from Windows). */
  public static String baseName(String path) {
    if (path == null) {
      return null;
    }
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return cut >= 0 && cut < path.length() - 1 ? path.substring(cut + 1) : path;
  }
}
