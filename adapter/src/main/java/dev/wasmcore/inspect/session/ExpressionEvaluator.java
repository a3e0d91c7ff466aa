package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.expr.BinaryOp;
import dev.wasmcore.inspect.expr.Expr;
import dev.wasmcore.inspect.expr.ExprSyntaxException;
import dev.wasmcore.inspect.expr.ExpressionParser;
import dev.wasmcore.inspect.expr.SourceSpan;
import dev.wasmcore.inspect.expr.TypeName;
import dev.wasmcore.inspect.expr.TypeNameOracle;
import dev.wasmcore.inspect.types.TypeInfo;
import dev.wasmcore.inspect.value.Children;
import dev.wasmcore.inspect.value.Pretty;
import dev.wasmcore.inspect.value.Value;
import dev.wasmcore.inspect.value.ValueEnv;
import dev.wasmcore.inspect.value.ValueNode;
import dev.wasmcore.inspect.value.ValueSource;
import dev.wasmcore.inspect.value.ValueUnavailableException;
import dev.wasmcore.wasm.WasmValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the expression language (the AST of {@link ExpressionParser}) in a frame: names resolved in the frame's
 * lexical scopes (innermost block first), then the unit, then all globals (and {@code function::static} locals);
 * literals; {@code * & -> . [] }, casts to DWARF or built-in types, {@code sizeof}, arithmetic, comparisons, logic,
 * pointer arithmetic scaled by the element size; Rust paths, {@code .0} tuple fields, enum variant payloads by the
 * variant's name, auto-dereference of references and {@code Box}; wasm names {@code $local3}, {@code $stack0},
 * {@code $global1}, {@code $__stack_pointer}. Errors name the token's column and the reason.
 */
final class ExpressionEvaluator {
  private final CoreSession session;
  private final FrameImpl frame;
  private final ValueEnv env;
  private String text = "";
  private int steps;

  ExpressionEvaluator(CoreSession session, FrameImpl frame) {
    this.session = session;
    this.frame = frame;
    this.env = frame == null ? null : session.env(frame.physical);
  }

  ExpressionParser parser() {
    return new ExpressionParser(this::isTypeName, Math.min(ExpressionParser.MAX_DEPTH_LIMIT,
        session.limits().maxExpressionDepth()));
  }

  VariableView evaluateText(String expression) {
    if (frame == null) {
      throw new SessionException("the dump has no frames to evaluate in");
    }
    Expr e;
    try {
      e = parser().parse(expression);
    } catch (ExprSyntaxException ex) {
      throw new SessionException(ex.getMessage());
    }
    return evaluate(e, expression);
  }

  VariableView evaluate(Expr e, String source) {
    this.text = source;
    Value v = eval(e);
    String name = source.trim();
    if (e instanceof Expr.WasmName) {
      return new ValueNode(name, v, name, isRebuiltWasm((Expr.WasmName) e), true, v.type().name());
    }
    return new ValueNode(name, v, name);
  }

  private boolean isRebuiltWasm(Expr.WasmName w) {
    var ix = w.indexed();
    return ix.isPresent() && ix.get().space() == Expr.WasmName.Space.LOCAL
        && frame.physical.isRebuiltLocal(ix.get().index());
  }

  /** An evaluation error at a token. */
  private SessionException error(SourceSpan span, String reason) {
    String tok = span.end() <= text.length() ? span.of(text) : "";
    return new SessionException((tok.isEmpty() ? "" : "'" + tok + "' at column " + span.column() + ": ") + reason);
  }

  private boolean isTypeName(List<String> segments) {
    if (segments.size() == 1 && Builtins.get(segments.get(0)) != null) {
      return true;
    }
    return frame != null && TypeLookup.find(frame.physical, String.join("::", segments)) != null;
  }

