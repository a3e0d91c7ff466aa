package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.inspect.types.TypeInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a type by name for casts and {@code sizeof}: the frame's unit first, then the module's other units. Each
 * unit's type names are indexed once (qualified and simple names; complete definitions win over declarations).
 */
final class TypeLookup {
  private TypeLookup() {}

  static TypeInfo find(PhysicalFrame pf, String name) {
    LoadedModule m = pf.module;
    if (m.dwarf == null) {
      return null;
    }
    String key = name.startsWith("::") ? name.substring(2) : name;
    if (pf.unit != null) {
      Die d = index(m, pf.unit).get(key);
      if (d != null) {
        return m.types.of(d);
      }
    }
    for (CompileUnit u : m.dwarf.infoUnits()) {
      if (u == pf.unit) {
        continue;
      }
      Die d = index(m, u).get(key);
      if (d != null) {
        return m.types.of(d);
      }
    }
    return null;
  }

  private static Map<String, Die> index(LoadedModule m, CompileUnit u) {
    return m.typeIndex.computeIfAbsent(u.offset(), k -> build(u));
  }

  private static Map<String, Die> build(CompileUnit u) {
    Map<String, Die> out = new HashMap<>();
    try {
      u.parseDies();
      for (Die d : u.dies()) {
        int t = d.tagCode();
        if (t != DwarfTypes.TAG_STRUCTURE && t != DwarfTypes.TAG_CLASS && t != DwarfTypes.TAG_UNION
            && t != DwarfTypes.TAG_ENUMERATION && t != DwarfTypes.TAG_TYPEDEF && t != DwarfTypes.TAG_BASE) {
          continue;
        }
        String n = d.name();
        if (n == null) {
          continue;
        }
        boolean decl = d.flag(DwarfTypes.AT_DECLARATION);
        String q = DwarfTypes.qualified(d);
        for (String k : q != null && !q.equals(n) ? new String[] {q, n} : new String[] {n}) {
          Die prev = out.get(k);
          if (prev == null || (prev.flag(DwarfTypes.AT_DECLARATION) && !decl)) {
            out.put(k, d);
          }
        }
      }
    } catch (MalformedInputException e) {
      // a unit that cannot be parsed defines no types here
    }
    return out;
  }
}
