package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import java.util.List;

/**
 * Every request that would run, step, rewind or change the program ({@code continue}, {@code next}, {@code stepIn},
 * {@code stepOut}, {@code pause}, {@code reverseContinue}, {@code stepBack}, {@code restart}, {@code restartFrame},
 * {@code goto}, {@code setVariable}, {@code setExpression}, {@code writeMemory}, ...): an error that says why.
 */
public final class NotRunningHandler implements RequestHandler<Void> {
  private static final List<String> RESUME = List.of("continue", "next", "stepIn", "stepOut", "pause",
      "reverseContinue", "stepBack", "restart", "restartFrame", "goto", "terminateThreads");
  private static final List<String> CHANGE = List.of("setVariable", "setExpression", "writeMemory");

  @Override
  public List<String> commands() {
    return java.util.stream.Stream.concat(RESUME.stream(), CHANGE.stream()).toList();
  }

  @Override
  public Class<Void> argumentsType() {
    return Void.class;
  }

  @Override
  public Object handle(Void args, Request request) {
    if (CHANGE.contains(request.command())) {
      throw new DapException(ErrorId.NOT_RUNNING, request.command()
          + ": a post-mortem session cannot change the program's state: it is a core dump");
    }
    throw new DapException(ErrorId.NOT_RUNNING, request.command()
        + ": a post-mortem session cannot resume: the program is not running, this is its core dump");
  }
}
