package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.formatter.InstructionFormatter;
import dev.wasmcore.dap.formatter.SourceFormatter;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.Instruction;
import dev.wasmcore.inspect.SessionException;
import java.util.List;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembleResponse;
import org.eclipse.lsp4j.debug.DisassembledInstruction;

/**
 * {@code disassemble}: wasm instructions around an instruction reference, in text form with symbols and source
 * lines; positions outside any function come back as invalid instructions so the count is always the one asked.
 */
public final class DisassembleHandler implements RequestHandler<DisassembleArguments> {
  /** Instructions per request; VS Code asks for a few hundred. */
  public static final int MAX_INSTRUCTIONS = 10_000;

  private final ConnectionState state;

  public DisassembleHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("disassemble");
  }

  @Override
  public Class<DisassembleArguments> argumentsType() {
    return DisassembleArguments.class;
  }

  @Override
  public Object handle(DisassembleArguments args, Request request) {
    if (args.getMemoryReference() == null) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "disassemble: 'memoryReference' is required");
    }
    int count = args.getInstructionCount();
    if (count < 0 || count > MAX_INSTRUCTIONS) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "disassemble: 'instructionCount' must be 0.."
          + MAX_INSTRUCTIONS);
    }
    long offset = args.getOffset() == null ? 0 : args.getOffset();
    int instructionOffset = args.getInstructionOffset() == null ? 0 : args.getInstructionOffset();
    boolean symbols = !Boolean.FALSE.equals(args.getResolveSymbols());
    List<Instruction> instructions;
    try {
      instructions = count == 0 ? List.of() : state.session().model().disassemble(args.getMemoryReference(),
          offset, instructionOffset, count, symbols);
    } catch (SessionException e) {
      throw new DapException(ErrorId.REQUEST_FAILED, e.getMessage());
    }
    InstructionFormatter formatter = new InstructionFormatter(state.conventions(),
        new SourceFormatter(state.conventions()));
    DisassembledInstruction[] out = new DisassembledInstruction[instructions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = formatter.instruction(instructions.get(i));
    }
    DisassembleResponse response = new DisassembleResponse();
    response.setInstructions(out);
    return response;
  }
}
