package dev.wasmcore.intellij;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.process.ProcessHandler;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import com.redhat.devtools.lsp4ij.dap.descriptors.DefaultDebugAdapterDescriptor;
import com.redhat.devtools.lsp4ij.dap.descriptors.ServerReadyConfig;
import dev.wasmcore.intellij.run.WasmcoreRunConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Starts the bundled adapter and hands LSP4IJ the launch arguments.
 *
 * <ul>
 *   <li>Server: always the bundled {@code lib/wasmcore.jar} over stdio ({@link AdapterCommand}), never a
 *       user-typed command. Over stdio the DAP messages share the process's stdout with nothing else (the adapter
 *       logs to stderr), and the charset is fixed to UTF-8 so that Content-Length counts the bytes it names.
 *   <li>From the plugin's "wasmcore core dump" configuration: the arguments come from its
 *       {@link WasmcoreLaunchSettings}; with "remote server" chosen no process starts and LSP4IJ connects to the
 *       host and port (an {@code attach} request).
 *   <li>From LSP4IJ's generic DAP configuration: its launch JSON, debug mode and attach address are used as LSP4IJ
 *       reads them (the superclass), only the server is ours.
 * </ul>
 */
public class WasmcoreDebugAdapterDescriptor extends DefaultDebugAdapterDescriptor {

  public WasmcoreDebugAdapterDescriptor(RunConfigurationOptions options, ExecutionEnvironment environment,
      DebugAdapterServerDefinition serverDefinition) {
    super(options, environment, serverDefinition);
  }

  /** The stdio command line of the bundled adapter, as started by {@link #startServer()}. */
  public List<String> serverCommand() {
    return AdapterCommand.forInstalledPlugin();
  }

  @Override
  public ProcessHandler startServer() throws ExecutionException {
    List<String> command;
    try {
      command = serverCommand();
    } catch (IllegalStateException e) {
      throw new ExecutionException(e.getMessage(), e);
    }
    return startServer(new GeneralCommandLine(command).withCharset(StandardCharsets.UTF_8));
  }

  @Override
  public Map<String, Object> getDapParameters() {
    WasmcoreRunConfiguration own = ownConfiguration();
    return own != null ? own.getSettings().toDapParameters(own.getName()) : super.getDapParameters();
  }

  @Override
  public DebugMode getDebugMode() {
    WasmcoreRunConfiguration own = ownConfiguration();
    if (own == null) {
      return super.getDebugMode();
    }
    return own.getSettings().isRemote() ? DebugMode.ATTACH : DebugMode.LAUNCH;
  }

  @Override
  public ServerReadyConfig getServerReadyConfig(DebugMode debugMode) {
    WasmcoreRunConfiguration own = ownConfiguration();
    if (own == null) {
      return super.getServerReadyConfig(debugMode);
    }
    WasmcoreLaunchSettings s = own.getSettings();
    if (debugMode == DebugMode.ATTACH) {
      return new ServerReadyConfig(s.getHost(), s.getPort());
    }
    // stdio: the client may talk as soon as the process runs (no port to wait for).
    return new ServerReadyConfig(0);
  }

  private WasmcoreRunConfiguration ownConfiguration() {
    return environment != null && environment.getRunProfile() instanceof WasmcoreRunConfiguration c ? c : null;
  }
}
