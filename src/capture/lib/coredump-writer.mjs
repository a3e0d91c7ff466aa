// Writer for WebAssembly core dumps in the tool-conventions Coredump.md format.
//
// A core dump is itself a wasm module (magic, version 1) made of:
//   custom "core"          process-info  ::= 0x00 executable-name:name
//   custom "coremodules"   vec(0x00 module-name:name)
//   custom "coreinstances" vec(0x00 moduleidx:u32 memories:vec(u32) globals:vec(u32))
//   custom "corestack"     one per thread:
//                          0x00 thread-name:name vec(frame)
//                          frame ::= 0x00 instanceidx:u32 funcidx:u32 codeoffset:u32
//                                    locals:vec(value) stack:vec(value)
//                          value ::= 0x01 (missing) | 0x7F i32 (sLEB) | 0x7E i64 (sLEB)
//                                  | 0x7D f32 (4 bytes LE) | 0x7C f64 (8 bytes LE)
//   memory section (5)     the limits of every captured memory, min = its size in pages
//   global section (6)     every captured global as an immutable constant
//   data section (11)      active segments at constant offsets holding the non-zero parts
//                          of each memory; bytes no segment covers are zero.
// Frames are written youngest first; funcidx counts imported functions; codeoffset is
// relative to the function body's start (the byte after the body-size LEB128).
import { encodeUnsigned, encodeSigned } from './leb128.mjs';

/** Growable byte buffer. */
class Out {
  constructor() { this.chunks = []; this.length = 0; }
  byte(b) { this.bytes([b]); return this; }
  bytes(arr) { const u = arr instanceof Uint8Array ? arr : Uint8Array.from(arr); this.chunks.push(u); this.length += u.length; return this; }
  u32(n) { return this.bytes(encodeUnsigned(n)); }
  name(s) { const u = new TextEncoder().encode(s); return this.u32(u.length).bytes(u); }
  finish() {
    const r = new Uint8Array(this.length); let p = 0;
    for (const c of this.chunks) { r.set(c, p); p += c.length; }
    return r;
  }
}

function section(out, id, payload) { out.byte(id).u32(payload.length).bytes(payload); }
function customSection(out, name, payload) {
  const inner = new Out().name(name).bytes(payload).finish();
  section(out, 0, inner);
}

/** Little-endian bytes of a float; `value` may be a number or one of the strings NaN/Infinity/-Infinity/-0. */
function floatBytes(value, width) {
  const dv = new DataView(new ArrayBuffer(width));
  const v = typeof value === 'string' ? Number(value) : value;
  if (width === 4) dv.setFloat32(0, v, true); else dv.setFloat64(0, v, true);
  return new Uint8Array(dv.buffer);
}

/**
 * Encode one typed value. `value` for i32: number (taken modulo 2^32, written signed);
 * i64: bigint or decimal string (modulo 2^64, written signed); f32/f64: number; anything else
 * (type 'missing', reference types, v128) is written as missing (0x01).
 * Floats may instead carry `bits` (a bigint of their IEEE bit pattern) to keep NaN payloads.
 */
export function encodeValue({ type, value, bits }) {
  switch (type) {
    case 'i32': return [0x7f, ...encodeSigned(BigInt.asIntN(32, BigInt(value)))];
    case 'i64': return [0x7e, ...encodeSigned(BigInt.asIntN(64, BigInt(value)))];
    case 'f32': {
      if (bits !== undefined) { const b = Number(BigInt.asUintN(32, BigInt(bits))); return [0x7d, b & 0xff, (b >>> 8) & 0xff, (b >>> 16) & 0xff, b >>> 24]; }
      return [0x7d, ...floatBytes(value, 4)];
    }
    case 'f64': {
      if (bits !== undefined) { const b = BigInt.asUintN(64, BigInt(bits)); const r = [0x7c]; for (let i = 0n; i < 8n; i++) r.push(Number((b >> (8n * i)) & 0xffn)); return r; }
      return [0x7c, ...floatBytes(value, 8)];
    }
    default: return [0x01];
  }
}

/** Constant expression (core spec 3.3.10) that produces a global's value, ending with `end`. */
function globalInit({ type, value, bits }) {
  switch (type) {
    case 'i32': return [0x41, ...encodeSigned(BigInt.asIntN(32, BigInt(value))), 0x0b];
    case 'i64': return [0x42, ...encodeSigned(BigInt.asIntN(64, BigInt(value))), 0x0b];
    case 'f32': return [0x43, ...encodeValue({ type, value, bits }).slice(1), 0x0b];
    case 'f64': return [0x44, ...encodeValue({ type, value, bits }).slice(1), 0x0b];
    case 'v128': return [0xfd, 0x0c, ...(value instanceof Uint8Array && value.length === 16 ? value : new Uint8Array(16)), 0x0b];
    case 'externref': return [0xd0, 0x6f, 0x0b];   // references cannot be kept: ref.null
    default: return [0xd0, 0x70, 0x0b];            // funcref and other references: ref.null func
  }
}
const GLOBAL_TYPE_BYTE = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b, externref: 0x6f, funcref: 0x70 };

/**
 * The data segments that hold the non-zero parts of a memory: maximal runs of bytes in which
 * no zero gap is at least `gap` bytes long (a segment costs about 8 bytes of header, so short
 * zero gaps are cheaper inside a segment than between two). Scans 32-bit words, so a 4 GiB
 * memory takes one pass of 2^30 word reads; leading and trailing zero bytes of each run are
 * trimmed to the byte.
 * @param {Uint8Array} mem the memory image
 * @returns {{offset: number, length: number}[]}
 */
