package com.intellij.openapi.fileChooser;

/** Stand-in of the IntelliJ Platform {@code FileChooserDescriptor}. */
public class FileChooserDescriptor {
  public FileChooserDescriptor withTitle(String title) {
    throw new UnsupportedOperationException("stand-in");
  }
}
