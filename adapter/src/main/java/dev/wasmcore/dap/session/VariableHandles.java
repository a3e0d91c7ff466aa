package dev.wasmcore.dap.session;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.VariableView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code variablesReference} numbers of one session. Post-mortem, nothing changes, so a number is never recycled or
 * invalidated: it stays valid until the session ends. A number is keyed by where the container was reached (a frame's
 * scope, a child of another reference, an evaluated expression), so asking again for the same thing returns the same
 * number and the table grows only with what the user actually expanded. The table is bounded: past
 * {@code maxHandles} a request that needs a new number fails with a message instead of exhausting memory.
 */
public final class VariableHandles {
  /** What a reference points at. */
  public sealed interface Container permits ScopeContainer, ValueContainer {}

  /** The variables of a frame's scope. */
  public record ScopeContainer(ScopeView scope) implements Container {}

  /** The children of a value. */
  public record ValueContainer(VariableView value) implements Container {}

  /** Where a container was reached from. */
  public sealed interface Key permits ScopeKey, ChildKey, EvaluateKey {}

  /** Scope {@code index} of frame {@code frameId}. */
  public record ScopeKey(int frameId, int index) implements Key {}

  /** A child of the container {@code parent}: {@code "n<i>"} for the i-th named, {@code "i<i>"} for element i. */
  public record ChildKey(int parent, String child) implements Key {}

  /** The value of an expression evaluated in a frame (0 = no frame). */
  public record EvaluateKey(int frameId, String expression) implements Key {}

  private final int maxHandles;
  private final Map<Key, Integer> byKey = new HashMap<>();
  private final List<Container> byNumber = new ArrayList<>();

  public VariableHandles(int maxHandles) {
    this.maxHandles = maxHandles;
  }

  /** The number for the container reached at {@code key}, made with {@code container} the first time. */
  public synchronized int handle(Key key, Supplier<Container> container) {
    Integer existing = byKey.get(key);
    if (existing != null) {
      return existing;
    }
    if (byNumber.size() >= maxHandles) {
      throw new DapException(ErrorId.REQUEST_FAILED, "this session has handed out " + maxHandles
          + " variable references, its limit; restart the debug session to browse further");
    }
    byNumber.add(container.get());
    int number = byNumber.size();
    byKey.put(key, number);
    return number;
  }

  /** The container of a number handed out by this session. */
  public synchronized Container get(int number) {
    if (number <= 0 || number > byNumber.size()) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "variablesReference " + number
          + " was not given out by this session");
    }
    return byNumber.get(number - 1);
  }

  public synchronized int size() {
    return byNumber.size();
  }
}
