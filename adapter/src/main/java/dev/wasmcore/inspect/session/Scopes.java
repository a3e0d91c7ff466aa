package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import dev.wasmcore.dwarf.RangeList;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.types.TypeInfo;
import dev.wasmcore.inspect.value.Value;
import dev.wasmcore.inspect.value.ValueEnv;
import dev.wasmcore.inspect.value.ValueNode;
import dev.wasmcore.wasm.FuncType;
import dev.wasmcore.wasm.ValType;
import dev.wasmcore.wasm.WasmValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The scopes of a frame: Arguments and Locals from the DWARF scopes covering the address (lexical blocks inside this
 * inlined level, not the levels inlined into it), Globals of the frame's unit (expensive), and the raw "Wasm" view
 * (locals with name-section names, the operand stack, the instance's globals).
 */
final class Scopes {
  private Scopes() {}

  /** Globals listed per unit at most (a program's thousands of globals stay reachable through expressions). */
  static final int MAX_GLOBALS = 2000;

  static final TypeInfo I32 = wasmType("i32", 4, TypeInfo.ATE_SIGNED);
  static final TypeInfo I64 = wasmType("i64", 8, TypeInfo.ATE_SIGNED);
  static final TypeInfo F32 = wasmType("f32", 4, TypeInfo.ATE_FLOAT);
  static final TypeInfo F64 = wasmType("f64", 8, TypeInfo.ATE_FLOAT);

  private static TypeInfo wasmType(String name, int size, int enc) {
    return TypeInfo.builder(TypeInfo.Kind.BASE).name(name).byteSize(size).encoding(enc).build();
  }

  /** A lazily filled scope. */
  static final class ScopeImpl implements ScopeView {
    private final String name;
    private final ScopeKind kind;
    private final boolean expensive;
    private final Supplier<List<VariableView>> supplier;
    private volatile List<VariableView> variables;

    ScopeImpl(String name, ScopeKind kind, boolean expensive, Supplier<List<VariableView>> supplier) {
      this.name = name;
      this.kind = kind;
      this.expensive = expensive;
      this.supplier = supplier;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ScopeKind kind() {
      return kind;
    }

    @Override
    public boolean expensive() {
      return expensive;
    }

    @Override
    public List<VariableView> variables() {
      List<VariableView> v = variables;
      if (v == null) {
        synchronized (this) {
          v = variables;
          if (v == null) {
            v = List.copyOf(supplier.get());
            variables = v;
          }
        }
      }
      return v;
    }
  }

  static List<ScopeView> of(CoreSession session, FrameImpl frame) {
    List<ScopeView> out = new ArrayList<>();
    if (frame.level != null) {
      out.add(new ScopeImpl("Arguments", ScopeView.ScopeKind.ARGUMENTS, false,
          () -> variables(session, frame, true)));
      out.add(new ScopeImpl("Locals", ScopeView.ScopeKind.LOCALS, false, () -> variables(session, frame, false)));
      out.add(new ScopeImpl("Globals", ScopeView.ScopeKind.GLOBALS, true, () -> globals(session, frame)));
    }
    out.add(new ScopeImpl("Wasm", ScopeView.ScopeKind.WASM, false, () -> wasm(session, frame)));
    return out;
  }

  /** The DIEs whose variables are visible in this level at the address: the level, then covering blocks. */
  static List<Die> levelScopes(FrameImpl frame) {
    List<Die> out = new ArrayList<>();
    if (frame.level == null) {
      return out;
    }
    // Limits.maxDieNesting: the level's depth in its DIE tree (unit DIE = 1) plus the blocks below it; a tree
    // nested deeper than the user's limit is an error, not something to walk.
    int limit = frame.maxDieNesting();
    int depth = 0;
    for (Die d = frame.level; d != null && depth <= limit; d = d.parent()) {
      depth++;
    }
    if (depth + 1 > limit) {
      throw new dev.wasmcore.inspect.SessionException("the variables of " + frame.function() + " are nested "
          + (depth + 1) + " DIEs deep, beyond the limit maxDieNesting = " + limit);
    }
    out.add(frame.level);
    long addr = frame.physical.dwarfAddress;
    Die cur = frame.level;
    for (int guard = 0; guard < 256; guard++) {
      Die next = null;
      for (Die c : cur.children()) {
        if (c.tagCode() == DwarfTypes.TAG_LEXICAL_BLOCK && covers(c, addr)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        break;
      }
      if (depth + out.size() + 1 > limit) {
        throw new dev.wasmcore.inspect.SessionException("the scopes of " + frame.function() + " are nested more "
            + "than " + limit + " DIEs deep (maxDieNesting)");
      }
      out.add(next);
      cur = next;
    }
    return out;
  }

  private static boolean covers(Die block, long addr) {
    try {
      RangeList r = block.addressRanges();
      return r.isEmpty() || r.contains(addr);
    } catch (MalformedInputException e) {
      return false;
    }
  }

  /** The variable DIEs of a level (parameters or locals), outermost scope first, in declaration order. */
  static List<Die> variableDies(FrameImpl frame, boolean parameters) {
    List<Die> out = new ArrayList<>();
    for (Die scope : levelScopes(frame)) {
      for (Die c : scope.children()) {
        int t = c.tagCode();
        if (parameters ? t == DwarfTypes.TAG_FORMAL_PARAMETER : t == DwarfTypes.TAG_VARIABLE) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static List<VariableView> variables(CoreSession session, FrameImpl frame, boolean parameters) {
    List<VariableView> out = new ArrayList<>();
    ValueEnv env = session.env(frame.physical);
    try {
      for (Die d : variableDies(frame, parameters)) {
        String name = d.nameRecursive();
        if (name == null) {
          name = parameters ? "<unnamed parameter>" : "<unnamed>";
        }
        Value v = Variables.value(frame.physical.module.types, d, frame.physical.dwarfAddress, frame.physical, env);
        out.add(new ValueNode(name, v, name, reconstructedFrameBase(frame, d), false, null));
      }
    } catch (MalformedInputException | dev.wasmcore.inspect.SessionException e) {
      out.add(new ValueNode.MessageNode("<error>", e.getMessage(), ValueState.ERROR));
    }
    return out;
  }

  /** A value read through a rebuilt frame base is marked reconstructed. */
  private static boolean reconstructedFrameBase(FrameImpl frame, Die var) {
    FrameBases.Result r = frame.physical.rebuilt();
    if (r == null || r.locals().isEmpty() || frame.physical.dumpHasLocals()) {
      return false;
    }
    try {
      var loc = var.attribute(DwAt.DW_AT_location);
      if (loc == null || loc.isLocationList()) {
        return false;
      }
      var bytes = loc.asExpression().bytes();
      return !bytes.isEmpty() && bytes.u8(0) == 0x91;
    } catch (MalformedInputException e) {
      return false;
    }
  }

  static List<VariableView> globals(CoreSession session, FrameImpl frame) {
    List<VariableView> out = new ArrayList<>();
    CompileUnit cu = frame.physical.unit;
    if (cu == null) {
      return out;
    }
    try {
      collectGlobals(session, frame, cu.root(), out, 0);
    } catch (MalformedInputException e) {
      out.add(new ValueNode.MessageNode("<error>", e.getMessage(), ValueState.ERROR));
    }
    return out;
  }

  private static void collectGlobals(CoreSession session, FrameImpl frame, Die scope, List<VariableView> out,
      int depth) {
    if (depth > 32) {
      return;
    }
    for (Die c : scope.children()) {
      if (out.size() >= MAX_GLOBALS) {
        return;
      }
      int t = c.tagCode();
      if (t == DwarfTypes.TAG_VARIABLE && c.has(DwAt.DW_AT_location) && !Variables.isTombstone(c)) {
        // The cheap test first: most variables inside functions are stack or register locals, skipped without
        // building their qualified name (that was most of the time of this scope on SQLite).
        if (depth > 0 && scope.tagCode() != DwarfTypes.TAG_NAMESPACE && !isStatic(c)) {
          continue;
        }
        String q = DwarfTypes.qualified(c);
        if (q == null) {
          continue;
        }
        if (scope.tagCode() == DwarfTypes.TAG_SUBPROGRAM || scope.tagCode() == DwarfTypes.TAG_LEXICAL_BLOCK) {
          // A function's static local, named as expressions reach it: function::name.
          Die fn = scope;
          while (fn != null && fn.tagCode() != DwarfTypes.TAG_SUBPROGRAM) {
            fn = fn.parent();
          }
          String fq = fn == null ? null : fn.nameRecursive();
          q = fq == null ? c.name() : fq + "::" + c.name();
        }
        Value v = Variables.value(frame.physical.module.types, c, frame.physical.dwarfAddress, frame.physical,
            session.env(frame.physical));
        out.add(new ValueNode(q, v, q));
      } else if (t == DwarfTypes.TAG_NAMESPACE || t == DwarfTypes.TAG_SUBPROGRAM
          || (t == DwarfTypes.TAG_LEXICAL_BLOCK && depth > 0)) {
        collectGlobals(session, frame, c, out, depth + 1);
      }
    }
  }

  /** A variable with a static address (DW_OP_addr / DW_OP_addrx): a static local rather than a stack one. */
  private static boolean isStatic(Die var) {
    try {
      var loc = var.attribute(DwAt.DW_AT_location);
      if (loc == null || loc.isLocationList()) {
        return false;
      }
      var b = loc.asExpression().bytes();
      return !b.isEmpty() && (b.u8(0) == 0x03 || b.u8(0) == 0xa1) && b.length() <= 9;
    } catch (MalformedInputException e) {
      return false;
    }
  }

  static List<VariableView> wasm(CoreSession session, FrameImpl frame) {
    List<VariableView> out = new ArrayList<>();
    PhysicalFrame pf = frame.physical;
    ValueEnv env = session.env(pf);
    LoadedModule m = pf.module;
    long func = pf.frame.funcIndex();
    int nlocals = Math.max(pf.frame.locals().size(), declaredLocals(m, func));
    for (int i = 0; i < nlocals && i < 50_000; i++) {
      String n = m.localName(func, i);
      String label = n != null ? "$" + n : "$local" + i;
      WasmValue wv = pf.frame.local(i);
      ValType declared = localType(m, func, i);
      out.add(raw(label, "$local" + i, wv, declared, env, pf.isRebuiltLocal(i) ? pf.rebuilt().locals().get((long) i)
          : null));
    }
    for (int i = 0; i < pf.frame.stack().size(); i++) {
      out.add(raw("$stack" + i, "$stack" + i, pf.frame.stackValue(i), null, env, null));
    }
    int ng = session.globalCount(pf);
    for (int i = 0; i < ng; i++) {
      String n = m.globalName(i);
      WasmValue g = pf.dump.instanceGlobal(pf.frame.instanceIndex(), i);
      out.add(raw(n != null ? "$" + n : "$global" + i, n != null ? "$" + n : "$global" + i, g,
          m.wasm.globalType(i).map(gt -> gt.type()).orElse(null), env, null));
    }
    return out;
  }

  static int declaredLocals(LoadedModule m, long func) {
    try {
      FuncType ft = m.wasm.functionType(func);
      int params = ft.params().size();
      return m.wasm.body(func).map(b -> {
        long n = params;
        for (var d : b.localDecls()) {
          n += d.count();
        }
        return (int) Math.min(50_000, n);
      }).orElse(params);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  static ValType localType(LoadedModule m, long func, int i) {
    try {
      FuncType ft = m.wasm.functionType(func);
      if (i < ft.params().size()) {
        return ft.params().get(i);
      }
      long k = i - ft.params().size();
      return m.wasm.body(func).map(b -> {
        long at = k;
        for (var d : b.localDecls()) {
          if (at < d.count()) {
            return d.type();
          }
          at -= d.count();
        }
        return null;
      }).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static TypeInfo typeFor(WasmValue.Kind k) {
    return switch (k) {
      case I64 -> I64;
      case F32 -> F32;
      case F64 -> F64;
      default -> I32;
    };
  }

  static TypeInfo typeFor(ValType t) {
    if (t == null) {
      return I32;
    }
    return t.code() == 0x7E ? I64 : t.code() == 0x7D ? F32 : t.code() == 0x7C ? F64 : I32;
  }

  /** A raw wasm value; {@code rebuilt} non-null gives a reconstructed value where the dump has none. */
  static VariableView raw(String label, String evalName, WasmValue v, ValType declared, ValueEnv env, Long rebuilt) {
    if (v.isMissing()) {
      TypeInfo t = typeFor(declared);
      if (rebuilt != null) {
        return new ValueNode(label, Value.ofBits(t, rebuilt, env), evalName, true, true, t.name());
      }
      return new ValueNode(label, Value.missing(t, ValueState.UNAVAILABLE, "not in the dump", env), evalName, false,
          true, t.name());
    }
    if (v.kind() == WasmValue.Kind.REF_NULL || v.kind() == WasmValue.Kind.REF_FUNC
        || v.kind() == WasmValue.Kind.V128) {
      return new ValueNode.MessageNode(label, v.format(), ValueState.OK);
    }
    TypeInfo t = typeFor(v.kind());
    return new ValueNode(label, Value.ofBits(t, v.bits(), env), evalName, false, true, t.name());
  }
}
