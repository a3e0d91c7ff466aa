package dev.wasmcore.dap.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One request being served: its {@code seq} and command, and actions to run once its response is on the wire (events
 * such as {@code initialized} and {@code stopped} must follow the response they belong to; lsp4j would write them
 * first because it writes a response only when the handler's future completes).
 */
public final class Request {
  private final int seq;
  private final String command;
  private final List<Runnable> afterResponse = new ArrayList<>(2);

  public Request(int seq, String command) {
    this.seq = seq;
    this.command = command;
  }

  public int seq() {
    return seq;
  }

  public String command() {
    return command;
  }

  /** Runs {@code action} after the response to this request has been written (not run when it fails). */
  public void afterResponse(Runnable action) {
    afterResponse.add(action);
  }

  /** The actions registered so far, in order. */
  public List<Runnable> afterResponseActions() {
    return List.copyOf(afterResponse);
  }
}
