package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import java.util.List;

/**
 * {@code configurationDone}: the client has sent its breakpoints; the crash is announced after this response when
 * the session is open (else after the launch response).
 */
public final class ConfigurationDoneHandler implements RequestHandler<Void> {
  private final ConnectionState state;
  private final CrashAnnouncer announcer;

  public ConfigurationDoneHandler(ConnectionState state, CrashAnnouncer announcer) {
    this.state = state;
    this.announcer = announcer;
  }

  @Override
  public List<String> commands() {
    return List.of("configurationDone");
  }

  @Override
  public Class<Void> argumentsType() {
    return Void.class;
  }

  @Override
  public Object handle(Void args, Request request) {
    state.configure();
    request.afterResponse(announcer::announceIfReady);
    return null;
  }
}
