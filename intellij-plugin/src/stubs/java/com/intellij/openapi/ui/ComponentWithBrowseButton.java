package com.intellij.openapi.ui;

import java.awt.event.ActionListener;
import javax.swing.JComponent;
import javax.swing.JPanel;

/** Stand-in of the IntelliJ Platform {@code ComponentWithBrowseButton}: a component with a "..." button. */
public class ComponentWithBrowseButton<Comp extends JComponent> extends JPanel {
  public void addActionListener(ActionListener listener) {
    throw new UnsupportedOperationException("stand-in");
  }
}
