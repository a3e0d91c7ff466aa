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
  private boolean wasmtimeOrder;
  private int imagePages;
  private final java.util.TreeMap<Long, byte[]> imageBytes = new java.util.TreeMap<>();

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

  /**
   * A memory whose contents are {@code bytes} (a whole number of 64 KiB pages), written the way wasmtime writes a
   * memory: the memory split into 4 KiB chunks, each chunk's leading and trailing zero bytes trimmed, an all-zero
   * chunk left out, each rest one active segment at {@code i32.const} (or {@code i64.const} for a 64-bit memory).
   * Described after bytecodealliance/wasmtime, crates/wasmtime/src/runtime/coredump.rs ({@code _serialize}, commit
   * 018e52d01f648341050e06a3fd1e00c262481842); written here from that description, not from its code.
   *
   * @return the number of data segments written
   */
  public int memoryInChunks(byte[] bytes, boolean memory64) {
    if (bytes.length % 65536 != 0) {
      throw new IllegalArgumentException("memory is not a whole number of pages: " + bytes.length);
    }
    memory(bytes.length / 65536, memory64);
    int segments = 0;
    for (int chunk = 0; chunk < bytes.length; chunk += 4096) {
      int first = chunk;
      while (first < chunk + 4096 && bytes[first] == 0) {
        first++;
      }
      if (first == chunk + 4096) {
        continue;
      }
      int last = chunk + 4095;
      while (bytes[last] == 0) {
        last--;
      }
      byte[] part = java.util.Arrays.copyOfRange(bytes, first, last + 1);
      if (memory64) {
        segment64(first, part);
      } else {
        segment(first, part);
      }
      segments++;
    }
    return segments;
  }

  /**
   * Writes the sections in wasmtime's order: {@code core} first, then the memory, global and data sections, then
   * {@code coremodules}, {@code coreinstances} and {@code corestack} (wasmtime's {@code _serialize}, commit above).
   */
  public CoreDumpWriter wasmtimeOrder() {
    this.wasmtimeOrder = true;
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

  /**
   * Writes the dump the way the wasm-coredump rewriter's runtime leaves it: the file is the program's memory of
   * {@code pages} pages, the dump's sections written over its start, a memory section {@code min 0, max pages}, and
   * one data segment whose bytes run from its own file offset to the end of the file, so that memory address A is
   * file offset A above the sections. {@link #imageByte} puts program bytes into that memory. Ignores
   * {@link #memory} and {@link #segment}.
   */
  public CoreDumpWriter runtimeImage(int pages) {
    this.imagePages = pages;
    return this;
  }

  /** Program memory content at {@code address} for {@link #runtimeImage} (lost if the sections cover it). */
  public CoreDumpWriter imageByte(long address, byte[] bytes) {
    imageBytes.put(address, bytes);
    return this;
  }

  private byte[] stack(Thread t) {
    Bytes s = new Bytes().u8(0).name(t.name);
    if (layout == StackLayout.REWRITER_2023_05_U32 || layout == StackLayout.REWRITER_2023_02_U32) {
      // fixed-width layouts of 2023: the runtime kept a u32 frame count (and in 2023-02 its u32 write cursor, counted
      // from the count) in front of the frames
      Bytes frames = new Bytes();
      for (Frame f : t.frames) {
        if (layout == StackLayout.REWRITER_2023_05_U32) {
          frames.u8(0).u32le(f.func()).u32le(f.offset()).u32le(f.locals().size()).u32le(f.stack().size());
        } else {
          frames.u32le(f.func()).u32le(f.offset()).u32le(f.locals().size());
        }
        f.locals().forEach(v -> fixedValue(frames, v));
        f.stack().forEach(v -> fixedValue(frames, v));
      }
      s.u32le(t.frames.size());
      if (layout == StackLayout.REWRITER_2023_02_U32) {
        s.u32le(8 + frames.size());
      }
      return s.raw(frames.toByteArray()).toByteArray();
    }
    s.uleb(t.frames.size());
    for (Frame f : t.frames) {
      s.u8(0);
      if (layout != StackLayout.WASMEDGE && layout != StackLayout.REWRITER_2023_05_LEB) {
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
    return s.toByteArray();
  }

  private byte[] buildImage() {
    WasmBuilder b = new WasmBuilder();
    for (Thread t : threads) {
      b.custom("corestack", stack(t));
    }
    b.custom("core", new Bytes().u8(0).name(process).toByteArray());
    Bytes head = new Bytes().raw(b.build());
    head.u8(5).vec(new Bytes().uleb(1).u8(1).uleb(0).uleb(imagePages).toByteArray());
    long total = (long) imagePages * 65536;
    // data section: id, size, count 1, flags 0, i32.const D, end, byte count, then the bytes up to the end of the
    // file; D (the bytes' own file offset) depends on the widths of the LEB128s before it: iterate to a fixed point
    long d = head.size() + 16;
    for (int i = 0; i < 10; i++) {
      long afterId = head.size() + 1;
      long payloadGuess = total - afterId;
      long sectionSizeLen = Bytes.leb(payloadGuess).length;
      long segHead = 1 + 1 + 1 + Bytes.sleb128((int) d).length + 1;
      long dataLenGuess = total - (afterId + sectionSizeLen + segHead);
      long dataLenLen = Bytes.leb(dataLenGuess).length;
      long next = afterId + sectionSizeLen + segHead + dataLenLen;
      if (next == d) {
        break;
      }
      d = next;
    }
    Bytes seg = new Bytes().uleb(1).u8(0).raw(Bytes.i32Const((int) d));
    long dataLen = total - d;
    seg.uleb(dataLen);
    Bytes out = new Bytes().raw(head.toByteArray()).u8(11).uleb(seg.size() + dataLen).raw(seg.toByteArray());
    if (out.size() != d) {
      throw new IllegalStateException("image layout: data at " + out.size() + ", declared " + d);
    }
    byte[] file = new byte[(int) total];
    byte[] h = out.toByteArray();
    System.arraycopy(h, 0, file, 0, h.length);
    for (java.util.Map.Entry<Long, byte[]> e : imageBytes.entrySet()) {
      if (e.getKey() >= d) {
        System.arraycopy(e.getValue(), 0, file, (int) (long) e.getKey(), e.getValue().length);
      }
    }
    return file;
  }

  public byte[] build() {
    if (imagePages > 0) {
      return buildImage();
    }
    WasmBuilder b = new WasmBuilder();
    if (!wasmtimeOrder) {
      b.custom("core", new Bytes().u8(0).name(process).toByteArray());
    }
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
      b.custom("corestack", stack(t));
    }
    byte[] head = b.build();
    byte[] tail = sections.build();
    if (wasmtimeOrder) {
      // core, then the typed sections, then the other custom sections (each part without its own preamble)
      byte[] core = new WasmBuilder().custom("core", new Bytes().u8(0).name(process).toByteArray()).build();
      Bytes all = new Bytes().raw(core);
      all.raw(java.util.Arrays.copyOfRange(tail, 8, tail.length));
      all.raw(java.util.Arrays.copyOfRange(head, 8, head.length));
      return all.toByteArray();
    }
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
