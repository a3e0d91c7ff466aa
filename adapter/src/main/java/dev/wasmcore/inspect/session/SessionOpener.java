package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CallSiteCheck;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.CoreModule;
import dev.wasmcore.coredump.CoreThread;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ProgressListener;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.SourceLocation;
import dev.wasmcore.symbolize.DebugInfoLocator;
import dev.wasmcore.symbolize.RustLegacyNames;
import dev.wasmcore.symbolize.SourceFrame;
import dev.wasmcore.symbolize.SourceMap;
import dev.wasmcore.wasm.WasmModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens a session: the dump, its modules (given, or found next to the dump by their {@code coremodules} names), a
 * check that each module is the one the dump ran (every frame's function defined and its offset inside the body,
 * before any frame is shown), then every thread's frames symbolized with their inlined levels.
 */
public final class SessionOpener {
  private SessionOpener() {}

  /** Library code: Rust std/core/alloc, cargo crates, wasi-libc, libc++, compiler-rt. */
  private static final Pattern LIBRARY = Pattern.compile(
      "(^|/)rustc/|/usr/src/rustc-[^/]*/library/|/\\.cargo/registry/|/cargo/registry/|^\\./build/|^build/"
          + "|libc-bottom-half|libc-top-half|/wasi-libc/|/usr/lib/llvm-[^/]*/include/c\\+\\+|/include/c\\+\\+/v1/"
          + "|compiler-rt|/library/(std|core|alloc|panic_abort|panic_unwind)/src/");

  static FrameKind classify(String compiledPath, boolean hasLine) {
    if (!hasLine || compiledPath == null || compiledPath.isEmpty()) {
      return FrameKind.NO_SOURCE;
    }
    return LIBRARY.matcher(compiledPath).find() ? FrameKind.LIBRARY : FrameKind.USER;
  }

