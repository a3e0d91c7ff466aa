package com.redhat.devtools.lsp4ij.dap;

/** Stand-in of LSP4IJ 0.20.1 {@code LaunchConfiguration}: a named launch/attach JSON snippet. */
public class LaunchConfiguration {
  private String id;
  private String name;
  private String content;
  private DebugMode type;

  public LaunchConfiguration() {}

  public LaunchConfiguration(String id, String name, String content, DebugMode type) {
    this.id = id;
    this.name = name;
    this.content = content;
    this.type = type;
  }

  public String getId() { return id; }

  public String getName() { return name; }

  public String getContent() { return content; }

  public DebugMode getType() { return type; }
}
