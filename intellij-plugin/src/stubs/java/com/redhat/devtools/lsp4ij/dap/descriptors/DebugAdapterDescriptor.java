package com.redhat.devtools.lsp4ij.dap.descriptors;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.process.OSProcessHandler;
import com.intellij.execution.process.ProcessHandler;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.fileTypes.FileType;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.configurations.DebuggableFile;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import java.util.Map;

/** Stand-in of LSP4IJ 0.20.1 {@code DebugAdapterDescriptor}: starts a DAP server and gives the launch parameters. */
public abstract class DebugAdapterDescriptor implements DebuggableFile {
  protected final RunConfigurationOptions options;
  protected final ExecutionEnvironment environment;
  private final DebugAdapterServerDefinition serverDefinition;

  public DebugAdapterDescriptor(RunConfigurationOptions options, ExecutionEnvironment environment,
      DebugAdapterServerDefinition serverDefinition) {
    this.options = options;
    this.environment = environment;
    this.serverDefinition = serverDefinition;
  }

  public abstract ProcessHandler startServer() throws ExecutionException;

  protected OSProcessHandler startServer(GeneralCommandLine commandLine) throws ExecutionException {
    throw new UnsupportedOperationException("stand-in");
  }

  public abstract Map<String, Object> getDapParameters();

  public DebugMode getDebugMode() {
    throw new UnsupportedOperationException("stand-in");
  }

  public ServerReadyConfig getServerReadyConfig(DebugMode debugMode) {
    throw new UnsupportedOperationException("stand-in");
  }

  public abstract FileType getFileType();

  public DebugAdapterServerDefinition getServerDefinition() {
    return serverDefinition;
  }

  @Override
  public boolean isDebuggableFile(VirtualFile file, Project project) {
    throw new UnsupportedOperationException("stand-in");
  }
}