  Value eval(Expr e) {
    if (++steps > 100_000) {
      throw error(e.span(), "expression too costly");
    }
    try {
      if (e instanceof Expr.Name n) {
        return name(n);
      }
      if (e instanceof Expr.WasmName w) {
        return wasm(w);
      }
      if (e instanceof Expr.IntLiteral i) {
        return Value.ofBits(literalType(i), i.bits(), env);
      }
      if (e instanceof Expr.FloatLiteral f) {
        return f.suffix() == Expr.FloatSuffix.FLOAT || f.suffix() == Expr.FloatSuffix.F32
            ? Value.ofBits(Builtins.FLOAT, Float.floatToRawIntBits((float) f.value()) & 0xFFFFFFFFL, env)
            : Value.ofBits(Builtins.DOUBLE, Double.doubleToRawLongBits(f.value()), env);
      }
      if (e instanceof Expr.CharLiteral c) {
        return Value.ofBits(Builtins.CHAR, c.codePoint(), env);
      }
      if (e instanceof Expr.BoolLiteral b) {
        return Value.ofBits(Builtins.BOOL, b.value() ? 1 : 0, env);
      }
      if (e instanceof Expr.StringLiteral s) {
        return string(s);
      }
      if (e instanceof Expr.Unary u) {
        return unary(u);
      }
      if (e instanceof Expr.SizeofExpr s) {
        return sizeOf(eval(s.operand()).type(), s.span());
      }
      if (e instanceof Expr.SizeofType s) {
        return sizeOf(resolveType(s.type()), s.span());
      }
      if (e instanceof Expr.Member m) {
        return member(m);
      }
      if (e instanceof Expr.Index i) {
        return index(i);
      }
      if (e instanceof Expr.Cast c) {
        return cast(c);
      }
      if (e instanceof Expr.Binary b) {
        return binary(b);
      }
      Expr.Conditional c = (Expr.Conditional) e;
      return truth(eval(c.condition()), c.condition().span()) ? eval(c.then()) : eval(c.otherwise());
    } catch (ValueUnavailableException ex) {
      throw error(e.span(), describe(ex));
    } catch (MalformedInputException ex) {
      throw error(e.span(), ex.getMessage());
    }
  }

  private static String describe(ValueUnavailableException ex) {
    return switch (ex.state()) {
      case OPTIMIZED_OUT -> "optimized out";
      case UNAVAILABLE -> "unavailable: " + ex.getMessage();
      default -> ex.getMessage();
    };
  }

  private TypeInfo literalType(Expr.IntLiteral i) {
    TypeInfo t = Builtins.get(i.cTypeName(4));
    return t != null ? t : Builtins.LONG_LONG;
  }

  private Value string(Expr.StringLiteral s) {
    byte[] b = (s.value() + "\0").getBytes(StandardCharsets.UTF_8);
    TypeInfo arr = TypeInfo.builder(TypeInfo.Kind.ARRAY).target(Builtins.CHAR).dimensions(List.of((long) b.length))
        .build();
    return new Value(arr, ValueSource.InBytes.of(b), env);
  }

  private Value sizeOf(TypeInfo t, SourceSpan span) {
    long s = t.size();
    if (s < 0) {
      throw error(span, "the size of " + t.displayName() + " is unknown");
    }
    return Value.ofBits(Builtins.SIZE_T, s, env);
  }

  // ---- names

  private Value name(Expr.Name n) {
    PhysicalFrame pf = frame.physical;
    if (!n.isQualified()) {
      String name = n.simpleName();
      List<Die> scopes = Scopes.levelScopes(frame);
      for (int i = scopes.size() - 1; i >= 0; i--) {
        Die found = null;
        for (Die c : scopes.get(i).children()) {
          int t = c.tagCode();
          if ((t == DwarfTypes.TAG_VARIABLE || t == DwarfTypes.TAG_FORMAL_PARAMETER)
              && name.equals(c.nameRecursive())) {
            found = c;
          }
        }
        if (found != null) {
          return Variables.value(pf.module.types, found, pf.dwarfAddress, pf, env);
        }
      }
      // C++ members of 'this' are in scope inside methods.
      if (!"this".equals(name)) {
        Value self = findLocal("this");
        if (self != null && !self.isMissing()) {
          try {
            Value m = memberOf(self.deref(), name);
            if (m != null) {
              return m;
            }
          } catch (ValueUnavailableException ignored) {
            // fall through to globals
          }
        }
      }
    }
    Die g = findGlobal(n.segments());
    if (g != null) {
      return Variables.value(pf.module.types, g, pf.dwarfAddress, pf, env);
    }
    if (discarded(n.segments())) {
      throw error(n.span(), "the linker discarded '" + n.qualifiedName()
          + "' (its DWARF address is the tombstone 0xffffffff): it is not in this program");
    }
    throw error(n.span(), "no variable named '" + n.qualifiedName() + "' in this frame, its unit or the globals");
  }

