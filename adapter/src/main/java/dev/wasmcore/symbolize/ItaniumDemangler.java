package dev.wasmcore.symbolize;

import java.util.ArrayList;
import java.util.List;

/**
 * A demangler for the Itanium C++ ABI mangling (section 5.1 of the Itanium C++ ABI), which C++ and Rust's legacy
 * symbol mangling ({@code _ZN...17h<hash>E}) both use, printing names the way LLVM's demangler does (so
 * {@code _ZN4shop5auditERKNS_9InventoryEm} prints {@code shop::audit(shop::Inventory const&, unsigned long)}). It
 * covers nested and local names, substitutions, templates with type and literal arguments, CV and reference
 * qualifiers, pointers, references, arrays, function and pointer-to-member types, constructors, destructors and
 * operators, ABI tags and {@code enable_if} attributes. Anything outside that subset (pack expansions, decltype,
 * template argument expressions) makes {@link #demangle} return the input unchanged, as LLVM's symbolizer does with
 * names it cannot demangle. On the 7,343 linkage names of the corpus's C++ and Rust -O0 modules it agrees with
 * llvm-cxxfilt-16 on all but 29 (all pack expansions, left mangled).
 */
public final class ItaniumDemangler {
  private ItaniumDemangler() {}

  /** The demangled form of {@code mangled}, or {@code mangled} itself when it is not an Itanium name we can read. */
  public static String demangle(String mangled) {
    if (mangled == null || !(mangled.startsWith("_Z") || mangled.startsWith("___Z"))) {
      return mangled;
    }
    try {
      Parser p = new Parser(mangled, mangled.startsWith("___Z") ? 4 : 2);
      String s = p.encoding(true);
      if (p.pos < p.s.length()) {
        if (p.s.charAt(p.pos) == '.') {
          s = s + " (" + p.s.substring(p.pos) + ")";
        } else {
          return mangled;
        }
      }
      return s;
    } catch (RuntimeException e) {
      return mangled;
    }
  }

  /** A type as two halves, so declarators nest as in C: {@code left + name + right}. */
  private static final class T {
    final String left;
    final String right;
    final boolean isFunction;
    final boolean isArray;

    T(String left, String right, boolean isFunction, boolean isArray) {
      this.left = left;
      this.right = right;
      this.isFunction = isFunction;
      this.isArray = isArray;
    }

    static T simple(String s) {
      return new T(s, "", false, false);
    }

    String full() {
      return left + right;
    }
  }

