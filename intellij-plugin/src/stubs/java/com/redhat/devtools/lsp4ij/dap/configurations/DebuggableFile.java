package com.redhat.devtools.lsp4ij.dap.configurations;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;

/** Stand-in of LSP4IJ 0.20.1 {@code DebuggableFile}. */
public interface DebuggableFile {
  boolean isDebuggableFile(VirtualFile file, Project project);
}
