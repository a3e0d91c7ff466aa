package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.inspect.types.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link VariableView} over a {@link Value}: the display text and children are computed on first use and kept, so
 * repeated requests are cheap and see the same objects; nothing is read for children the user never opens. Safe for
 * concurrent requests (the memoised parts are computed idempotently).
 */
public final class ValueNode implements VariableView {
  private final String name;
  private final Value value;
  private final String evaluateName;
  private final boolean reconstructed;
  private final boolean raw;
  private final String typeOverride;
  private volatile String[] text;
  private volatile ValueState state;
  private volatile List<VariableView> named;
  private volatile long indexed = -1;
  private final ConcurrentHashMap<Long, VariableView> elements = new ConcurrentHashMap<>();

  public ValueNode(String name, Value value, String evaluateName) {
    this(name, value, evaluateName, false, false, null);
  }

  /**
   * @param reconstructed the value was rebuilt (a frame base from {@code __stack_pointer}), not read from the dump
   * @param raw show the raw members, without the readable form
   * @param typeOverride the type text to show instead of the value's type name (raw wasm values), or null
   */
  public ValueNode(String name, Value value, String evaluateName, boolean reconstructed, boolean raw,
      String typeOverride) {
    this.name = name;
    this.value = value;
    this.evaluateName = evaluateName;
    this.reconstructed = reconstructed;
    this.raw = raw;
    this.typeOverride = typeOverride;
  }

  public Value valueObject() {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return typeOverride != null ? typeOverride : value.type().displayName();
  }

  @Override
  public String value(boolean hex) {
    String[] t = text;
    if (t == null) {
      t = new String[2];
      text = t;
    }
    int i = hex ? 1 : 0;
    String s = t[i];
    if (s == null) {
      try {
        s = Formatter.format(value, hex, 0, !raw);
        if (state == null) {
          state = ValueState.OK;
        }
      } catch (ValueUnavailableException e) {
        s = Formatter.describe(e.state(), e.getMessage());
        state = e.state();
      } catch (ArithmeticException | IndexOutOfBoundsException e) {
        s = Formatter.describe(ValueState.ERROR, "cannot render: " + e.getMessage());
        state = ValueState.ERROR;
      }
      t[i] = s;
    }
    return s;
  }

  @Override
  public ValueState state() {
    if (state == null) {
      value(false);
    }
    return state;
  }

  @Override
  public boolean reconstructed() {
    return reconstructed;
  }

  @Override
  public String evaluateName() {
    return evaluateName;
  }

  @Override
  public String memoryReference() {
    long a = value.address();
    TypeInfo st = value.type().strip();
    if (st.kind() == TypeInfo.Kind.POINTER) {
      try {
        return "0x" + Long.toHexString(value.asLong() & value.pointerMask());
      } catch (ValueUnavailableException e) {
        return a >= 0 ? "0x" + Long.toHexString(a) : null;
      }
    }
    return a >= 0 ? "0x" + Long.toHexString(a) : null;
  }

  @Override
  public int namedCount() {
    return namedChildren().size();
  }

  @Override
  public int indexedCount() {
    long n = indexed;
    if (n < 0) {
      try {
        n = Children.indexedCount(value, !raw);
      } catch (ValueUnavailableException | ArithmeticException e) {
        n = 0;
      }
      indexed = n;
    }
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  /** The element count of a sequence (Vec, slice, std::vector, array), or the byte length of a string; -1 if none. */
  public long length() {
    Pretty.Form form = raw ? null : Pretty.of(value);
    if (form != null) {
      return form.length();
    }
    return indexedCount() > 0 || value.type().strip().kind() == TypeInfo.Kind.ARRAY ? indexedCount() : -1;
  }

  /** The active variant's name for a Rust enum, else null. */
  public String variant() {
    Pretty.Form form = raw ? null : Pretty.of(value);
    return form == null ? null : form.variant();
  }

  @Override
  public List<VariableView> namedChildren() {
    List<VariableView> n = named;
    if (n == null) {
      List<VariableView> out = new ArrayList<>();
      try {
        for (Children.Child c : Children.named(value, !raw, evaluateName)) {
          out.add(new ValueNode(c.name(), c.value(), c.evaluateName(), false, c.raw(), null));
        }
      } catch (ValueUnavailableException e) {
        out.add(new MessageNode("<error>", Formatter.describe(e.state(), e.getMessage()), e.state()));
      }
      n = List.copyOf(out);
      named = n;
    }
    return n;
  }

  @Override
  public List<VariableView> indexedChildren(int start, int count) {
    int total = indexedCount();
    List<VariableView> out = new ArrayList<>();
    long end = Math.min((long) total, (long) Math.max(0, start) + Math.max(0, count));
    for (long i = Math.max(0, start); i < end; i++) {
      final long idx = i;
      out.add(elements.computeIfAbsent(idx, k -> {
        try {
          Children.Child c = Children.indexed(value, !raw, evaluateName, k);
          return new ValueNode(c.name(), c.value(), c.evaluateName(), false, false, null);
        } catch (ValueUnavailableException e) {
          return new MessageNode("[" + idx + "]", Formatter.describe(e.state(), e.getMessage()), e.state());
        }
      }));
    }
    return out;
  }

  @Override
  public String toString() {
    return name + " = " + value(false);
  }

  /** A childless entry that only carries a message (an error in place of children). */
  public record MessageNode(String name, String message, ValueState state) implements VariableView {
    @Override
    public String type() {
      return "";
    }

    @Override
    public String value(boolean hex) {
      return message;
    }

    @Override
    public boolean reconstructed() {
      return false;
    }

    @Override
    public String evaluateName() {
      return null;
    }

    @Override
    public String memoryReference() {
      return null;
    }

    @Override
    public int namedCount() {
      return 0;
    }

    @Override
    public int indexedCount() {
      return 0;
    }

    @Override
    public List<VariableView> namedChildren() {
      return List.of();
    }

    @Override
    public List<VariableView> indexedChildren(int start, int count) {
      return List.of();
    }
  }
}
