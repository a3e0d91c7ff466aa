package com.redhat.devtools.lsp4ij.dap.configurations;

import com.intellij.execution.Executor;
import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.RunConfiguration;
import com.intellij.execution.configurations.RunConfigurationBase;
import com.intellij.execution.configurations.RunProfileState;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptorFactory;

/**
 * Stand-in of LSP4IJ 0.20.1 {@code DAPRunConfigurationBase}: the base of run configurations that LSP4IJ's
 * {@code DAPDebugRunner} runs (its {@code getState} asks the server's factory for a descriptor).
 */
public abstract class DAPRunConfigurationBase<T> extends RunConfigurationBase<T> {
  protected DAPRunConfigurationBase(Project project, ConfigurationFactory factory, String name) {
    super(project, factory, name);
  }

  @Override
  public RunProfileState getState(Executor executor, ExecutionEnvironment environment) {
    throw new UnsupportedOperationException("stand-in");
  }

  protected DebugAdapterDescriptorFactory getServerFactory() {
    throw new UnsupportedOperationException("stand-in");
  }

  public boolean canRun(String executorId) {
    throw new UnsupportedOperationException("stand-in");
  }

  protected abstract DebugAdapterServerDefinition getDebugAdapterServer();

  @Override
  public SettingsEditor<? extends RunConfiguration> getConfigurationEditor() {
    throw new UnsupportedOperationException("stand-in");
  }
}
