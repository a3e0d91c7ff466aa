package com.redhat.devtools.lsp4ij.dap.definitions;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.dap.configurations.DebuggableFile;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptorFactory;

/** Stand-in of LSP4IJ 0.20.1 {@code DebugAdapterServerDefinition} (only the members the plugin reads). */
public abstract class DebugAdapterServerDefinition implements DebuggableFile {
  public String getId() {
    throw new UnsupportedOperationException("stand-in");
  }

  public String getName() {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public boolean isDebuggableFile(VirtualFile file, Project project) {
    throw new UnsupportedOperationException("stand-in");
  }

  public final DebugAdapterDescriptorFactory getFactory() {
    throw new UnsupportedOperationException("stand-in");
  }

  protected abstract DebugAdapterDescriptorFactory createFactory();
}
