package dev.wasmcore.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sub-commands by name, in the order {@code --help} lists them. */
public final class CommandRegistry {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  public CommandRegistry(List<Command> commands) {
    for (Command c : commands) {
      if (this.commands.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("two commands named " + c.name());
      }
    }
  }

  /** The commands of the wasmcore CLI. Add a new sub-command here. */
  public static CommandRegistry builtin() {
    return new CommandRegistry(List.of(new InfoCommand(), new BtCommand(), new EvalCommand(),
        new DemoCommand(), new DapCommand(), new BenchCommand()));
  }

  public Optional<Command> find(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  public Collection<Command> all() {
    return Collections.unmodifiableCollection(commands.values());
  }
}
