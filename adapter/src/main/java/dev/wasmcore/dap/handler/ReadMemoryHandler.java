package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.MemoryRead;
import dev.wasmcore.inspect.SessionException;
import java.util.Base64;
import java.util.List;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;

/**
 * {@code readMemory}: bytes of linear memory at a memory reference plus an offset (negative or positive), base64;
 * bytes past the end of memory, in gaps or past the per-request cap are reported as {@code unreadableBytes}.
 */
public final class ReadMemoryHandler implements RequestHandler<ReadMemoryArguments> {
  private final ConnectionState state;

  public ReadMemoryHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("readMemory");
  }

  @Override
  public Class<ReadMemoryArguments> argumentsType() {
    return ReadMemoryArguments.class;
  }

  @Override
  public Object handle(ReadMemoryArguments args, Request request) {
    if (args.getMemoryReference() == null) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "readMemory: 'memoryReference' is required");
    }
    if (args.getCount() < 0) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "readMemory: 'count' must not be negative");
    }
    long offset = args.getOffset() == null ? 0 : args.getOffset();
    MemoryRead read;
    try {
      read = state.session().model().readMemory(args.getMemoryReference(), offset, args.getCount());
    } catch (SessionException e) {
      throw new DapException(ErrorId.REQUEST_FAILED, e.getMessage());
    }
    ReadMemoryResponse response = new ReadMemoryResponse();
    response.setAddress("0x" + Long.toHexString(read.address()));
    response.setData(Base64.getEncoder().encodeToString(read.data()));
    if (read.unreadableBytes() > 0) {
      response.setUnreadableBytes(read.unreadableBytes());
    }
    return response;
  }
}
