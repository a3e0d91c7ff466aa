package com.intellij.openapi.util;

import javax.swing.Icon;

/** Stand-in of the IntelliJ Platform {@code IconLoader}. */
public final class IconLoader {
  private IconLoader() {}

  public static Icon getIcon(String path, Class<?> aClass) {
    throw new UnsupportedOperationException("stand-in");
  }
}
