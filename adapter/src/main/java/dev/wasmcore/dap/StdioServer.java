package dev.wasmcore.dap;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@code wasmcore dap}: one session on stdin/stdout. The caller must have redirected {@code System.out} to stderr
 * before anything ran and passes the real stdout here, so no stray byte can reach the DAP channel.
 */
public final class StdioServer {
  private StdioServer() {}

  /** Serves until the client disconnects or stdin ends. */
  public static void serve(InputStream stdin, OutputStream stdout, ServerConfig config, Consumer<String> log)
      throws InterruptedException {
    DapConnection connection = new DapConnection(stdin, stdout, config, "stdio", log);
    try {
      connection.run().get();
    } catch (ExecutionException e) {
      log.accept("[stdio] ended with " + e.getCause());
    }
  }
}
