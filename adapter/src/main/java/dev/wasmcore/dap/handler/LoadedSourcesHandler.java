package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.formatter.SourceFormatter;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.SourceFileView;
import java.util.List;
import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.Source;

/** {@code loadedSources}: the source files named by the modules' DWARF units, after the source map. */
public final class LoadedSourcesHandler implements RequestHandler<Void> {
  private final ConnectionState state;

  public LoadedSourcesHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("loadedSources");
  }

  @Override
  public Class<Void> argumentsType() {
    return Void.class;
  }

  @Override
  public Object handle(Void args, Request request) {
    List<SourceFileView> files = state.session().model().loadedSources();
    SourceFormatter formatter = new SourceFormatter(state.conventions());
    Source[] out = new Source[files.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = formatter.source(files.get(i));
    }
    LoadedSourcesResponse response = new LoadedSourcesResponse();
    response.setSources(out);
    return response;
  }
}
