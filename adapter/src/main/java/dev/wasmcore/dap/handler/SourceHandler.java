package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import java.util.List;
import org.eclipse.lsp4j.debug.SourceArguments;

/**
 * {@code source}: a dump holds no source text and this server hands out no source references, so a client asks only
 * for a file it could not find itself. The answer says so and how to map compiled paths to this machine.
 */
public final class SourceHandler implements RequestHandler<SourceArguments> {
  @Override
  public List<String> commands() {
    return List.of("source");
  }

  @Override
  public Class<SourceArguments> argumentsType() {
    return SourceArguments.class;
  }

  @Override
  public Object handle(SourceArguments args, Request request) {
    String path = args.getSource() != null && args.getSource().getPath() != null ? args.getSource().getPath()
        : args.getSource() != null && args.getSource().getName() != null ? args.getSource().getName() : "requested";
    throw new DapException(ErrorId.SOURCE_NOT_AVAILABLE, "The source file " + path
        + " is not on this machine; a core dump holds no sources. Add \"sourceMap\": {\"<compiled prefix>\": "
        + "\"<local prefix>\"} (or \"sourceSearchPaths\") to the launch configuration to map it to a local copy.");
  }
}
