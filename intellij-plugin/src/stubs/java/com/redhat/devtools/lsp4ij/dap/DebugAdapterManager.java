package com.redhat.devtools.lsp4ij.dap;

import com.redhat.devtools.lsp4ij.dap.configurations.DebuggableFile;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;

/** Stand-in of LSP4IJ 0.20.1 {@code DebugAdapterManager} (an application service). */
public class DebugAdapterManager implements DebuggableFile {
  public static DebugAdapterManager getInstance() {
    throw new UnsupportedOperationException("stand-in");
  }

  public DebugAdapterServerDefinition getDebugAdapterServerById(String serverId) {
    throw new UnsupportedOperationException("stand-in");
  }

  @Override
  public boolean isDebuggableFile(com.intellij.openapi.vfs.VirtualFile file, com.intellij.openapi.project.Project project) {
    throw new UnsupportedOperationException("stand-in");
  }
}
