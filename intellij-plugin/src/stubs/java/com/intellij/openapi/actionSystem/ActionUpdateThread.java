package com.intellij.openapi.actionSystem;

/** Stand-in of the IntelliJ Platform {@code ActionUpdateThread}. */
public enum ActionUpdateThread {
  BGT,
  EDT
}