  private Value findLocal(String name) {
    PhysicalFrame pf = frame.physical;
    List<Die> scopes = Scopes.levelScopes(frame);
    for (int i = scopes.size() - 1; i >= 0; i--) {
      for (Die c : scopes.get(i).children()) {
        int t = c.tagCode();
        if ((t == DwarfTypes.TAG_VARIABLE || t == DwarfTypes.TAG_FORMAL_PARAMETER)
            && name.equals(c.nameRecursive())) {
          return Variables.value(pf.module.types, c, pf.dwarfAddress, pf, env);
        }
      }
    }
    return null;
  }

  private Die findGlobal(List<String> segments) {
    PhysicalFrame pf = frame.physical;
    if (pf.module.dwarf == null) {
      return null;
    }
    String q = String.join("::", segments);
    CompileUnit cu = pf.unit;
    List<Die> found = pf.module.dwarf.findGlobalVariables(q, cu);
    Die best = found.isEmpty() ? null : preferDefinition(found);
    if (best != null) {
      return best;
    }
    // A function's static local written "function::name", or a Rust path whose module DIEs differ.
    if (segments.size() >= 2 && cu != null) {
      String fn = String.join("::", segments.subList(0, segments.size() - 1));
      String last = segments.get(segments.size() - 1);
      Die d = staticLocal(cu, fn, last);
      if (d != null) {
        return d;
      }
      for (CompileUnit u : pf.module.dwarf.infoUnits()) {
        if (u != cu) {
          d = staticLocal(u, fn, last);
          if (d != null) {
            return d;
          }
        }
      }
    }
    return null;
  }

  private boolean discarded(List<String> segments) {
    PhysicalFrame pf = frame.physical;
    if (pf.module.dwarf == null) {
      return false;
    }
    for (Die d : pf.module.dwarf.findGlobalVariables(String.join("::", segments), pf.unit)) {
      if (Variables.isTombstone(d)) {
        return true;
      }
    }
    return false;
  }

  private static Die preferDefinition(List<Die> found) {
    for (Die d : found) {
      if (d.has(dev.wasmcore.dwarf.DwAt.DW_AT_location) && !Variables.isTombstone(d)) {
        return d;
      }
    }
    for (Die d : found) {
      if (!Variables.isTombstone(d)) {
        return d;
      }
    }
    return null;
  }

  private static Die staticLocal(CompileUnit u, String function, String name) {
    try {
      u.parseDies();
      for (Die d : u.dies()) {
        if (d.tagCode() != DwarfTypes.TAG_VARIABLE || !name.equals(d.name())
            || !d.has(dev.wasmcore.dwarf.DwAt.DW_AT_location) || Variables.isTombstone(d)) {
          continue;
        }
        for (Die p = d.parent(); p != null; p = p.parent()) {
          if (p.tagCode() == DwarfTypes.TAG_SUBPROGRAM) {
            String pn = p.nameRecursive();
            String pq = p.qualifiedName();
            if (function.equals(pn) || function.equals(pq)) {
              return d;
            }
            break;
          }
        }
      }
    } catch (MalformedInputException e) {
      return null;
    }
    return null;
  }

  // ---- wasm names

  private Value wasm(Expr.WasmName w) {
    PhysicalFrame pf = frame.physical;
    var ix = w.indexed();
    if (ix.isPresent()) {
      long i = ix.get().index();
      return switch (ix.get().space()) {
        case LOCAL -> wasmLocal(w, i);
        case STACK -> wasmValue(w, pf.frame.stackValue((int) Math.min(i, Integer.MAX_VALUE)), null, "$" + w.name());
        case GLOBAL -> wasmValue(w, pf.dump.instanceGlobal(pf.frame.instanceIndex(), i),
            pf.module.wasm.globalType(i).map(g -> g.type()).orElse(null), "$" + w.name());
      };
    }
    if (w.name().equals("pc")) {
      // The frame's instruction: its DWARF address (what x/i and the disassembly take).
      return Value.ofBits(Builtins.UINT, pf.dwarfAddress, env);
    }
    long g = pf.module.globalIndex(w.name());
    if (g >= 0) {
      return wasmValue(w, pf.dump.instanceGlobal(pf.frame.instanceIndex(), g),
          pf.module.wasm.globalType(g).map(t -> t.type()).orElse(null), "$" + w.name());
    }
    var names = pf.module.names == null ? java.util.Map.<Long, String>of()
        : pf.module.names.localNames(pf.frame.funcIndex());
    for (var en : names.entrySet()) {
      if (en.getValue().equals(w.name())) {
        return wasmLocal(w, en.getKey());
      }
    }
    throw error(w.span(), "no wasm local, global or stack slot named '$" + w.name() + "'");
  }

