package dev.wasmcore.fuzz;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.CoreInstance;
import dev.wasmcore.coredump.CoreThread;
import dev.wasmcore.coredump.MemoryImage;
import dev.wasmcore.dwarf.AttributeValue;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwarfExpression;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.dwarf.DwarfType;
import dev.wasmcore.dwarf.DwarfVariable;
import dev.wasmcore.dwarf.LineTable;
import dev.wasmcore.dwarf.LocationList;
import dev.wasmcore.dwarf.RangeList;
import dev.wasmcore.inspect.loc.LocationContext;
import dev.wasmcore.inspect.loc.LocationEvaluator;
import dev.wasmcore.inspect.loc.LocationUnavailableException;
import dev.wasmcore.wasm.CodeOffset;
import dev.wasmcore.wasm.DwarfAddress;
import dev.wasmcore.wasm.FunctionBody;
import dev.wasmcore.wasm.WasmModule;
import java.util.List;
import java.util.Map;

/**
 * Drives every public reading API over one (hostile) input, the way the debugger would, so each fuzz and mutation
 * test reaches as much reader code as the input allows. Each step that may legitimately fail with a
 * {@link MalformedInputException} is isolated so one bad part does not hide the rest (readers fail per unit and per
 * section). Loops over counts taken from the input are capped here (a cap in the driver, not in the reader), so the
 * driver itself stays fast; the readers must be bounded on their own.
 */
final class Drivers {
  /** Items visited per list (functions, DIEs, rows, frames), so one huge but valid input stays fast. */
  static final int CAP = 2_000;

  private Drivers() {}

