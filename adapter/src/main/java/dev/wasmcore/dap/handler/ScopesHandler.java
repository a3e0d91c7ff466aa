package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.dap.session.OpenSession;
import dev.wasmcore.dap.session.VariableHandles;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import java.util.List;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopePresentationHint;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;

/** {@code scopes}: Arguments, Locals, Globals and the raw "Wasm" scope of a frame. */
public final class ScopesHandler implements RequestHandler<ScopesArguments> {
  private final ConnectionState state;

  public ScopesHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("scopes");
  }

  @Override
  public Class<ScopesArguments> argumentsType() {
    return ScopesArguments.class;
  }

  @Override
  public Object handle(ScopesArguments args, Request request) {
    OpenSession session = state.session();
    FrameView frame = session.frame(args.getFrameId());
    List<ScopeView> scopes = frame.scopes();
    Scope[] out = new Scope[scopes.size()];
    for (int i = 0; i < out.length; i++) {
      ScopeView scope = scopes.get(i);
      Scope s = new Scope();
      s.setName(scope.name());
      s.setExpensive(scope.expensive());
      s.setVariablesReference(session.handles().handle(new VariableHandles.ScopeKey(frame.id(), i),
          () -> new VariableHandles.ScopeContainer(scope)));
      if (!scope.expensive()) {
        s.setNamedVariables(scope.variables().size());
      }
      switch (scope.kind()) {
        case ARGUMENTS -> s.setPresentationHint(ScopePresentationHint.ARGUMENTS);
        case LOCALS -> s.setPresentationHint(ScopePresentationHint.LOCALS);
        case WASM -> s.setPresentationHint(ScopePresentationHint.REGISTERS);
        case GLOBALS -> { }
        default -> { }
      }
      out[i] = s;
    }
    ScopesResponse response = new ScopesResponse();
    response.setScopes(out);
    return response;
  }
}
