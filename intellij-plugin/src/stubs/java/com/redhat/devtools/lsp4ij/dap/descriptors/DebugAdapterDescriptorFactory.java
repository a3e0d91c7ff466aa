package com.redhat.devtools.lsp4ij.dap.descriptors;

import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.dap.LaunchConfiguration;
import com.redhat.devtools.lsp4ij.dap.configurations.DebuggableFile;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import java.util.List;

/**
 * Stand-in of LSP4IJ 0.20.1 {@code DebugAdapterDescriptorFactory}, the class named by the {@code factoryClass} of the
 * {@code com.redhat.devtools.lsp4ij.debugAdapterServer} extension point.
 */
public abstract class DebugAdapterDescriptorFactory implements DebuggableFile {
  private DebugAdapterServerDefinition serverDefinition;

  public DebugAdapterDescriptor createDebugAdapterDescriptor(RunConfigurationOptions options,
      ExecutionEnvironment environment) {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public boolean isDebuggableFile(VirtualFile file, Project project) {
    throw new UnsupportedOperationException("stand-in");
  }

  public List<LaunchConfiguration> getLaunchConfigurations() {
    throw new UnsupportedOperationException("stand-in");
  }

  public DebugAdapterServerDefinition getServerDefinition() {
    return serverDefinition;
  }

  public final void setServerDefinition(DebugAdapterServerDefinition serverDefinition) {
    this.serverDefinition = serverDefinition;
  }
}
