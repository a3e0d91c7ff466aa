package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.formatter.ModuleFormatter;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.ModuleView;
import java.util.List;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.ModulesResponse;

/**
 * {@code modules}: the dump's modules with where their symbols came from and which producer wrote the dump in which
 * layout, paged by startModule/moduleCount.
 */
public final class ModulesHandler implements RequestHandler<ModulesArguments> {
  private final ConnectionState state;

  public ModulesHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("modules");
  }

  @Override
  public Class<ModulesArguments> argumentsType() {
    return ModulesArguments.class;
  }

  @Override
  public Object handle(ModulesArguments args, Request request) {
    var model = state.session().model();
    List<ModuleView> modules = model.modules();
    int start = args.getStartModule() == null ? 0 : Math.max(0, args.getStartModule());
    int count = args.getModuleCount() == null ? 0 : Math.max(0, args.getModuleCount());
    int from = Math.min(start, modules.size());
    int to = count == 0 ? modules.size() : (int) Math.min((long) from + count, modules.size());
    ModuleFormatter formatter = new ModuleFormatter(state.conventions(), model.crash());
    Module[] out = new Module[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = formatter.module(modules.get(i));
    }
    ModulesResponse response = new ModulesResponse();
    response.setModules(out);
    response.setTotalModules(modules.size());
    return response;
  }
}
