package dev.wasmcore.dap.handler;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Maps a DAP command to the handler that serves it. */
public final class HandlerRegistry {
  private final Map<String, RequestHandler<?>> byCommand = new TreeMap<>();

  /** Registers a handler for each of its commands; a command registered twice is a programming error. */
  public HandlerRegistry register(RequestHandler<?> handler) {
    for (String command : handler.commands()) {
      if (byCommand.putIfAbsent(command, handler) != null) {
        throw new IllegalStateException("two handlers for '" + command + "'");
      }
    }
    return this;
  }

  public Optional<RequestHandler<?>> find(String command) {
    return command == null ? Optional.empty() : Optional.ofNullable(byCommand.get(command));
  }

  public Set<String> commands() {
    return Collections.unmodifiableSet(byCommand.keySet());
  }
}
