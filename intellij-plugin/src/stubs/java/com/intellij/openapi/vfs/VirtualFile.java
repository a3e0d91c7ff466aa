package com.intellij.openapi.vfs;

/** Stand-in of the IntelliJ Platform {@code VirtualFile} (only the members the plugin calls). */
public abstract class VirtualFile {
  public abstract String getName();

  public abstract String getPath();

  public abstract boolean isDirectory();

  public boolean isInLocalFileSystem() {
    throw new UnsupportedOperationException("stand-in");
  }
}
