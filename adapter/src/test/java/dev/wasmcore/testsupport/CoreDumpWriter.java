package dev.wasmcore.testsupport;

import dev.wasmcore.coredump.StackLayout;
import dev.wasmcore.wasm.WasmValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes core dumps for unit tests: Coredump.md ({@code core}, {@code coremodules}, {@code coreinstances}, one
 * {@code corestack} per thread, memory, global and data sections), or the frames in the rewriter's or WasmEdge's
 * layout. Independent of the reader: values are encoded here from their spec definitions.
 */
public final class CoreDumpWriter {
  /** One frame to write. */
  public record Frame(long instance, long func, long offset, List<WasmValue> locals, List<WasmValue> stack) {}

  /** A thread under construction. */
  public final class Thread {
    private final String name;
    private final List<Frame> frames = new ArrayList<>();

    private Thread(String name) {
      this.name = name;
    }

    /** Adds a frame (youngest first). */
    public Thread frame(long instance, long func, long offset, List<WasmValue> locals, List<WasmValue> stack) {
      frames.add(new Frame(instance, func, offset, locals, stack));
      return this;
    }

    public CoreDumpWriter done() {
      return CoreDumpWriter.this;
    }
  }

  private String process = "test.wasm";
  private final List<String> modules = new ArrayList<>();
  private final List<byte[]> instances = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final WasmBuilder sections = new WasmBuilder();
  private StackLayout layout = StackLayout.SPEC;
  private boolean writeModules = true;
  private boolean writeInstances = true;

  public CoreDumpWriter process(String name) {
    this.process = name;
    return this;
  }

  public CoreDumpWriter module(String name) {
    modules.add(name);
    return this;
  }

  public CoreDumpWriter instance(long module, long[] memories, long[] globals) {
    Bytes b = new Bytes().u8(0).uleb(module).uleb(memories.length);
    for (long m : memories) {
      b.uleb(m);
    }
    b.uleb(globals.length);
    for (long g : globals) {
      b.uleb(g);
    }
    instances.add(b.toByteArray());
    return this;
  }

  public Thread thread(String name) {
    Thread t = new Thread(name);
    threads.add(t);
    return t;
  }

  /** A memory of {@code pages} 64 KiB pages (no maximum). */
  public CoreDumpWriter memory(long pages, boolean memory64) {
    sections.memory(pages, -1, memory64);
    return this;
  }

  /** A data segment for memory 0 at a 32-bit address (i32.const, the address as signed). */
  public CoreDumpWriter segment(long address, byte[] bytes) {
    sections.data(Bytes.i32Const((int) address), bytes);
    return this;
  }

  /** A data segment for memory 0 at a 64-bit address (i64.const). */
  public CoreDumpWriter segment64(long address, byte[] bytes) {
    sections.data(Bytes.i64Const(address), bytes);
    return this;
  }

  /** A global with a constant value. */
  public CoreDumpWriter global(int valType, boolean mutable, byte[] initExpr) {
    sections.global(valType, mutable, initExpr);
    return this;
  }

  /** The frame layout to write. */
  public CoreDumpWriter layout(StackLayout layout) {
    this.layout = layout;
    return this;
  }

  /** Leave out coremodules / coreinstances (rewriter runtime). */
  public CoreDumpWriter withoutModuleSections() {
    writeModules = false;
    writeInstances = false;
    return this;
  }

  public byte[] build() {
    WasmBuilder b = new WasmBuilder();
    b.custom("core", new Bytes().u8(0).name(process).toByteArray());
    if (writeModules) {
      Bytes m = new Bytes().uleb(modules.size());
      for (String n : modules) {
        m.u8(0).name(n);
      }
      b.custom("coremodules", m.toByteArray());
    }
    if (writeInstances) {
      Bytes in = new Bytes().uleb(instances.size());
      instances.forEach(in::raw);
      b.custom("coreinstances", in.toByteArray());
    }
    for (Thread t : threads) {
      Bytes s = new Bytes().u8(0).name(t.name).uleb(t.frames.size());
      for (Frame f : t.frames) {
        s.u8(0);
        if (layout != StackLayout.WASMEDGE) {
          s.uleb(f.instance());
        }
        s.uleb(f.func()).uleb(f.offset());
        if (layout == StackLayout.SPEC) {
          s.uleb(f.locals().size());
          f.locals().forEach(v -> specValue(s, v));
          s.uleb(f.stack().size());
          f.stack().forEach(v -> specValue(s, v));
        } else {
          s.uleb(f.locals().size()).uleb(f.stack().size());
          f.locals().forEach(v -> fixedValue(s, v));
          f.stack().forEach(v -> fixedValue(s, v));
        }
      }
      b.custom("corestack", s.toByteArray());
    }
    byte[] head = b.build();
    byte[] tail = sections.build();
    // the typed sections (memory, global, data) come after the custom sections: drop the second preamble
    byte[] out = new byte[head.length + tail.length - 8];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 8, out, head.length, tail.length - 8);
    return out;
  }

  /** Coredump.md value: type byte, then s32/s64 LEB128 or little-endian float bits; 0x01 missing. */
  static void specValue(Bytes s, WasmValue v) {
    switch (v.kind()) {
      case MISSING: s.u8(0x01); break;
      case I32: s.u8(0x7F).sleb(v.asLong()); break;
      case I64: s.u8(0x7E).sleb(v.asLong()); break;
      case F32: s.u8(0x7D).u32le(v.bits()); break;
      case F64: s.u8(0x7C).u64le(v.bits()); break;
      default: throw new IllegalArgumentException("not a dump value: " + v);
    }
  }

  /** Rewriter/WasmEdge value: type byte, then a fixed-width little-endian payload. */
  static void fixedValue(Bytes s, WasmValue v) {
    switch (v.kind()) {
      case MISSING: s.u8(0x01); break;
      case I32: s.u8(0x7F).u32le(v.asLong()); break;
      case I64: s.u8(0x7E).u64le(v.asLong()); break;
      case F32: s.u8(0x7D).u32le(v.bits()); break;
      case F64: s.u8(0x7C).u64le(v.bits()); break;
      default: throw new IllegalArgumentException("not a dump value: " + v);
    }
  }

  public Path write(Path file) {
    try {
      return Files.write(file, build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