  /** Runs a step; a MalformedInputException is the allowed, per-part outcome and is checked, anything else escapes. */
  static void part(String input, String file, Outcomes.Step s) {
    try {
      s.run();
    } catch (MalformedInputException e) {
      Outcomes.checkMalformed(input, file, e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ----------------------------------------------------------------------------------------------- wasm modules

  /** Every accessor of a module, and its DWARF. */
  static void module(String input, WasmModule m) {
    module(input, m, true);
  }

  /** Every accessor of a module; its DWARF too when {@code walkDwarf}. */
  static void module(String input, WasmModule m, boolean walkDwarf) {
    String f = m.name();
    m.sections();
    m.customSections();
    part(input, f, m::types);
    part(input, f, m::imports);
    part(input, f, () -> {
      long n = m.functionCount();
      for (long i = 0; i < Math.min(n, CAP); i++) {
        long fi = i;
        part(input, f, () -> m.functionType(fi));
        part(input, f, () -> m.functionName(fi));
        part(input, f, () -> m.body(fi).ifPresent(b -> {
          part(input, f, b::localDecls);
          part(input, f, b::codeStart);
          part(input, f, () -> m.dwarfAddress(fi, new CodeOffset(0)));
          part(input, f, () -> m.fileOffset(fi, new CodeOffset(b.size() - 1 < 0 ? 0 : b.size() - 1)));
        }));
      }
    });
    part(input, f, m::tables);
    part(input, f, m::memories);
    part(input, f, () -> {
      long n = m.globals().size() + m.importedCount(dev.wasmcore.wasm.ExternKind.GLOBAL);
      for (long i = 0; i <= Math.min(n, CAP); i++) {
        m.globalType(i);
      }
    });
    part(input, f, m::exports);
    part(input, f, m::startFunction);
    part(input, f, () -> {
      m.elements();
      for (int s = 0; s < 64; s++) {
        m.tableFunction(0, s);
      }
      m.tableFunction(0, Long.MAX_VALUE);
      m.tableFunction(7, 0);
    });
    part(input, f, m::dataSegments);
    part(input, f, m::dataCount);
    if (m.hasCode()) {
      part(input, f, m::codePayloadStart);
      part(input, f, m::codeSection);
      part(input, f, () -> {
        List<FunctionBody> bodies = m.functionBodies();
        for (int i = 0; i < Math.min(bodies.size(), CAP); i++) {
          FunctionBody b = bodies.get(i);
          part(input, f, () -> m.functionAt(m.dwarfAddress(b.start())));
        }
        m.functionAt(new DwarfAddress(Long.MAX_VALUE / 2));
        m.functionAt(new DwarfAddress(0));
      });
      part(input, f, m::codeIdentity);
    }
    part(input, f, () -> m.names().ifPresent(n -> {
      n.moduleName();
      n.localNames(0);
      n.globalName(0);
      n.skippedSubsections();
    }));
    part(input, f, m::producers);
    part(input, f, m::buildId);
    part(input, f, m::buildIdHex);
    part(input, f, m::externalDebugInfo);
    part(input, f, m::sourceMappingUrl);
    part(input, f, () -> {
      Map<String, ByteRegion> debug = m.debugSections();
      if (!debug.isEmpty() && walkDwarf) {
        dwarf(input, f, debug);
      }
    });
  }

  // ----------------------------------------------------------------------------------------------- core dumps

  /** Every accessor of a dump, memory reads at hostile addresses, and frames mapped onto {@code module} if given. */
  static void core(String input, CoreDump d, WasmModule module) {
    String f = d.name();
    d.process();
    d.modules();
    d.producer();
    d.layout();
    List<CoreInstance> instances = d.instances();
    for (CoreThread t : d.threads()) {
      t.name();
      List<CoreFrame> frames = t.frames();
      for (int i = 0; i < Math.min(frames.size(), CAP); i++) {
        CoreFrame fr = frames.get(i);
        fr.locals().size();
        fr.stack().size();
        for (int k = 0; k < Math.min(fr.locals().size(), 64); k++) {
          fr.local(k);
        }
        fr.local(Integer.MAX_VALUE);
        fr.stackValue(Integer.MAX_VALUE);
        d.moduleNameOf(fr);
        part(input, f, () -> d.instanceMemory(fr.instanceIndex(), 0).ifPresent(mem -> mem.readUnsigned(0, 4)));
        d.instanceGlobal(fr.instanceIndex(), 0);
        d.instanceGlobal(fr.instanceIndex(), Long.MAX_VALUE);
        if (module != null) {
          part(input, f, () -> d.dwarfAddress(fr, module));
        }
      }
    }
    for (int i = 0; i < Math.min(instances.size(), 16); i++) {
      d.instanceMemory(i, 0);
      d.instanceMemory(i, Integer.MAX_VALUE);
      d.instanceGlobal(i, 0);
    }
    for (MemoryImage mem : d.memories()) {
      memory(mem);
    }
    d.memory(-1);
    d.memory(Integer.MAX_VALUE);
    d.globals();
  }

  /** Reads a memory image at its edges, in gaps, at negative and enormous addresses, with odd lengths. */
  static void memory(MemoryImage mem) {
    mem.index();
    mem.limits();
    mem.pages();
    mem.segmentCount();
    mem.coveredBytes();
    mem.clippedBytes();
    long size = mem.size();
    long[] addrs = {0, 1, size - 1, size, size + 1, size - 4, size - 8, -1, Long.MIN_VALUE, Long.MAX_VALUE,
        Long.MAX_VALUE - 3, 0xFFFFFFFFL, 0x100000000L, size / 2};
    byte[] buf = new byte[4096];
    for (long a : addrs) {
      mem.isReadable(a, 16);
      mem.isReadable(a, Long.MAX_VALUE);
      mem.isCovered(a);
      mem.read(a, buf, 0, buf.length);
      mem.read(a, 64);
      for (int s = 1; s <= 8; s++) {
        mem.readUnsigned(a, s);
      }
    }
    List<MemoryImage.Piece> pieces = mem.pieces();
    for (int i = 0; i < Math.min(pieces.size(), 64); i++) {
      MemoryImage.Piece p = pieces.get(i);
      mem.read(p.address() - 3, buf, 0, 16);
      mem.read(p.address() + p.length() - 3, buf, 0, 16);
      mem.readUnsigned(p.address() + p.length() - 2, 4);
    }
  }

  // ----------------------------------------------------------------------------------------------- DWARF

  /** Opens the DWARF and walks every unit: DIE tree, attributes of every class, types, variables, lines, lookups. */
  static void dwarf(String input, String file, Map<String, ByteRegion> sections) {
    DwarfInfo di = DwarfInfo.open(sections);
    for (MalformedInputException e : di.errors()) {
      Outcomes.checkMalformed(input, file, e);
    }
    int units = 0;
    for (CompileUnit u : di.units()) {
      if (units++ > 64) {
        break;
      }
      part(input, file, () -> unit(input, file, u));
      part(input, file, () -> lines(u));
    }
    for (long a : new long[] {0, 1, 0x10, 0x100, 0x1000, 0xFFFFFFFFL, Long.MAX_VALUE}) {
      part(input, file, () -> {
        CompileUnit u = di.unitForAddress(a);
        if (u != null) {
          part(input, file, () -> u.subroutineAt(a));
          part(input, file, () -> u.inlinedChain(a));
          part(input, file, () -> u.scopesAt(a));
          part(input, file, () -> {
            LineTable t = u.lineTable();
            if (t != null) {
              t.find(a);
            }
          });
        }
      });
    }
    part(input, file, () -> di.findGlobalVariables("g_outer", null));
    part(input, file, () -> di.findGlobalVariables("a::b::c", null));
    part(input, file, () -> di.dieAt(0));
    part(input, file, () -> di.dieAt(0x0b));
    part(input, file, () -> di.typeUnit(0x1234_5678_9abc_def0L));
    part(input, file, () -> di.stringAt(".debug_str", 0));
  }

  private static void unit(String input, String file, CompileUnit u) {
    u.header();
    part(input, file, u::root);
    part(input, file, u::name);
    part(input, file, u::compilationDirectory);
    part(input, file, u::producer);
    part(input, file, u::language);
    part(input, file, u::baseAddress);
    part(input, file, u::unitRanges);
    part(input, file, () -> u.addressAtIndex(0));
    part(input, file, () -> u.addressAtIndex(Long.MAX_VALUE));
    part(input, file, () -> u.stringOffsetAtIndex(0));
    part(input, file, () -> u.stringOffsetAtIndex(0xFFFFFFFFL));
    u.parseDies();
    int n = u.dieCount();
    for (int i = 0; i < Math.min(n, CAP); i++) {
      Die d = u.die(i);
      part(input, file, () -> die(input, file, d));
    }
    RangeList r = u.unitRanges();
    for (int i = 0; i < Math.min(r.ranges().size(), 16); i++) {
      long a = r.ranges().get(i).low();
      part(input, file, () -> u.subroutineAt(a));
      part(input, file, () -> u.inlinedChain(a));
      part(input, file, () -> u.scopesAt(a));
    }
  }

  private static void die(String input, String file, Die d) {
    d.tag();
    d.parent();
    d.children();
    part(input, file, d::name);
    part(input, file, d::nameRecursive);
    part(input, file, d::linkageName);
    part(input, file, d::qualifiedName);
    part(input, file, d::type);
    part(input, file, d::addressRanges);
    part(input, file, d::lowPc);
    for (AttributeValue v : d.attributes()) {
      part(input, file, () -> attribute(input, file, v));
    }
    part(input, file, () -> type(input, file, DwarfType.of(d), 0));
    part(input, file, () -> variable(input, file, d));
  }

  private static void attribute(String input, String file, AttributeValue v) {
    v.toString();
    switch (v.formClass()) {
      case ADDRESS -> v.asAddress();
      case BLOCK -> v.asBlock();
      case EXPRLOC -> expression(v.asExpression());
      case FLAG -> v.asFlag();
      case REFERENCE -> part(input, file, () -> v.asReference().name());
      case STRING -> v.asString();
      case SECTION_OFFSET, INDEX -> {
        part(input, file, v::asRangeList);
        part(input, file, () -> {
          LocationList l = v.asLocationList();
          for (LocationList.Entry e : l.entries()) {
            part(input, file, () -> expression(e.expression()));
          }
          l.find(0);
          l.find(0x100);
        });
      }
      default -> {
        v.asUnsigned();
        v.asSigned();
        if (v.isLocationList()) {
          part(input, file, v::asLocationList);
        }
      }
    }
  }

  private static void type(String input, String file, DwarfType t, int depth) {
    if (t == null || depth > 8) {
      return;
    }
    part(input, file, t::name);
    part(input, file, t::qualifiedName);
    part(input, file, t::byteSize);
    part(input, file, t::bitSize);
    part(input, file, t::encoding);
    part(input, file, t::isDeclaration);
    part(input, file, t::isEnumClass);
    part(input, file, t::stripTypedefsAndQualifiers);
    part(input, file, t::dimensions);
    part(input, file, () -> {
      for (DwarfType.Member m : t.members()) {
        if (m.locationExpr() != null) {
          expression(m.locationExpr());
        }
      }
    });
    part(input, file, t::enumerators);
    part(input, file, t::variantPart);
    part(input, file, t::parameterTypes);
    part(input, file, t::isVariadic);
    part(input, file, t::containingType);
    part(input, file, t::templateParameters);
    part(input, file, () -> type(input, file, t.target(), depth + 1));
  }

  private static void variable(String input, String file, Die d) {
    int tag = d.tagCode();
    if (tag != 0x34 && tag != 0x05) {
      if (tag == 0x2e || tag == 0x1d || tag == 0x0b) {
        part(input, file, () -> DwarfVariable.declaredIn(d));
        part(input, file, () -> {
          RangeList rl = d.addressRanges();
          long a = rl.isEmpty() ? 0 : rl.lowest();
          DwarfExpression fb = DwarfVariable.frameBase(d, a);
          if (fb != null) {
            expression(fb);
          }
        });
      }
      return;
    }
    DwarfVariable v = DwarfVariable.of(d);
    part(input, file, v::name);
    part(input, file, v::qualifiedName);
    part(input, file, v::type);
    part(input, file, v::declFile);
    part(input, file, v::declLine);
    part(input, file, () -> {
      switch (v.locationKind()) {
        case EXPRESSION -> expression(v.expression());
        case LOCATION_LIST -> {
          for (LocationList.Entry e : v.locationList().entries()) {
            part(input, file, () -> expression(e.expression()));
          }
        }
        case CONST_VALUE -> {
          v.constValue();
          v.constValueBytes();
        }
        default -> { }
      }
    });
    part(input, file, () -> {
      DwarfExpression e = v.expressionAt(0x10);
      if (e != null) {
        expression(e);
      }
    });
  }

  private static void lines(CompileUnit u) {
    LineTable t = u.lineTable();
    if (t == null) {
      return;
    }
    t.header().includeDirectories();
    t.header().fileNames();
    for (int i = 0; i <= Math.min(t.header().fileNames().size(), 64); i++) {
      try {
        t.filePath(i);
      } catch (MalformedInputException e) {
        Outcomes.checkMalformed("line table", null, e);
      }
    }
    List<LineTable.Row> rows = t.rows();
    for (int i = 0; i < Math.min(rows.size(), CAP); i += 7) {
      long a = rows.get(i).address();
      t.lookup(a);
      t.find(a);
    }
    t.sequences();
    t.find(0);
    t.find(Long.MAX_VALUE);
  }

  /** Evaluates a DWARF expression found in the DWARF with a context that answers everything from fixed values. */
  static void expression(DwarfExpression e) {
    if (e == null) {
      return;
    }
    e.toString();
    e.firstOp();
    int addressSize = e.addressSize();
    if (addressSize != 2 && addressSize != 4 && addressSize != 8) {
      return; // the evaluator's precondition; the unit header reader reports odd address sizes itself
    }
    LocationEvaluator ev = new LocationEvaluator(addressSize, e.offsetSize(), e.version());
    try {
      ev.evaluate(e.bytes().reader(), FIXED_CONTEXT);
    } catch (LocationUnavailableException ok) {
      // an answer: the value is not available
    }
  }

  /** A context with a small memory that answers every question; enough to run any expression to its end. */
  static final LocationContext FIXED_CONTEXT = new LocationContext() {
    @Override
    public long wasmLocal(long index) {
      if (index > 1000) {
        throw new LocationUnavailableException(dev.wasmcore.inspect.loc.ValueAvailability.UNAVAILABLE, "no local");
      }
      return 0x1000 + index * 16;
    }

    @Override
    public long wasmGlobal(long index) {
      return 0x2000 + index;
    }

    @Override
    public long operandStack(long index) {
      return index;
    }

    @Override
    public long readMemory(long address, int size) {
      if (address < 0 || address > 0x10000) {
        throw LocationUnavailableException.unreadable(address);
      }
      return (address * 0x9E3779B97F4A7C15L) >>> (64 - size * 8);
    }

    @Override
    public long frameBase() {
      return 0x1100;
    }

    @Override
    public long debugAddr(long index) {
      return index * 4;
    }

    @Override
    public BaseTypeInfo baseType(long unitOffset) {
      return new BaseTypeInfo(4, true, false);
    }
  };
}