  private Value wasmLocal(Expr.WasmName w, long i) {
    PhysicalFrame pf = frame.physical;
    // An index past the function's locals (params + declared locals, or what the dump recorded) is a user
    // mistake, not a gap in the dump: say how many there are.
    int nlocals = Math.max(pf.frame.locals().size(), Scopes.declaredLocals(pf.module, pf.frame.funcIndex()));
    if (nlocals > 0 && i >= nlocals && !pf.isRebuiltLocal(i)) {
      throw new SessionException("$" + w.name() + ": the function has " + nlocals + " local"
          + (nlocals == 1 ? " ($local0)" : "s ($local0..$local" + (nlocals - 1) + ")"));
    }
    WasmValue v = pf.frame.local((int) Math.min(i, Integer.MAX_VALUE));
    var declared = Scopes.localType(pf.module, pf.frame.funcIndex(), (int) Math.min(i, Integer.MAX_VALUE));
    if (v.isMissing() && pf.isRebuiltLocal(i)) {
      return Value.ofBits(Scopes.typeFor(declared), pf.rebuilt().locals().get(i), env);
    }
    return wasmValue(w, v, declared, "$" + w.name());
  }

  private Value wasmValue(Expr.WasmName w, WasmValue v, dev.wasmcore.wasm.ValType declared, String what) {
    if (v.isMissing()) {
      return Value.missing(Scopes.typeFor(declared), ValueState.UNAVAILABLE, what + " is not in the dump", env);
    }
    if (v.kind() == WasmValue.Kind.REF_NULL || v.kind() == WasmValue.Kind.REF_FUNC
        || v.kind() == WasmValue.Kind.V128) {
      throw error(w.span(), what + " is " + v.format() + ", not a number");
    }
    return Value.ofBits(Scopes.typeFor(v.kind()), PhysicalFrame.bitsOf(v), env);
  }

  // ---- operators

  private Value unary(Expr.Unary u) {
    Value v = eval(u.operand());
    TypeInfo st = v.type().strip();
    switch (u.op()) {
      case DEREF -> {
        if (st.isPointerLike()) {
          TypeInfo ts = st.target().strip();
          if (ts.kind() == TypeInfo.Kind.VOID) {
            throw error(u.span(), "cannot dereference a void pointer");
          }
          return v.deref();
        }
        if (st.kind() == TypeInfo.Kind.ARRAY) {
          return v.at(Children.elementType(st), 0);
        }
        throw error(u.span(), "cannot dereference a value of type " + v.type().displayName());
      }
      case ADDRESS_OF -> {
        long a = v.address();
        if (a < 0) {
          throw error(u.span(), "the value has no address in memory");
        }
        return Value.ofBits(Builtins.pointerTo(v.type()), a, env);
      }
      case NEGATE -> {
        if (isFloat(st)) {
          return Value.ofBits(Builtins.DOUBLE, Double.doubleToRawLongBits(-v.asDouble()), env);
        }
        return Value.ofBits(arithType(v.type(), v.type()), -integer(v, u.span()), env);
      }
      case PLUS -> {
        return isFloat(st) ? v : Value.ofBits(arithType(v.type(), v.type()), integer(v, u.span()), env);
      }
      case LOGICAL_NOT -> {
        return Value.ofBits(Builtins.INT, truth(v, u.span()) ? 0 : 1, env);
      }
      default -> {
        return Value.ofBits(arithType(v.type(), v.type()), ~integer(v, u.span()), env);
      }
    }
  }

