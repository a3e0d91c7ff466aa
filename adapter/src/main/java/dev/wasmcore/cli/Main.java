package dev.wasmcore.cli;

/** Entry point of the wasmcore command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("wasmcore");
  }
}
