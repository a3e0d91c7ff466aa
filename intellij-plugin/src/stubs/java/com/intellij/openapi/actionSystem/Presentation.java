package com.intellij.openapi.actionSystem;

/** Stand-in of the IntelliJ Platform {@code Presentation}. */
public final class Presentation {
  public void setEnabledAndVisible(boolean enabled) {
    throw new UnsupportedOperationException("stand-in");
  }
}