  private static boolean isFloat(TypeInfo st) {
    return st.kind() == TypeInfo.Kind.BASE && st.encoding() == TypeInfo.ATE_FLOAT;
  }

  private static boolean isIntegral(TypeInfo st) {
    return (st.kind() == TypeInfo.Kind.BASE && st.encoding() != TypeInfo.ATE_FLOAT && st.size() <= 8)
        || st.kind() == TypeInfo.Kind.ENUM;
  }

  private long integer(Value v, SourceSpan span) {
    TypeInfo st = v.type().strip();
    if (isIntegral(st) || st.kind() == TypeInfo.Kind.POINTER) {
      return v.asLong();
    }
    if (isFloat(st)) {
      return (long) v.asDouble();
    }
    throw error(span, "not a number: a value of type " + v.type().displayName());
  }

  private boolean truth(Value v, SourceSpan span) {
    TypeInfo st = v.type().strip();
    if (isFloat(st)) {
      return v.asDouble() != 0;
    }
    return integer(v, span) != 0;
  }

  /** The usual arithmetic conversions, simplified: 8-byte if either is, unsigned if the wider one is. */
  private static TypeInfo arithType(TypeInfo a, TypeInfo b) {
    TypeInfo sa = a.strip();
    TypeInfo sb = b.strip();
    long size = Math.max(Math.max(4, sa.size()), Math.max(4, sb.size()));
    boolean unsigned = (!Value.isSigned(sa) && sa.size() >= size) || (!Value.isSigned(sb) && sb.size() >= size);
    if (size >= 8) {
      return unsigned ? Builtins.ULONG_LONG : Builtins.LONG_LONG;
    }
    return unsigned ? Builtins.UINT : Builtins.INT;
  }

