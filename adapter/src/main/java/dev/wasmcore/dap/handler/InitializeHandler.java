package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.dap.session.ConnectionState;
import java.util.List;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * {@code initialize}: records the client's conventions and answers exactly the capabilities this server serves;
 * the {@code initialized} event follows the response.
 */
public final class InitializeHandler implements RequestHandler<InitializeRequestArguments> {
  private final ConnectionState state;
  private final IDebugProtocolClient client;

  public InitializeHandler(ConnectionState state, IDebugProtocolClient client) {
    this.state = state;
    this.client = client;
  }

  @Override
  public List<String> commands() {
    return List.of("initialize");
  }

  @Override
  public Class<InitializeRequestArguments> argumentsType() {
    return InitializeRequestArguments.class;
  }

  @Override
  public Object handle(InitializeRequestArguments args, Request request) {
    state.initialized(ClientConventions.of(args), Boolean.TRUE.equals(args.getSupportsProgressReporting()));
    request.afterResponse(client::initialized);
    return capabilities();
  }

  /** What this server serves, and nothing else. */
  public static Capabilities capabilities() {
    Capabilities c = new Capabilities();
    c.setSupportsConfigurationDoneRequest(true);
    c.setSupportsReadMemoryRequest(true);
    c.setSupportsDisassembleRequest(true);
    c.setSupportsEvaluateForHovers(true);
    c.setSupportsExceptionInfoRequest(true);
    c.setSupportsModulesRequest(true);
    c.setSupportsLoadedSourcesRequest(true);
    c.setSupportsValueFormattingOptions(true);
    c.setSupportsTerminateRequest(true);
    c.setSupportsClipboardContext(true);
    c.setSupportsDelayedStackTraceLoading(true);
    c.setSupportsCancelRequest(true);
    c.setExceptionBreakpointFilters(new ExceptionBreakpointsFilter[0]);
    return c;
  }
}
