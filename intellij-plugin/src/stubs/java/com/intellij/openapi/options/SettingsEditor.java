package com.intellij.openapi.options;

import javax.swing.JComponent;

/** Stand-in of the IntelliJ Platform {@code SettingsEditor}: the form of a run configuration. */
public abstract class SettingsEditor<Settings> {
  protected abstract void resetEditorFrom(Settings s);

  protected abstract void applyEditorTo(Settings s) throws ConfigurationException;

  protected abstract JComponent createEditor();
}