  private Value binary(Expr.Binary b) {
    BinaryOp op = b.op();
    if (op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR) {
      boolean l = truth(eval(b.left()), b.left().span());
      boolean r = op == BinaryOp.LOGICAL_AND ? l && truth(eval(b.right()), b.right().span())
          : l || truth(eval(b.right()), b.right().span());
      return Value.ofBits(Builtins.INT, r ? 1 : 0, env);
    }
    Value l = eval(b.left());
    Value r = eval(b.right());
    TypeInfo lt = l.type().strip();
    TypeInfo rt = r.type().strip();
    // Arrays decay to pointers.
    if (lt.kind() == TypeInfo.Kind.ARRAY && l.address() >= 0) {
      l = Value.ofBits(Builtins.pointerTo(Children.elementType(lt)), l.address(), env);
      lt = l.type().strip();
    }
    if (rt.kind() == TypeInfo.Kind.ARRAY && r.address() >= 0) {
      r = Value.ofBits(Builtins.pointerTo(Children.elementType(rt)), r.address(), env);
      rt = r.type().strip();
    }
    boolean lp = lt.kind() == TypeInfo.Kind.POINTER;
    boolean rp = rt.kind() == TypeInfo.Kind.POINTER;
    if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && (lp || rp)) {
      if (lp && rp && op == BinaryOp.SUB) {
        long es = Math.max(1, lt.target().size());
        return Value.ofBits(Builtins.INT, ((l.asLong() & 0xFFFFFFFFL) - (r.asLong() & 0xFFFFFFFFL)) / es, env);
      }
      Value p = lp ? l : r;
      Value n = lp ? r : l;
      TypeInfo pt = p.type().strip();
      long es = pt.target().size();
      if (es <= 0) {
        es = 1;
      }
      long off = integer(n, b.span()) * es;
      long res = (p.asLong() & 0xFFFFFFFFL) + (op == BinaryOp.ADD ? off : -off);
      return Value.ofBits(p.type(), res & 0xFFFFFFFFL, env);
    }
    if (op.isComparison()) {
      int c;
      if (isFloat(lt) || isFloat(rt)) {
        c = Double.compare(number(l, b.left().span()), number(r, b.right().span()));
      } else {
        long x = integer(l, b.left().span());
        long y = integer(r, b.right().span());
        TypeInfo at = lp || rp ? Builtins.UINT : arithType(l.type(), r.type());
        boolean unsigned = !Value.isSigned(at.strip());
        if (at.size() == 4) {
          x = unsigned ? x & 0xFFFFFFFFL : (int) x;
          y = unsigned ? y & 0xFFFFFFFFL : (int) y;
        }
        c = unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
      }
      boolean res = switch (op) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        case EQ -> c == 0;
        default -> c != 0;
      };
      return Value.ofBits(Builtins.INT, res ? 1 : 0, env);
    }
    if (isFloat(lt) || isFloat(rt)) {
      double x = number(l, b.left().span());
      double y = number(r, b.right().span());
      double res = switch (op) {
        case MUL -> x * y;
        case DIV -> x / y;
        case ADD -> x + y;
        case SUB -> x - y;
        default -> throw error(b.span(), "operator " + op + " needs integers");
      };
      return Value.ofBits(Builtins.DOUBLE, Double.doubleToRawLongBits(res), env);
    }
    TypeInfo at = arithType(l.type(), r.type());
    boolean unsigned = !Value.isSigned(at.strip());
    long x = integer(l, b.left().span());
    long y = integer(r, b.right().span());
    if (at.size() == 4) {
      x = unsigned ? x & 0xFFFFFFFFL : (int) x;
      y = unsigned ? y & 0xFFFFFFFFL : (int) y;
    }
    long res = switch (op) {
      case MUL -> x * y;
      case DIV, REM -> {
        if (y == 0) {
          throw error(b.right().span(), "division by zero");
        }
        yield op == BinaryOp.DIV ? (unsigned ? Long.divideUnsigned(x, y) : x / y)
            : (unsigned ? Long.remainderUnsigned(x, y) : x % y);
      }
      case ADD -> x + y;
      case SUB -> x - y;
      case SHL -> x << (y & 63);
      case SHR -> unsigned ? x >>> (y & 63) : x >> (y & 63);
      case BIT_AND -> x & y;
      case BIT_XOR -> x ^ y;
      case BIT_OR -> x | y;
      default -> throw error(b.span(), "unsupported operator " + op);
    };
    return Value.ofBits(at, res, env);
  }

  private double number(Value v, SourceSpan span) {
    TypeInfo st = v.type().strip();
    if (isFloat(st)) {
      return v.asDouble();
    }
    long x = integer(v, span);
    return Value.isSigned(st) ? x : (double) (x & (st.size() >= 8 ? -1L : (1L << (8 * Math.max(1, st.size()))) - 1));
  }

  // ---- members and elements

  /** Follows references, Rust references and Box (and C pointers for "->"). */
  private Value autoDeref(Value v, boolean arrow, SourceSpan span) {
    for (int i = 0; i < 8; i++) {
      TypeInfo st = v.type().strip();
      if (!st.isPointerLike()) {
        if (arrow && i == 0) {
          throw error(span, "'->' on a value of type " + v.type().displayName() + ", which is not a pointer");
        }
        return v;
      }
      if (st.kind() == TypeInfo.Kind.POINTER && !arrow && st.name() == null && i == 0) {
        // C: "p.f" on a pointer is accepted like "p->f" (what the user means).
        arrow = true;
      }
      long p = v.asLong() & 0xFFFFFFFFL;
      if (p == 0) {
        throw error(span, "dereferencing a null pointer");
      }
      v = v.deref();
      arrow = false;
    }
    return v;
  }

  private Value member(Expr.Member m) {
    Value base = autoDeref(eval(m.base()), m.arrow(), m.span());
    String name = m.isTupleIndex() ? "__" + m.member() : m.member();
    Value r = memberOf(base, name);
    if (r == null && m.isTupleIndex()) {
      r = memberOf(base, m.member());
    }
    if (r == null) {
      throw error(m.memberSpan(), "no member named '" + m.member() + "' in " + base.type().displayName());
    }
    return r;
  }

  private static Value memberOf(Value base, String name) {
    Pretty.Form form = Pretty.of(base);
    if (form != null) {
      Value vm = form.variantMember(name);
      if (vm != null) {
        return vm;
      }
    }
    return Pretty.member(base, name);
  }

  private Value index(Expr.Index ix) {
    Value base = eval(ix.base());
    TypeInfo st = base.type().strip();
    if (st.kind() == TypeInfo.Kind.REFERENCE || st.kind() == TypeInfo.Kind.RVALUE_REFERENCE
        || (st.isPointerLike() && st.name() != null && st.name().startsWith("&"))) {
      base = base.deref();
      st = base.type().strip();
    }
    long i = integer(eval(ix.index()), ix.index().span());
    Pretty.Form form = Pretty.of(base);
    if (form != null && form.isSequence()) {
      long n = form.length();
      if (i < 0 || i >= n) {
        throw error(ix.index().span(), "index " + i + " out of range (length " + n + ")");
      }
      return form.element(i);
    }
    if (st.kind() == TypeInfo.Kind.ARRAY) {
      TypeInfo elem = Children.elementType(st);
      long count = st.dimensions().isEmpty() ? -1 : st.dimensions().get(0);
      if (count >= 0 && (i < 0 || i >= count) && count > 0) {
        throw error(ix.index().span(), "index " + i + " out of range (array of " + count + ")");
      }
      return base.at(elem, i * Math.max(0, elem.size()));
    }
    if (st.kind() == TypeInfo.Kind.POINTER) {
      TypeInfo elem = st.target();
      long es = elem.size();
      if (es <= 0) {
        throw error(ix.span(), "cannot index a pointer to " + elem.displayName());
      }
      long p = base.asLong() & 0xFFFFFFFFL;
      return Value.inMemory(elem, (p + i * es) & 0xFFFFFFFFL, env);
    }
    throw error(ix.base().span(), "cannot index a value of type " + base.type().displayName());
  }

  // ---- casts

  private Value cast(Expr.Cast c) {
    TypeInfo t = resolveType(c.type());
    Value v = eval(c.operand());
    TypeInfo ts = t.strip();
    TypeInfo vs = v.type().strip();
    if (ts.isPointerLike() || ts.kind() == TypeInfo.Kind.ENUM || isIntegral(ts)) {
      long bits;
      if (vs.kind() == TypeInfo.Kind.ARRAY && v.address() >= 0) {
        bits = v.address();
      } else if (isFloat(vs)) {
        bits = (long) v.asDouble();
      } else {
        bits = integer(v, c.operand().span());
      }
      return Value.ofBits(t, bits, env);
    }
    if (isFloat(ts)) {
      double d = number(v, c.operand().span());
      return ts.size() == 4 ? Value.ofBits(t, Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL, env)
          : Value.ofBits(t, Double.doubleToRawLongBits(d), env);
    }
    // An aggregate: "(MyThing)0xfff2c" reads the object at that address; an object is reinterpreted in place.
    if (v.address() >= 0 && !isIntegral(vs) && !vs.isPointerLike()) {
      return Value.inMemory(t, v.address(), env);
    }
    long addr = integer(v, c.operand().span()) & 0xFFFFFFFFL;
    return Value.inMemory(t, addr, env);
  }

  TypeInfo resolveType(TypeName tn) {
    TypeName.BaseType b = tn.base();
    TypeInfo t;
    String q = b.qualifiedName();
    if (b.kind() == TypeName.Kind.BUILTIN) {
      t = TypeLookup.find(frame.physical, q);
      if (t == null) {
        t = Builtins.get(q);
      }
    } else {
      t = TypeLookup.find(frame.physical, q);
      if (t == null && b.kind() == TypeName.Kind.NAMED) {
        t = Builtins.get(q);
      }
    }
    if (t == null) {
      throw error(tn.span(), "no type named '" + b + "' in the program's DWARF");
    }
    if (b.isConst()) {
      t = TypeInfo.builder(TypeInfo.Kind.CONST).target(t).build();
    }
    for (TypeName.Derivation d : tn.derivations()) {
      if (d instanceof TypeName.Pointer) {
        t = Builtins.pointerTo(t);
      } else if (d instanceof TypeName.Array a) {
        t = TypeInfo.builder(TypeInfo.Kind.ARRAY).target(t)
            .dimensions(List.of(a.length().isPresent() ? a.length().getAsLong() : -1L)).build();
      }
    }
    return t;
  }

  /** Helper for console commands: evaluates and returns the raw value. */
  Value value(Expr e, String source) {
    this.text = source;
    return eval(e);
  }

  static List<String> split(String q) {
    return new ArrayList<>(List.of(q.split("::")));
  }
}
