package com.intellij.openapi.actionSystem;

import com.intellij.openapi.vfs.VirtualFile;

/** Stand-in of the IntelliJ Platform {@code CommonDataKeys} (the key the plugin reads). */
public class CommonDataKeys {
  public static final DataKey<VirtualFile> VIRTUAL_FILE = null;
}