  public static CoreSession open(SessionOptions options, ProgressListener progress) {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    Path core = options.coreFile();
    if (!Files.isRegularFile(core)) {
      throw new SessionException("core dump not found: " + core);
    }
    p.start("Opening " + core.getFileName());
    CoreDump dump;
    try {
      dump = CoreDump.open(core);
    } catch (MalformedInputException e) {
      p.end();
      throw new SessionException("not a readable wasm core dump: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      p.end();
      throw new SessionException("cannot read core dump " + core + ": " + e.getMessage(), e);
    }
    List<LoadedModule> modules = new ArrayList<>();
    try {
      SourceMap sourceMap = SourceMap.of(options.sourceMap());
      cancelled(p);
      p.update("Loading modules", 10);
      loadModules(options, dump, sourceMap, modules);
      cancelled(p);
      // older rewriter builds count code offsets from elsewhere than the body start: convert once, here, so that
      // symbolization, the prologue walk and call sites all see Coredump.md offsets
      CoreDump read = dump;
      dump = read.withBodyOffsets(cf -> moduleOf(read, modules, cf).wasm);
      checkMatch(dump, modules);
      p.update("Symbolizing frames", 40);
      CoreSession[] holder = new CoreSession[1];
      SourceResolver sources = new SourceResolver(options.sourceSearchPaths());
      List<DebugThread> threads = new ArrayList<>();
      List<List<PhysicalFrame>> physical = new ArrayList<>();
      int[] nextId = {1};
      // Frames need the session for their scopes; the session needs the frames: a holder closes the loop.
      SessionRef ref = new SessionRef();
      for (CoreThread t : dump.threads()) {
        cancelled(p);
        int tid = threads.size() + 1;
        List<FrameView> frames = new ArrayList<>();
        List<PhysicalFrame> pfs = new ArrayList<>();
        for (CoreFrame cf : t.frames()) {
          LoadedModule m = moduleOf(dump, modules, cf);
          long addr = dump.dwarfAddress(cf, m.wasm).value();
          List<SourceFrame> sfs = List.of();
          String symbolizeError = null;
          if (m.symbolizer != null) {
            try {
              sfs = m.symbolizer.symbolize(addr);
            } catch (MalformedInputException e) {
              symbolizeError = e.getMessage();
            }
          }
          List<Die> chain = new ArrayList<>();
          CompileUnit unit = null;
          for (SourceFrame sf : sfs) {
            if (sf.subroutine() != null) {
              chain.add(sf.subroutine());
            }
            if (unit == null) {
              unit = sf.unit();
            }
          }
          PhysicalFrame pf = new PhysicalFrame(tid, cf, m, dump, addr, unit, chain);
          pfs.add(pf);
          if (sfs.isEmpty()) {
            String name = m.functionName(cf.funcIndex());
            frames.add(ref.frame(nextId[0]++, frames.size(), false,
                name != null ? name : "func[" + cf.funcIndex() + "]", null, FrameKind.NO_SOURCE, pf, null, 0));
            if (symbolizeError != null) {
              System.err.println("wasmcore: frame " + cf.index() + ": " + symbolizeError);
            }
            continue;
          }
          for (int k = 0; k < sfs.size(); k++) {
            SourceFrame sf = sfs.get(k);
            // Frames show Rust names as rustfilt does (no hash, escapes decoded); bt --json keeps LLVM's text.
            String name = sf.function() != null && !sf.function().isEmpty() ? RustLegacyNames.readable(sf.function())
                : sf.qualifiedName() != null ? sf.qualifiedName() : null;
            if (name == null && k == sfs.size() - 1) {
              name = m.functionName(cf.funcIndex());
            }
            if (name == null) {
              name = "func[" + cf.funcIndex() + "]";
            }
            SourceLocation loc = null;
            boolean hasLine = sf.hasSource() && sf.line() > 0;
            if (hasLine) {
              Path local = sources.resolve(sf.file());
              loc = new SourceLocation(sf.compiledFile() != null ? sf.compiledFile() : sf.file(), local,
                  (int) sf.line(), (int) Math.max(0, sf.column()));
            }
            Die level = sf.subroutine();
            int levelIndex = level == null ? -1 : chain.indexOf(level);
            frames.add(ref.frame(nextId[0]++, frames.size(), k < sfs.size() - 1, name, loc,
                classify(sf.compiledFile() != null ? sf.compiledFile() : sf.file(), hasLine), pf, level,
                levelIndex));
          }
        }
        threads.add(new ThreadImpl(tid, t.name() == null || t.name().isEmpty() ? "thread " + tid : t.name(),
            frames));
        physical.add(pfs);
      }
      p.update("Rebuilding frame bases", 80);
      for (List<PhysicalFrame> pfs : physical) {
        for (int i = 0; i + 1 < pfs.size(); i++) {
          pfs.get(i).setCaller(pfs.get(i + 1));
        }
        FrameBaseWalk.apply(pfs);
      }
      CrashInfo crash = Crash.info(dump, threads);
      CoreSession s = new CoreSession(options, dump, modules, sourceMap, sources, threads, crash);
      ref.session = s;
      holder[0] = s;
      return s;
    } catch (SessionException | ProgressListener.CancelledException e) {
      closeAll(dump, modules);
      throw e;
    } catch (MalformedInputException e) {
      closeAll(dump, modules);
      throw new SessionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      closeAll(dump, modules);
      throw new SessionException("cannot open the session: " + e, e);
    } finally {
      p.end();
    }
  }

  /** Lets frames built before the session reach it once it exists. */
  static final class SessionRef {
    volatile CoreSession session;

    FrameImpl frame(int id, int index, boolean inlined, String function, SourceLocation loc, FrameKind kind,
        PhysicalFrame pf, Die level, int levelIndex) {
      return new FrameImpl(this, id, index, inlined, function, loc, kind, pf, level, levelIndex);
    }
  }

  private static void cancelled(ProgressListener p) {
    if (p.isCancelled()) {
      throw new ProgressListener.CancelledException();
    }
  }

  private static void closeAll(CoreDump dump, List<LoadedModule> modules) {
    for (LoadedModule m : modules) {
      try {
        m.close();
      } catch (RuntimeException e) {
        // keep closing
      }
    }
    dump.close();
  }

  static String baseName(String path) {
    String s = path.replace('\\', '/');
    int i = s.lastIndexOf('/');
    return i >= 0 ? s.substring(i + 1) : s;
  }

  private static void loadModules(SessionOptions options, CoreDump dump, SourceMap sourceMap,
      List<LoadedModule> out) {
    List<CoreModule> named = dump.modules();
    List<Path> programs = options.programs();
    int count = Math.max(named.size(), programs.isEmpty() ? 0 : Math.min(programs.size(), Math.max(1,
        named.size())));
    if (count == 0) {
      count = 1;
    }
    Path dir = options.coreFile().toAbsolutePath().getParent();
    for (int i = 0; i < count; i++) {
      String name = i < named.size() ? named.get(i).name() : null;
      Path path = null;
      if (name != null) {
        for (Path pr : programs) {
          if (pr.getFileName() != null && pr.getFileName().toString().equals(baseName(name))) {
            path = pr;
          }
        }
      }
      if (path == null && i < programs.size() && (programs.size() == count || named.isEmpty()
          || programs.size() >= named.size())) {
        path = programs.get(i);
      }
      if (path == null && name != null && dir != null) {
        Path next = dir.resolve(baseName(name));
        if (Files.isRegularFile(next)) {
          path = next;
        }
      }
      if (path == null) {
        throw new SessionException("the module " + (name != null ? "'" + name + "'" : "#" + i)
            + " of the dump was not found next to the dump: give its path (launch argument 'program')");
      }
      if (!Files.isRegularFile(path)) {
        throw new SessionException("module file not found: " + path);
      }
      WasmModule wasm;
      try {
        wasm = WasmModule.open(path);
      } catch (MalformedInputException e) {
        throw new SessionException("not a readable wasm module: " + e.getMessage(), e);
      }
      String display = name != null && !name.isEmpty() ? name : path.getFileName().toString();
      // The same search and ownership check as `wasmcore bt` (symbolize.DebugInfoLocator); what it rejected goes
      // to stderr.
      DebugInfoLocator.Result dbg = DebugInfoLocator.locate(wasm, path, options.debugInfoPaths());
      dbg.messages().forEach(m -> System.err.println("wasmcore: " + m));
      out.add(new LoadedModule(i, display, path.toAbsolutePath(), wasm, dbg.module(), dbg.path(), sourceMap));
    }
  }

  static LoadedModule moduleOf(CoreDump dump, List<LoadedModule> modules, CoreFrame cf) {
    long inst = cf.instanceIndex();
    int mi = 0;
    if (inst >= 0 && inst < dump.instances().size()) {
      mi = (int) dump.instances().get((int) inst).moduleIndex();
    }
    if (mi < 0 || mi >= modules.size()) {
      mi = 0;
    }
    return modules.get(mi);
  }

  /** Every frame's function is defined by its module and the offset lies in its body, else the module is wrong. */
  private static void checkMatch(CoreDump dump, List<LoadedModule> modules) {
    for (CoreThread t : dump.threads()) {
      for (CoreFrame cf : t.frames()) {
        LoadedModule m = moduleOf(dump, modules, cf);
        try {
          dump.dwarfAddress(cf, m.wasm);
        } catch (MalformedInputException e) {
          throw new SessionException("the module " + m.path + " does not match the dump " + dump.name()
              + " (" + m.wasm.functionCount() + " functions): " + e.reason(), e);
        }
      }
      // The same call-site check as `wasmcore bt` and `info` (it skips dumps without recorded offsets, WasmEdge).
      Optional<MalformedInputException> mismatch =
          CallSiteCheck.mismatch(dump, t, cf -> moduleOf(dump, modules, cf).wasm);
      if (mismatch.isPresent()) {
        throw new SessionException("the module " + moduleOf(dump, modules, t.frames().get(0)).path
            + " does not match the dump: " + mismatch.get().getMessage(), mismatch.get());
      }
    }
  }
}
