package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.formatter.VariableFormatter;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.dap.session.OpenSession;
import dev.wasmcore.dap.session.VariableHandles;
import dev.wasmcore.inspect.VariableView;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesArgumentsFilter;
import org.eclipse.lsp4j.debug.VariablesResponse;

/**
 * {@code variables}: the children of a scope or a value. {@code filter: "indexed"} pages elements with
 * {@code start}/{@code count}; {@code "named"} gives the members; no filter gives the members then the elements,
 * with {@code start}/{@code count} applied to that list (at most {@link #MAX_UNPAGED} elements without paging).
 */
public final class VariablesHandler implements RequestHandler<VariablesArguments> {
  /** Elements listed in one response when the client does not page. */
  public static final int MAX_UNPAGED = 10_000;

  private final ConnectionState state;
  private final VariableFormatter formatter = new VariableFormatter();

  public VariablesHandler(ConnectionState state) {
    this.state = state;
  }

  @Override
  public List<String> commands() {
    return List.of("variables");
  }

  @Override
  public Class<VariablesArguments> argumentsType() {
    return VariablesArguments.class;
  }

  @Override
  public Object handle(VariablesArguments args, Request request) {
    OpenSession session = state.session();
    int parent = args.getVariablesReference();
    VariableHandles.Container container = session.handles().get(parent);
    int start = args.getStart() == null ? 0 : args.getStart();
    int count = args.getCount() == null ? 0 : args.getCount();
    if (start < 0 || count < 0) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "variables: start and count must not be negative");
    }
    boolean hex = args.getFormat() != null && Boolean.TRUE.equals(args.getFormat().getHex());
    VariablesArgumentsFilter filter = args.getFilter();

    // children with the key that names them under their parent
    List<VariableView> children = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    if (container instanceof VariableHandles.ScopeContainer scope) {
      if (filter != VariablesArgumentsFilter.INDEXED) {
        addNamed(scope.scope().variables(), children, keys);
      }
    } else if (container instanceof VariableHandles.ValueContainer value) {
      VariableView v = value.value();
      if (filter == VariablesArgumentsFilter.INDEXED) {
        int n = count == 0 ? Math.max(0, v.indexedCount() - start) : count;
        addIndexed(v.indexedChildren(start, Math.min(n, Math.max(0, v.indexedCount() - start))), start, children,
            keys);
        start = 0;
        count = 0;
      } else {
        addNamed(v.namedChildren(), children, keys);
        if (filter == null && v.indexedCount() > 0) {
          addIndexed(v.indexedChildren(0, Math.min(v.indexedCount(), MAX_UNPAGED)), 0, children, keys);
        }
      }
    }
    int from = Math.min(start, children.size());
    int to = count == 0 ? children.size() : (int) Math.min((long) from + count, children.size());
    Variable[] out = new Variable[to - from];
    for (int i = from; i < to; i++) {
      VariableView child = children.get(i);
      int reference = 0;
      if (child.hasChildren()) {
        reference = session.handles().handle(new VariableHandles.ChildKey(parent, keys.get(i)),
            () -> new VariableHandles.ValueContainer(child));
      }
      out[i - from] = formatter.variable(child, reference, hex);
    }
    VariablesResponse response = new VariablesResponse();
    response.setVariables(out);
    return response;
  }

  private static void addNamed(List<VariableView> named, List<VariableView> children, List<String> keys) {
    for (int i = 0; i < named.size(); i++) {
      children.add(named.get(i));
      keys.add("n" + i);
    }
  }

  private static void addIndexed(List<VariableView> elements, int first, List<VariableView> children,
      List<String> keys) {
    for (int i = 0; i < elements.size(); i++) {
      children.add(elements.get(i));
      keys.add("i" + (first + i));
    }
  }
}
