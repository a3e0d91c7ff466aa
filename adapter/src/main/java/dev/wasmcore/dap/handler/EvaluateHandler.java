package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.formatter.ClipboardFormatter;
import dev.wasmcore.dap.formatter.VariableFormatter;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.dap.session.OpenSession;
import dev.wasmcore.dap.session.VariableHandles;
import dev.wasmcore.inspect.ConsoleResult;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.VariableView;
import java.util.List;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateArgumentsContext;
import org.eclipse.lsp4j.debug.EvaluateResponse;

/**
 * {@code evaluate}: expressions in a frame for watch, hover and the variables view; in the Debug Console
 * ({@code repl}) the gdb-like console commands ({@code bt}, {@code p}, {@code x/16xb}, ...), a value result keeping
 * its children; {@code clipboard} gives the full value as text.
 */
public final class EvaluateHandler implements RequestHandler<EvaluateArguments> {
  private final ConnectionState state;
  private final VariableFormatter formatter = new VariableFormatter();
  private final ClipboardFormatter clipboard = new ClipboardFormatter(formatter);

  public EvaluateHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("evaluate");
  }

  @Override
  public Class<EvaluateArguments> argumentsType() {
    return EvaluateArguments.class;
  }

  @Override
  public Object handle(EvaluateArguments args, Request request) {
    String expression = args.getExpression();
    if (expression == null) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "evaluate: 'expression' is required");
    }
    OpenSession session = state.session();
    FrameView frame = args.getFrameId() == null ? null : session.frame(args.getFrameId());
    int frameKey = frame == null ? 0 : frame.id();
    boolean hex = args.getFormat() != null && Boolean.TRUE.equals(args.getFormat().getHex());
    String context = args.getContext() == null ? EvaluateArgumentsContext.WATCH : args.getContext();
    try {
      if (EvaluateArgumentsContext.REPL.equals(context)) {
        return repl(session, frame, frameKey, expression, hex);
      }
      VariableView value = session.model().evaluate(frame, expression);
      if (EvaluateArgumentsContext.CLIPBOARD.equals(context)) {
        EvaluateResponse response = new EvaluateResponse();
        response.setResult(clipboard.text(value, hex));
        response.setType(value.type());
        response.setVariablesReference(0);
        return response;
      }
      return formatter.evaluated(value, reference(session, frameKey, "=" + expression, value), hex);
    } catch (SessionException e) {
      throw new DapException(ErrorId.EVALUATION_FAILED, e.getMessage());
    }
  }

  private EvaluateResponse repl(OpenSession session, FrameView frame, int frameKey, String line, boolean hex) {
    ConsoleResult result;
    try {
      result = session.model().console(frame, line);
    } catch (SessionException consoleError) {
      // gdb-like abbreviations make a bare expression such as 'i' read as a command ('info'): when the console
      // cannot run the line, it is evaluated as an expression; the error shown is the one for what the line looks
      // like (a command word, or an expression)
      try {
        VariableView value = session.model().evaluate(frame, line);
        return formatter.evaluated(value, reference(session, frameKey, "=" + line, value), hex);
      } catch (SessionException expressionError) {
        throw looksLikeCommand(line) ? consoleError : expressionError;
      }
    }
    VariableView value = result.value();
    String text = result.text() == null ? "" : result.text().stripTrailing();
    if (value == null) {
      EvaluateResponse response = new EvaluateResponse();
      response.setResult(text);
      response.setVariablesReference(0);
      return response;
    }
    EvaluateResponse response = formatter.evaluated(value, reference(session, frameKey, ">" + line, value), hex);
    if (!text.isEmpty()) {
      response.setResult(text);
    }
    return response;
  }

  private static final java.util.Set<String> COMMANDS = java.util.Set.of("bt", "backtrace", "where", "frame", "f",
      "info", "p", "print", "ptype", "x", "list", "l", "help", "up", "down");

  private static boolean looksLikeCommand(String line) {
    String word = line.strip().split("[\\s/]", 2)[0];
    return COMMANDS.contains(word);
  }

  private static int reference(OpenSession session, int frameKey, String key, VariableView value) {
    if (!value.hasChildren()) {
      return 0;
    }
    return session.handles().handle(new VariableHandles.EvaluateKey(frameKey, key),
        () -> new VariableHandles.ValueContainer(value));
  }
}
