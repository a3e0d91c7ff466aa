package com.intellij.openapi.actionSystem;

import com.intellij.openapi.project.Project;

/** Stand-in of the IntelliJ Platform {@code AnActionEvent} (only the members the plugin calls). */
public class AnActionEvent {
  public Project getProject() {
    throw new UnsupportedOperationException("stand-in");
  }

  public <T> T getData(DataKey<T> key) {
    throw new UnsupportedOperationException("stand-in");
  }

  public Presentation getPresentation() {
    throw new UnsupportedOperationException("stand-in");
  }
}
