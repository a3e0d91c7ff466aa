package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * One function body of the Code section (core spec 5.5.13): {@code size:u32} then the body, which starts with the
 * local declarations. The body starts at the byte right after the size LEB128: that is the origin of a core dump's
 * {@link CodeOffset}.
 *
 * @param funcIndex the function's index in the function index space (imports counted)
 * @param sizeFieldOffset the file offset of the body-size LEB128
 * @param body the body, from the first local declaration byte to the final {@code end}
 */
public record FunctionBody(long funcIndex, FileOffset sizeFieldOffset, ByteRegion body) {
  /** One run of locals of one type: {@code count} locals of {@code type}. */
  public record LocalDecl(long count, ValType type) {}

  /** File offset of the first body byte. */
  public FileOffset start() {
    return new FileOffset(body.start());
  }

  /** File offset just past the body. */
  public FileOffset end() {
    return new FileOffset(body.end());
  }

  public long size() {
    return body.length();
  }

  /** The local declarations (not the parameters), as written: runs of (count, type). */
  public List<LocalDecl> localDecls() {
    ByteReader r = body.reader();
    int n = r.vecLength(2, "local declaration");
    List<LocalDecl> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long count = r.varU32();
      out.add(new LocalDecl(count, ValType.read(r)));
    }
    return out;
  }

  /** File offset of the first instruction, after the local declarations. */
  public FileOffset codeStart() {
    ByteReader r = body.reader();
    int n = r.vecLength(2, "local declaration");
    for (int i = 0; i < n; i++) {
      r.varU32();
      ValType.read(r);
    }
    return new FileOffset(r.position());
  }
}