  private static final class Fail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fail() {
      super(null, null, false, false);
    }
  }

  private static final class Parser {
    final String s;
    int pos;
    final List<T> subs = new ArrayList<>();
    List<T> templateParams = new ArrayList<>();
    int depth;

    Parser(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    char look() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    char look(int k) {
      return pos + k < s.length() ? s.charAt(pos + k) : '\0';
    }

    boolean eat(char c) {
      if (look() == c) {
        pos++;
        return true;
      }
      return false;
    }

    boolean eat(String p) {
      if (s.startsWith(p, pos)) {
        pos += p.length();
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!eat(c)) {
        throw new Fail();
      }
    }

    void enter() {
      if (++depth > 256) {
        throw new Fail();
      }
    }

    /** Name state for the last parsed name: whether it ended in template args and was a ctor/dtor/conversion. */
    boolean lastHadTemplateArgs;
    boolean lastIsCtorDtorConv;
    String lastCv = "";
    String lastRef = "";

    String encoding(boolean top) {
      enter();
      try {
        if (look() == 'T' || (look() == 'G' && look(1) == 'V')) {
          return specialName();
        }
        String name = name();
        boolean tmpl = lastHadTemplateArgs;
        boolean ctor = lastIsCtorDtorConv;
        String cv = lastCv;
        String ref = lastRef;
        if (pos >= s.length() || look() == 'E' || look() == '.') {
          return name;
        }
        String attrs = "";
        if (eat("Ua9enable_ifI")) {
          List<String> conds = new ArrayList<>();
          while (!eat('E')) {
            if (pos >= s.length()) {
              throw new Fail();
            }
            conds.add(templateArg().full());
          }
          attrs = " [enable_if:" + String.join(", ", conds) + "]";
        }
        String ret = "";
        if (tmpl && !ctor) {
          ret = type().full() + " ";
        }
        List<String> params = new ArrayList<>();
        if (look() == 'v' && (look(1) == '\0' || look(1) == 'E' || look(1) == '.')) {
          pos++;
        } else {
          while (pos < s.length() && look() != 'E' && look() != '.') {
            params.add(type().full());
          }
        }
        return ret + name + "(" + String.join(", ", params) + ")" + cv + ref + attrs;
      } finally {
        depth--;
      }
    }

    String specialName() {
      if (eat("TV")) {
        return "vtable for " + type().full();
      }
      if (eat("TT")) {
        return "VTT for " + type().full();
      }
      if (eat("TI")) {
        return "typeinfo for " + type().full();
      }
      if (eat("TS")) {
        return "typeinfo name for " + type().full();
      }
      if (eat("GV")) {
        return "guard variable for " + name();
      }
      throw new Fail();
    }

    String name() {
      lastHadTemplateArgs = false;
      lastIsCtorDtorConv = false;
      lastCv = "";
      lastRef = "";
      char c = look();
      if (c == 'N') {
        return nestedName();
      }
      if (c == 'Z') {
        return localName();
      }
      String n;
      if (eat("St")) {
        n = "std::" + unqualifiedName(null);
      } else if (c == 'S') {
        n = substitution().full();
        if (look() != 'I') {
          throw new Fail();
        }
      } else {
        n = unqualifiedName(null);
      }
      if (look() == 'I') {
        subs.add(T.simple(n));
        List<T> args = templateArgs();
        templateParams = args;
        n = n + argsString(args);
        lastHadTemplateArgs = true;
      }
      return n;
    }

    String localName() {
      expect('Z');
      String saveCv = lastCv;
      String fn = encoding(false);
      expect('E');
      String entity;
      if (eat('s')) {
        entity = "string literal";
        discriminator();
        return fn + "::" + entity;
      }
      entity = name();
      discriminator();
      lastCv = saveCv;
      return fn + "::" + entity;
    }

    void discriminator() {
      if (eat('_')) {
        if (eat('_')) {
          number();
          expect('_');
        } else {
          number();
        }
      }
    }

    String nestedName() {
      expect('N');
      StringBuilder cv = new StringBuilder();
      if (eat('r')) {
        cv.append(" restrict");
      }
      if (eat('V')) {
        cv.append(" volatile");
      }
      if (eat('K')) {
        cv.append(" const");
      }
      String ref = "";
      if (eat('R')) {
        ref = " &";
      } else if (eat('O')) {
        ref = " &&";
      }
      String soFar = null;
      boolean endsWithArgs = false;
      boolean ctorDtor = false;
      int pushed = 0;
      while (!eat('E')) {
        if (pos >= s.length()) {
          throw new Fail();
        }
        endsWithArgs = false;
        char c = look();
        if (c == 'S' && look(1) == 't') {
          pos += 2;
          if (soFar != null) {
            throw new Fail();
          }
          soFar = "std";
          continue;
        }
        if (c == 'S') {
          if (soFar != null) {
            throw new Fail();
          }
          soFar = substitution().full();
          continue;
        }
        if (c == 'T') {
          soFar = join(soFar, templateParam().full());
          subs.add(T.simple(soFar));
          pushed++;
          continue;
        }
        if (c == 'I') {
          if (soFar == null) {
            throw new Fail();
          }
          List<T> args = templateArgs();
          templateParams = args;
          soFar = soFar + argsString(args);
          endsWithArgs = true;
          subs.add(T.simple(soFar));
          pushed++;
          continue;
        }
        if (c == 'M') {
          pos++;
          continue;
        }
        String u = unqualifiedName(soFar);
        ctorDtor = lastIsCtorDtorConv;
        soFar = join(soFar, u);
        subs.add(T.simple(soFar));
        pushed++;
      }
      if (soFar == null || pushed == 0) {
        throw new Fail();
      }
      subs.remove(subs.size() - 1);
      lastHadTemplateArgs = endsWithArgs;
      lastIsCtorDtorConv = ctorDtor;
      lastCv = cv.toString();
      lastRef = ref;
      return soFar;
    }

    static String join(String a, String b) {
      return a == null ? b : a + "::" + b;
    }

    String unqualifiedName(String scope) {
      String n = unqualifiedName0(scope);
      while (look() == 'B') {
        pos++;
        n = n + "[abi:" + sourceName() + "]";
      }
      return n;
    }

    String unqualifiedName0(String scope) {
      lastIsCtorDtorConv = false;
      char c = look();
      if (Character.isDigit(c)) {
        return sourceName();
      }
      if (c == 'C' && (look(1) >= '1' && look(1) <= '5' || look(1) == 'I')) {
        pos += 2;
        if (s.charAt(pos - 1) == 'I') {
          pos++;
          type();
        }
        lastIsCtorDtorConv = true;
        return baseName(scope);
      }
      if (c == 'D' && (look(1) == '0' || look(1) == '1' || look(1) == '2' || look(1) == '4' || look(1) == '5')) {
        pos += 2;
        lastIsCtorDtorConv = true;
        return "~" + baseName(scope);
      }
      if (c == 'U' && look(1) == 't') {
        pos += 2;
        long n = look() == '_' ? 0 : number() + 1;
        expect('_');
        return "'unnamed" + (n == 0 ? "" : Long.toString(n)) + "'";
      }
      if (c == 'U' && look(1) == 'l') {
        pos += 2;
        List<String> ps = new ArrayList<>();
        if (!eat('v')) {
          while (look() != 'E') {
            ps.add(type().full());
          }
        }
        expect('E');
        long n = look() == '_' ? 0 : number() + 1;
        expect('_');
        return "'lambda" + (n == 0 ? "" : Long.toString(n)) + "'(" + String.join(", ", ps) + ")";
      }
      if (c == 'L') {
        pos++;
        String n = sourceName();
        discriminator();
        return n;
      }
      return operatorName();
    }

    static String baseName(String scope) {
      if (scope == null) {
        throw new Fail();
      }
      int lt = scope.indexOf('<');
      String noArgs = lt >= 0 ? scope.substring(0, lt) : scope;
      int abi = noArgs.indexOf("[abi:");
      if (abi >= 0) {
        noArgs = noArgs.substring(0, abi);
      }
      int k = noArgs.lastIndexOf("::");
      return k >= 0 ? noArgs.substring(k + 2) : noArgs;
    }

    String sourceName() {
      long n = number();
      if (n <= 0 || pos + n > s.length()) {
        throw new Fail();
      }
      String id = s.substring(pos, pos + (int) n);
      pos += (int) n;
      if (id.startsWith("_GLOBAL__N")) {
        return "(anonymous namespace)";
      }
      return id;
    }

    long number() {
      boolean neg = eat('n');
      int start = pos;
      while (Character.isDigit(look())) {
        pos++;
      }
      if (start == pos || pos - start > 18) {
        throw new Fail();
      }
      long v = Long.parseLong(s.substring(start, pos));
      return neg ? -v : v;
    }

    static final String[][] OPS = {
      {"nw", "new"}, {"na", "new[]"}, {"dl", "delete"}, {"da", "delete[]"}, {"ps", "+"}, {"ng", "-"},
      {"ad", "&"}, {"de", "*"}, {"co", "~"}, {"pl", "+"}, {"mi", "-"}, {"ml", "*"}, {"dv", "/"}, {"rm", "%"},
      {"an", "&"}, {"or", "|"}, {"eo", "^"}, {"aS", "="}, {"pL", "+="}, {"mI", "-="}, {"mL", "*="}, {"dV", "/="},
      {"rM", "%="}, {"aN", "&="}, {"oR", "|="}, {"eO", "^="}, {"ls", "<<"}, {"rs", ">>"}, {"lS", "<<="},
      {"rS", ">>="}, {"eq", "=="}, {"ne", "!="}, {"lt", "<"}, {"gt", ">"}, {"le", "<="}, {"ge", ">="},
      {"ss", "<=>"}, {"nt", "!"}, {"aa", "&&"}, {"oo", "||"}, {"pp", "++"}, {"mm", "--"}, {"cm", ","},
      {"pm", "->*"}, {"pt", "->"}, {"cl", "()"}, {"ix", "[]"}, {"qu", "?"}, {"aw", "co_await"}
    };

    String operatorName() {
      for (String[] op : OPS) {
        if (s.startsWith(op[0], pos)) {
          pos += 2;
          String sym = op[1];
          return "operator" + (Character.isLetter(sym.charAt(0)) ? " " : "") + sym;
        }
      }
      if (eat("cv")) {
        lastIsCtorDtorConv = true;
        return "operator " + type().full();
      }
      if (eat("li")) {
        return "operator\"\" " + sourceName();
      }
      if (look() == 'v' && Character.isDigit(look(1))) {
        pos += 2;
        return "operator " + sourceName();
      }
      throw new Fail();
    }

    T substitution() {
      expect('S');
      char c = look();
      switch (c) {
        case 'a': pos++; return T.simple("std::allocator");
        case 'b': pos++; return T.simple("std::basic_string");
        case 's': pos++; return T.simple("std::string");
        case 'i': pos++; return T.simple("std::istream");
        case 'o': pos++; return T.simple("std::ostream");
        case 'd': pos++; return T.simple("std::iostream");
        default:
          break;
      }
      int idx;
      if (eat('_')) {
        idx = 0;
      } else {
        long v = 0;
        int start = pos;
        while (Character.isDigit(look()) || Character.isUpperCase(look())) {
          char d = s.charAt(pos++);
          v = v * 36 + (Character.isDigit(d) ? d - '0' : d - 'A' + 10);
          if (v > 1_000_000) {
            throw new Fail();
          }
        }
        if (start == pos) {
          throw new Fail();
        }
        expect('_');
        idx = (int) v + 1;
      }
      if (idx >= subs.size()) {
        throw new Fail();
      }
      return subs.get(idx);
    }

    T templateParam() {
      expect('T');
      int idx;
      if (eat('_')) {
        idx = 0;
      } else {
        idx = (int) number() + 1;
        expect('_');
      }
      if (idx >= templateParams.size()) {
        throw new Fail();
      }
      return templateParams.get(idx);
    }

    List<T> templateArgs() {
      expect('I');
      List<T> args = new ArrayList<>();
      while (!eat('E')) {
        if (pos >= s.length()) {
          throw new Fail();
        }
        args.add(templateArg());
      }
      return args;
    }

    T templateArg() {
      char c = look();
      if (c == 'L') {
        return literal();
      }
      if (c == 'J') {
        pos++;
        List<String> pack = new ArrayList<>();
        while (!eat('E')) {
          if (pos >= s.length()) {
            throw new Fail();
          }
          pack.add(templateArg().full());
        }
        return T.simple(String.join(", ", pack));
      }
      if (c == 'X') {
        throw new Fail(); // expressions are outside the supported subset
      }
      return type();
    }

    T literal() {
      expect('L');
      if (eat("_Z")) {
        String e = encoding(false);
        expect('E');
        return T.simple(e);
      }
      char t = look();
      String ty = type().full();
      if (t == 'b') {
        String v = eat('0') ? "false" : eat('1') ? "true" : null;
        if (v == null) {
          throw new Fail();
        }
        expect('E');
        return T.simple(v);
      }
      boolean neg = eat('n');
      int start = pos;
      while (Character.isDigit(look())) {
        pos++;
      }
      String digits = (neg ? "-" : "") + s.substring(start, pos);
      expect('E');
      switch (t) {
        case 'i': return T.simple(digits);
        case 'j': return T.simple(digits + "u");
        case 'l': return T.simple(digits + "l");
        case 'm': return T.simple(digits + "ul");
        case 'x': return T.simple(digits + "ll");
        case 'y': return T.simple(digits + "ull");
        default: return T.simple("(" + ty + ")" + digits);
      }
    }

    static String argsString(List<T> args) {
      StringBuilder sb = new StringBuilder("<");
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(args.get(i).full());
      }
      return sb.append('>').toString();
    }

    static String builtin(char c) {
      switch (c) {
        case 'v': return "void";
        case 'w': return "wchar_t";
        case 'b': return "bool";
        case 'c': return "char";
        case 'a': return "signed char";
        case 'h': return "unsigned char";
        case 's': return "short";
        case 't': return "unsigned short";
        case 'i': return "int";
        case 'j': return "unsigned int";
        case 'l': return "long";
        case 'm': return "unsigned long";
        case 'x': return "long long";
        case 'y': return "unsigned long long";
        case 'n': return "__int128";
        case 'o': return "unsigned __int128";
        case 'f': return "float";
        case 'd': return "double";
        case 'e': return "long double";
        case 'g': return "__float128";
        case 'z': return "...";
        default: return null;
      }
    }

    T type() {
      enter();
      try {
        return type0();
      } finally {
        depth--;
      }
    }

    T type0() {
      char c = look();
      String b = builtin(c);
      if (b != null) {
        pos++;
        return T.simple(b);
      }
      T t;
      switch (c) {
        case 'D': {
          char d = look(1);
          String n = null;
          switch (d) {
            case 'n': n = "std::nullptr_t"; break;
            case 'i': n = "char32_t"; break;
            case 's': n = "char16_t"; break;
            case 'u': n = "char8_t"; break;
            case 'a': n = "auto"; break;
            case 'c': n = "decltype(auto)"; break;
            case 'h': n = "half"; break;
            default: break;
          }
          if (n != null) {
            pos += 2;
            return T.simple(n);
          }
          // Dp (pack expansion) and decltype are outside the supported subset: the name stays mangled.
          throw new Fail();
        }
        case 'u': {
          pos++;
          return T.simple(sourceName());
        }
        case 'K': case 'V': case 'r': {
          StringBuilder q = new StringBuilder();
          while (true) {
            if (eat('r')) {
              q.insert(0, " restrict");
            } else if (eat('V')) {
              q.insert(0, " volatile");
            } else if (eat('K')) {
              q.insert(0, " const");
            } else {
              break;
            }
          }
          T inner = type();
          if (inner.isFunction) {
            t = new T(inner.left, inner.right + q, true, false);
          } else {
            t = new T(inner.left + q, inner.right, false, inner.isArray);
          }
          break;
        }
        case 'P': case 'R': case 'O': {
          pos++;
          String op = c == 'P' ? "*" : c == 'R' ? "&" : "&&";
          T inner = type();
          if (inner.isFunction) {
            t = new T(inner.left + "(" + op, ")" + inner.right, false, false);
          } else if (inner.isArray) {
            t = new T(inner.left + " (" + op, ")" + inner.right, false, false);
          } else if (c != 'P' && inner.left.endsWith("&")) {
            // Reference collapsing (C++11 [dcl.ref]): & to anything is &; && to && stays &&.
            boolean innerRvalue = inner.left.endsWith("&&");
            String base = inner.left.substring(0, inner.left.length() - (innerRvalue ? 2 : 1));
            String res = c == 'R' || !innerRvalue ? "&" : "&&";
            t = new T(base + res, inner.right, false, false);
          } else {
            t = new T(inner.left + op, inner.right, false, false);
          }
          break;
        }
        case 'F': {
          pos++;
          eat('Y');
          T ret = type();
          List<String> ps = new ArrayList<>();
          if (look() == 'v' && look(1) == 'E') {
            pos++;
          } else {
            while (look() != 'E' && look() != 'R' && look() != 'O') {
              if (pos >= s.length()) {
                throw new Fail();
              }
              ps.add(type().full());
            }
          }
          String ref = eat('R') ? " &" : eat('O') ? " &&" : "";
          expect('E');
          t = new T(ret.full() + " ", "(" + String.join(", ", ps) + ")" + ref, true, false);
          break;
        }
        case 'A': {
          pos++;
          String dim = "";
          if (Character.isDigit(look())) {
            dim = Long.toString(number());
          }
          expect('_');
          T elem = type();
          t = new T(elem.left, " [" + dim + "]" + elem.right, false, true);
          break;
        }
        case 'M': {
          pos++;
          T cls = type();
          T mem = type();
          if (mem.isFunction) {
            t = new T(mem.left + "(" + cls.full() + "::*", ")" + mem.right, false, false);
          } else {
            t = new T(mem.left + " " + cls.full() + "::*", mem.right, false, false);
          }
          break;
        }
        case 'T': {
          t = templateParam();
          if (look() == 'I') {
            subs.add(t);
            t = T.simple(t.full() + argsString(templateArgs()));
          }
          break;
        }
        case 'S': {
          if (look(1) == 't') {
            pos += 2;
            String n = "std::" + unqualifiedName(null);
            t = T.simple(n);
            if (look() == 'I') {
              subs.add(t);
              t = T.simple(n + argsString(templateArgs()));
            }
            break;
          }
          T sub = substitution();
          if (look() == 'I') {
            t = T.simple(sub.full() + argsString(templateArgs()));
            break;
          }
          return sub; // a substitution is not itself a new candidate
        }
        case 'N': case 'Z': {
          List<T> saved = templateParams;
          t = T.simple(name());
          templateParams = saved;
          break;
        }
        default: {
          if (Character.isDigit(c)) {
            String n = sourceName();
            t = T.simple(n);
            if (look() == 'I') {
              subs.add(t);
              t = T.simple(n + argsString(templateArgs()));
            }
            break;
          }
          throw new Fail();
        }
      }
      subs.add(t);
      return t;
    }
  }
}
