package dev.wasmcore.wasm.disasm;

import java.util.List;
import java.util.Objects;

/**
 * One decoded instruction of a function body.
 *
 * @param fileOffset absolute file offset of its first byte (the opcode, or the prefix byte)
 * @param length its encoded length in bytes, immediates included
 * @param prefix {@code 0xFC}, {@code 0xFD} or {@code 0xFE} for prefixed opcodes, else 0
 * @param opcode the opcode byte, or the sub-opcode after a prefix
 * @param mnemonic the text-format name ({@code i32.load}); for an undecodable rest of a body, a description such as
 *     {@code unknown 0xfb 0x1e}
 * @param immediates the decoded immediates in encoding order
 * @param depth block nesting for indentation: the body is depth 0; {@code block}/{@code loop}/{@code if} and their
 *     {@code else}/{@code end} sit at the depth outside the block, the instructions inside one deeper
 * @param known false for an unknown opcode or malformed bytes; such an instruction covers the rest of the body,
 *     because without its layout the following bytes cannot be decoded
 */
public record WasmInstruction(long fileOffset, int length, int prefix, int opcode, String mnemonic,
    List<Immediate> immediates, int depth, boolean known) {
  public WasmInstruction {
    Objects.requireNonNull(mnemonic);
    immediates = List.copyOf(immediates);
  }

  /** File offset just past the instruction. */
  public long endOffset() {
    return fileOffset + length;
  }

  /** Whether {@code offset} falls within this instruction's bytes. */
  public boolean contains(long offset) {
    return offset >= fileOffset && offset < fileOffset + length;
  }

  /** True for {@code call} ({@code 0x10}), {@code call_indirect} and the call forms of tail calls and call_ref. */
  public boolean isCall() {
    return prefix == 0 && (opcode >= 0x10 && opcode <= 0x15);
  }

  /** The instruction in text format with indices ({@code call 8}). */
  public String text() {
    return text(SymbolResolver.NONE, -1);
  }

  /**
   * The instruction in the WebAssembly text format: {@code i32.load offset=4 align=2}, {@code call $level3},
   * {@code block (result i32)}, {@code br_table 0 1 2}. {@code offset=} is left out when 0 and {@code align=}
   * (in bytes) when natural, as the text format's abbreviations do.
   *
   * @param symbols names for functions, globals and locals
   * @param funcIndex the function being disassembled (for local names)
   */
  public String text(SymbolResolver symbols, long funcIndex) {
    if (!known) {
      return mnemonic;
    }
    StringBuilder sb = new StringBuilder(mnemonic);
    for (Immediate imm : immediates) {
      appendImmediate(sb, imm, symbols, funcIndex);
    }
    return sb.toString();
  }

  private void appendImmediate(StringBuilder sb, Immediate imm, SymbolResolver symbols, long funcIndex) {
    if (imm instanceof Immediate.Index ix) {
      String name = switch (ix.space()) {
        case FUNC -> symbols.functionName(ix.value()).orElse(null);
        case GLOBAL -> symbols.globalName(ix.value()).orElse(null);
        case LOCAL -> symbols.localName(funcIndex, ix.value()).orElse(null);
        default -> null;
      };
      // Index 0 of memories and tables is the text format's default and left out where it is optional.
      boolean optionalZero = ix.value() == 0 && (ix.space() == Immediate.Space.MEMORY
          || (ix.space() == Immediate.Space.TABLE && isTableDefaulted()));
      if (optionalZero) {
        return;
      }
      if (ix.space() == Immediate.Space.TYPE && (opcode == 0x11 || opcode == 0x13) && prefix == 0) {
        sb.append(" (type ").append(ix.value()).append(')');
        return;
      }
      sb.append(' ').append(name != null && !name.isEmpty() ? id(name) : Long.toString(ix.value()));
    } else if (imm instanceof Immediate.I32 i) {
      sb.append(' ').append(i.value());
    } else if (imm instanceof Immediate.I64 i) {
      sb.append(' ').append(i.value());
    } else if (imm instanceof Immediate.F32 f) {
      sb.append(' ').append(formatF32(f.bits()));
    } else if (imm instanceof Immediate.F64 f) {
      sb.append(' ').append(formatF64(f.bits()));
    } else if (imm instanceof Immediate.V128 v) {
      sb.append(" i32x4");
      for (long half : new long[] {v.low(), v.high()}) {
        sb.append(String.format(" 0x%08x 0x%08x", half & 0xFFFF_FFFFL, half >>> 32));
      }
    } else if (imm instanceof Immediate.MemArg m) {
      if (m.memory() != 0) {
        sb.append(' ').append(m.memory());
      }
      if (m.offset() != 0) {
        sb.append(" offset=").append(Long.toUnsignedString(m.offset()));
      }
      if (m.alignLog2() != m.naturalAlignLog2()) {
        sb.append(" align=").append(m.alignLog2() < 63 ? Long.toString(1L << m.alignLog2()) : "2^" + m.alignLog2());
      }
    } else if (imm instanceof Immediate.BlockType b) {
      if (b.valueType() != null) {
        sb.append(" (result ").append(b.valueType()).append(')');
      } else if (b.typeIndex() >= 0) {
        sb.append(" (type ").append(b.typeIndex()).append(')');
      }
    } else if (imm instanceof Immediate.BrTable t) {
      for (long l : t.labels()) {
        sb.append(' ').append(l);
      }
      sb.append(' ').append(t.defaultLabel());
    } else if (imm instanceof Immediate.Lanes l) {
      for (int lane : l.lanes()) {
        sb.append(' ').append(lane);
      }
    } else if (imm instanceof Immediate.ValTypes v) {
      sb.append(" (result");
      for (String t : v.types()) {
        sb.append(' ').append(t);
      }
      sb.append(')');
    } else if (imm instanceof Immediate.HeapType h) {
      sb.append(' ').append(h.name());
    } else if (imm instanceof Immediate.Catches c) {
      for (Immediate.Catch k : c.catches()) {
        sb.append(" (").append(k.keyword());
        if (k.kind() < 2) {
          sb.append(' ').append(k.tag());
        }
        sb.append(' ').append(k.label()).append(')');
      }
    }
  }

  /** Table index 0 may be left out of {@code call_indirect}, {@code table.init} and {@code table.copy}. */
  private boolean isTableDefaulted() {
    if (prefix == 0) {
      return opcode == 0x11 || opcode == 0x13;
    }
    return prefix == 0xFC && (opcode == 12 || (opcode == 14 && immediates.stream()
        .allMatch(i -> i instanceof Immediate.Index x && x.value() == 0)));
  }

  /** A text-format identifier: {@code $name}, or {@code $"..."} when the name has characters ids cannot hold. */
  static String id(String name) {
    boolean plain = !name.isEmpty();
    for (int i = 0; i < name.length() && plain; i++) {
      char c = name.charAt(i);
      plain = c > 0x20 && c < 0x7F && "\"',;()[]{}".indexOf(c) < 0;
    }
    if (plain) {
      return "$" + name;
    }
    StringBuilder sb = new StringBuilder("$\"");
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c == '"' || c == '\\') {
        sb.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7F) {
        sb.append(String.format("\\%02x", c));
      } else {
        sb.append((char) c);
      }
    }
    return sb.append('"').toString();
  }

  static String formatF32(int bits) {
    float f = Float.intBitsToFloat(bits);
    if (Float.isNaN(f)) {
      int payload = bits & 0x7F_FFFF;
      String sign = bits < 0 ? "-" : "";
      return payload == 0x40_0000 ? sign + "nan" : sign + "nan:0x" + Integer.toHexString(payload);
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    return bits == 0x8000_0000 ? "-0" : Float.toString(f);
  }

  static String formatF64(long bits) {
    double d = Double.longBitsToDouble(bits);
    if (Double.isNaN(d)) {
      long payload = bits & 0xF_FFFF_FFFF_FFFFL;
      String sign = bits < 0 ? "-" : "";
      return payload == 0x8_0000_0000_0000L ? sign + "nan" : sign + "nan:0x" + Long.toHexString(payload);
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return bits == 0x8000_0000_0000_0000L ? "-0" : Double.toString(d);
  }
}