export function nonZeroRuns(mem, gap = 32) {
  const runs = [];
  const words = Math.floor(mem.length / 4);
  const w = (mem.byteOffset % 4 === 0) ? new Uint32Array(mem.buffer, mem.byteOffset, words) : null;
  const wordAt = w ? (i) => w[i] : (i) => mem[4 * i] | mem[4 * i + 1] | mem[4 * i + 2] | mem[4 * i + 3];
  const gapWords = Math.max(1, Math.ceil(gap / 4));
  let start = -1, lastNonZero = -1;
  for (let i = 0; i < words; i++) {
    if (wordAt(i) === 0) {
      if (start >= 0 && i - lastNonZero >= gapWords) { runs.push([start, lastNonZero]); start = -1; }
      continue;
    }
    if (start < 0) start = i;
    lastNonZero = i;
  }
  if (start >= 0) runs.push([start, lastNonZero]);
  const out = [];
  for (const [a, b] of runs) {
    let s = 4 * a, e = 4 * b + 4;
    while (mem[s] === 0) s++;
    while (mem[e - 1] === 0) e--;
    out.push({ offset: s, length: e - s });
  }
  // a tail shorter than one word
  let tailStart = 4 * words;
  let ts = -1, te = -1;
  for (let p = tailStart; p < mem.length; p++) if (mem[p] !== 0) { if (ts < 0) ts = p; te = p + 1; }
  if (ts >= 0) {
    const last = out[out.length - 1];
    if (last && ts - (last.offset + last.length) < gap) last.length = te - last.offset;
    else out.push({ offset: ts, length: te - ts });
  }
  return out;
}

/**
 * Build a core dump.
 * @param {object} dump
 * @param {string} dump.executableName the process name for the `core` section
 * @param {string[]} dump.modules module names, in core module index order
 * @param {{module: number, memories: number[], globals: number[]}[]} dump.instances
 * @param {{name: string, frames: {instance: number, funcIndex: number, codeOffset: number,
 *          locals: object[], stack: object[]}[]}[]} dump.threads frames youngest first
 * @param {{bytes: Uint8Array, is64?: boolean, shared?: boolean, max?: bigint|number|null}[]} dump.memories
 *          memory images; the page count is bytes.length / 65536
 * @param {{type: string, value: any, bits?: bigint}[]} dump.globals
 * @param {{gap?: number}} [options]
 * @returns {Uint8Array} the core dump file
 */
export function writeCoreDump(dump, options = {}) {
  const out = new Out();
  out.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

  customSection(out, 'core', new Out().byte(0).name(dump.executableName).finish());

  const mods = new Out().u32(dump.modules.length);
  for (const name of dump.modules) mods.byte(0).name(name);
  customSection(out, 'coremodules', mods.finish());

  const inst = new Out().u32(dump.instances.length);
  for (const i of dump.instances) {
    inst.byte(0).u32(i.module);
    inst.u32(i.memories.length); for (const x of i.memories) inst.u32(x);
    inst.u32(i.globals.length); for (const x of i.globals) inst.u32(x);
  }
  customSection(out, 'coreinstances', inst.finish());

  for (const thread of dump.threads) {
    const st = new Out().byte(0).name(thread.name).u32(thread.frames.length);
    for (const f of thread.frames) {
      st.byte(0).u32(f.instance).u32(f.funcIndex).u32(f.codeOffset);
      st.u32(f.locals.length); for (const v of f.locals) st.bytes(encodeValue(v));
      st.u32(f.stack.length); for (const v of f.stack) st.bytes(encodeValue(v));
    }
    customSection(out, 'corestack', st.finish());
  }

  // memory section: limits flags bit 0 = has max, bit 1 = shared, bit 2 = 64-bit indices
  if (dump.memories.length) {
    const ms = new Out().u32(dump.memories.length);
    for (const m of dump.memories) {
      if (m.bytes.length % 65536 !== 0) throw new RangeError('a memory image must be a whole number of 64 KiB pages');
      const pages = m.bytes.length / 65536;
      const hasMax = m.max !== undefined && m.max !== null;
      ms.byte((hasMax ? 1 : 0) | (m.shared ? 2 : 0) | (m.is64 ? 4 : 0)).u32(pages);
      if (hasMax) ms.u32(m.max);
    }
    section(out, 5, ms.finish());
  }

  if (dump.globals.length) {
    const gs = new Out().u32(dump.globals.length);
    for (const g of dump.globals) {
      const t = GLOBAL_TYPE_BYTE[g.type];
      if (t === undefined) throw new RangeError(`global type ${g.type} cannot be written`);
      gs.byte(t).byte(0).bytes(globalInit(g));
    }
    section(out, 6, gs.finish());
  }

  // data section: active segments, mode 0 for memory 0, mode 2 (explicit memory index) otherwise;
  // offsets are i32.const, or i64.const for a 64-bit memory.
  const segments = [];
  dump.memories.forEach((m, memIndex) => {
    for (const run of nonZeroRuns(m.bytes, options.gap ?? 32)) segments.push({ memIndex, run, m });
  });
  if (segments.length) {
    const ds = new Out().u32(segments.length);
    for (const { memIndex, run, m } of segments) {
      if (memIndex === 0) ds.byte(0); else ds.byte(2).u32(memIndex);
      if (m.is64) ds.byte(0x42).bytes(encodeSigned(BigInt(run.offset)));
      else ds.byte(0x41).bytes(encodeSigned(BigInt.asIntN(32, BigInt(run.offset))));
      ds.byte(0x0b).u32(run.length).bytes(m.bytes.subarray(run.offset, run.offset + run.length));
    }
    section(out, 11, ds.finish());
  }
  return out.finish();
}
