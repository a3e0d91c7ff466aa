package com.redhat.devtools.lsp4ij.dap.descriptors;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.process.ProcessHandler;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.fileTypes.FileType;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import java.util.Map;

/**
 * Stand-in of LSP4IJ 0.20.1 {@code DefaultDebugAdapterDescriptor}: the descriptor of LSP4IJ's generic "Debug Adapter
 * Protocol" run configuration (launch JSON, command line, attach address from its options).
 */
public class DefaultDebugAdapterDescriptor extends DebugAdapterDescriptor {
  public DefaultDebugAdapterDescriptor(RunConfigurationOptions options, ExecutionEnvironment environment,
      DebugAdapterServerDefinition serverDefinition) {
    super(options, environment, serverDefinition);
  }

  @Override
  public ProcessHandler startServer() throws ExecutionException {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public FileType getFileType() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public Map<String, Object> getDapParameters() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public DebugMode getDebugMode() {
    throw new UnsupportedOperationException("stand-in");
  }
}
