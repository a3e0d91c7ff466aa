package com.intellij.openapi.fileChooser;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;

/** Stand-in of the IntelliJ Platform {@code FileChooser}. */
public final class FileChooser {
  private FileChooser() {}

  public static VirtualFile chooseFile(FileChooserDescriptor descriptor, Project project, VirtualFile toSelect) {
    throw new UnsupportedOperationException("stand-in");
  }
}
