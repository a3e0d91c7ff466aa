package com.intellij.openapi.ui;

import javax.swing.JTextField;

/** Stand-in of the IntelliJ Platform {@code TextFieldWithBrowseButton}. */
public class TextFieldWithBrowseButton extends ComponentWithBrowseButton<JTextField> {
  public TextFieldWithBrowseButton() {}

  public String getText() {
    throw new UnsupportedOperationException("stand-in");
  }

  public void setText(String text) {
    throw new UnsupportedOperationException("stand-in");
  }
}
