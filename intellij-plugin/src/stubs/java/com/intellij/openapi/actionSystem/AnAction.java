package com.intellij.openapi.actionSystem;

/** Stand-in of the IntelliJ Platform {@code AnAction}. */
public abstract class AnAction {
  public AnAction() {}

  public void update(AnActionEvent e) {
  }

  public abstract void actionPerformed(AnActionEvent e);

  public ActionUpdateThread getActionUpdateThread() {
    throw new UnsupportedOperationException("stand-in");
  }
}
