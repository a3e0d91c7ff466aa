package com.intellij.openapi.fileChooser;

/** Stand-in of the IntelliJ Platform {@code FileChooserDescriptorFactory}. */
public final class FileChooserDescriptorFactory {
  private FileChooserDescriptorFactory() {}

  public static FileChooserDescriptor createSingleFileDescriptor(String extension) {
    throw new UnsupportedOperationException("stand-in");
  }

  public static FileChooserDescriptor createSingleFileNoJarsDescriptor() {
    throw new UnsupportedOperationException("stand-in");
  }

  public static FileChooserDescriptor createSingleFolderDescriptor() {
    throw new UnsupportedOperationException("stand-in");
  }
}
