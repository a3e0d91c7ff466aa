package dev.wasmcore.intellij.run;

import com.intellij.openapi.fileChooser.FileChooser;
import com.intellij.openapi.fileChooser.FileChooserDescriptor;
import com.intellij.openapi.fileChooser.FileChooserDescriptorFactory;
import com.intellij.openapi.options.ConfigurationException;
import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.TextFieldWithBrowseButton;
import com.intellij.openapi.vfs.VirtualFile;
import dev.wasmcore.intellij.SettingsText;
import dev.wasmcore.intellij.WasmcoreLaunchSettings;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;

/**
 * The form of a "wasmcore core dump" run configuration: file choosers for the dump and the modules, folder choosers
 * for debug-info and source search folders, the source map, and the optional remote server.
 */
final class WasmcoreSettingsEditor extends SettingsEditor<WasmcoreRunConfiguration> {
  private final Project project;
  private final TextFieldWithBrowseButton coreFile = new TextFieldWithBrowseButton();
  private final TextFieldWithBrowseButton programs = new TextFieldWithBrowseButton();
  private final TextFieldWithBrowseButton debugInfoPaths = new TextFieldWithBrowseButton();
  private final TextFieldWithBrowseButton sourceSearchPaths = new TextFieldWithBrowseButton();
  private final JTextArea sourceMap = new JTextArea(3, 40);
  private final JCheckBox remote = new JCheckBox("Connect to a running wasmcore server (wasmcore dap --port N)");
  private final JTextField host = new JTextField(WasmcoreLaunchSettings.DEFAULT_HOST, 16);
  private final JTextField port = new JTextField(Integer.toString(WasmcoreLaunchSettings.DEFAULT_PORT), 6);

  WasmcoreSettingsEditor(Project project) {
    this.project = project;
    browse(coreFile, FileChooserDescriptorFactory.createSingleFileNoJarsDescriptor(), "Core Dump", false);
    browse(programs, FileChooserDescriptorFactory.createSingleFileDescriptor("wasm"), "Wasm Module", true);
    browse(debugInfoPaths, FileChooserDescriptorFactory.createSingleFolderDescriptor(), "Debug Info Folder", true);
    browse(sourceSearchPaths, FileChooserDescriptorFactory.createSingleFolderDescriptor(), "Source Folder", true);
  }

  /** The browse button opens the IDE's file chooser; for lists the choice is appended. */
  private void browse(TextFieldWithBrowseButton field, FileChooserDescriptor descriptor, String title,
      boolean append) {
    field.addActionListener(event -> {
      VirtualFile chosen = FileChooser.chooseFile(descriptor.withTitle("Choose " + title), project, null);
      if (chosen == null) {
        return;
      }
      List<String> current = SettingsText.splitPaths(field.getText());
      if (append && !current.isEmpty()) {
        current = new java.util.ArrayList<>(current);
        current.add(chosen.getPath());
        field.setText(SettingsText.joinPaths(current));
      } else {
        field.setText(chosen.getPath());
      }
    });
  }

  @Override
  protected void resetEditorFrom(WasmcoreRunConfiguration configuration) {
    WasmcoreLaunchSettings s = configuration.getSettings();
    coreFile.setText(s.getCoreFile());
    programs.setText(SettingsText.joinPaths(s.getPrograms()));
    debugInfoPaths.setText(SettingsText.joinPaths(s.getDebugInfoPaths()));
    sourceSearchPaths.setText(SettingsText.joinPaths(s.getSourceSearchPaths()));
    sourceMap.setText(SettingsText.formatSourceMap(s.getSourceMap()));
    remote.setSelected(s.isRemote());
    host.setText(s.getHost());
    port.setText(Integer.toString(s.getPort()));
  }

  @Override
  protected void applyEditorTo(WasmcoreRunConfiguration configuration) throws ConfigurationException {
    WasmcoreLaunchSettings s = configuration.getSettings();
    s.setCoreFile(coreFile.getText());
    s.setPrograms(SettingsText.splitPaths(programs.getText()));
    s.setDebugInfoPaths(SettingsText.splitPaths(debugInfoPaths.getText()));
    s.setSourceSearchPaths(SettingsText.splitPaths(sourceSearchPaths.getText()));
    try {
      s.setSourceMap(SettingsText.parseSourceMap(sourceMap.getText()));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
    s.setRemote(remote.isSelected());
    s.setHost(host.getText());
    try {
      s.setPort(Integer.parseInt(port.getText().trim()));
    } catch (NumberFormatException e) {
      throw new ConfigurationException("The port must be a number, not '" + port.getText() + "'.");
    }
  }

  @Override
  protected JComponent createEditor() {
    JPanel panel = new JPanel(new GridBagLayout());
    int row = 0;
    row = addRow(panel, row, "Core dump:", coreFile);
    row = addRow(panel, row, "Wasm modules (program):", programs);
    row = addRow(panel, row, "Debug info folders:", debugInfoPaths);
    row = addRow(panel, row, "Source search folders:", sourceSearchPaths);
    sourceMap.setToolTipText("One compiled-prefix=local-prefix per line, e.g. /build/src=/home/me/project/src");
    row = addRow(panel, row, "Source map:", new JScrollPane(sourceMap));
    row = addRow(panel, row, "", remote);
    JPanel address = new JPanel();
    address.add(new JLabel("Host:"));
    address.add(host);
    address.add(new JLabel("Port:"));
    address.add(port);
    addRow(panel, row, "", address);
    return panel;
  }

  private static int addRow(JPanel panel, int row, String label, JComponent field) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridy = row;
    c.insets = new Insets(2, 2, 2, 6);
    c.anchor = GridBagConstraints.NORTHWEST;
    c.gridx = 0;
    panel.add(new JLabel(label), c);
    c.gridx = 1;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    panel.add(field, c);
    return row + 1;
  }
}
