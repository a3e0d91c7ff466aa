package com.redhat.devtools.lsp4ij.dap.descriptors;

/**
 * Stand-in of LSP4IJ 0.20.1 {@code ServerReadyConfig}: when the client may connect (after a timeout, or to an
 * address and port for "attach"). The stand-in keeps its values so the plugin's tests can read them.
 */
public class ServerReadyConfig {
  private final Integer connectTimeout;
  private final String address;
  private final Integer port;

  public ServerReadyConfig(int connectTimeout) {
    this.connectTimeout = connectTimeout;
    this.address = null;
    this.port = null;
  }

  public ServerReadyConfig(String address, int port) {
    this.connectTimeout = null;
    this.address = address;
    this.port = port;
  }

  public Integer getConnectTimeout() { return connectTimeout; }

  public String getAddress() { return address; }

  public Integer getPort() { return port; }
}
