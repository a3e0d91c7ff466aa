// A small reader for the parts of a WebAssembly module (core spec 5.5 "Modules") that a
// core dump capture needs: the function index space (imports first), every function body's
// range in the file, its local declarations, the globals' and memories' types, and the
// `name` custom section. Every read is bounds-checked; errors are ModuleError naming the
// section and the absolute file offset.
//
// Three address spaces meet here (see shared/DESIGN.md):
//   * file offset: a byte offset in the .wasm file. V8's inspector reports the location
//     of a wasm frame as a file offset (columnNumber of Debugger.Location).
//   * code offset: relative to a function body's start, which is the byte right after
//     the body-size LEB128 (where the local declarations begin). Core dump frames store it.
//   * DWARF address: relative to the Code section payload start (the byte after the
//     section-size LEB128, where the function count is).
import { decodeU32, decodeUnsignedBig, decodeSignedBig, LebError } from './leb128.mjs';

/** Malformed module input: what was wrong, in which section, at which file offset. */
export class ModuleError extends Error {
  constructor(offset, section, reason) {
    super(`malformed module: ${reason} in ${section} section at offset ${offset} (0x${offset.toString(16)})`);
    this.name = 'ModuleError';
    this.offset = offset;
    this.section = section;
  }
}

/** Value type byte -> name (core spec 5.3.1-5.3.4; the short reference-type forms). */
export const VALTYPE = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount', 'tag'];

/** Bounded cursor over one section: reads never pass `end`. */
class Cursor {
  constructor(bytes, pos, end, section) { this.b = bytes; this.pos = pos; this.end = end; this.section = section; }
  fail(reason, at = this.pos) { throw new ModuleError(at, this.section, reason); }
  byte() { if (this.pos >= this.end) this.fail('unexpected end'); return this.b[this.pos++]; }
  u32() { return this.wrap(() => decodeU32(this.b, this.pos, this.end)); }
  u64() { return this.wrap(() => decodeUnsignedBig(this.b, this.pos, 64, this.end)); }
  s33() { return this.wrap(() => decodeSignedBig(this.b, this.pos, 33, this.end)); }
  s64() { return this.wrap(() => decodeSignedBig(this.b, this.pos, 64, this.end)); }
  wrap(read) {
    try { const { value, next } = read(); this.pos = next; return value; }
    catch (e) { if (e instanceof LebError) this.fail(e.message.replace(/ at offset.*/, ''), e.offset); throw e; }
  }
  skip(n) { if (n > this.end - this.pos) this.fail(`length ${n} exceeds the ${this.end - this.pos} bytes left`); this.pos += n; }
  name() { const n = this.u32(); const start = this.pos; this.skip(n); return new TextDecoder('utf-8', { fatal: false }).decode(this.b.subarray(start, start + n)); }
  /** A vector count, checked against the bytes left (each element takes at least `minSize` bytes). */
  count(minSize = 1) { const at = this.pos; const n = this.u32(); if (n * minSize > this.end - this.pos) this.fail(`count ${n} larger than the bytes left`, at); return n; }
}

/** Value type: a single byte, or a GC reference type (0x63/0x64 followed by a heap type). */
function readValType(c) {
  const t = c.byte();
  if (t === 0x63 || t === 0x64) { c.s33(); return t === 0x63 ? 'ref null' : 'ref'; }
  const name = VALTYPE[t] ?? (t >= 0x69 && t <= 0x74 ? 'ref' : undefined);
  if (!name) c.fail(`unknown value type 0x${t.toString(16)}`, c.pos - 1);
  return name;
}

function readLimits(c) {
  const flags = c.byte();
  const is64 = (flags & 0x04) !== 0;
  const min = is64 ? c.u64() : BigInt(c.u32());
  const max = (flags & 0x01) ? (is64 ? c.u64() : BigInt(c.u32())) : null;
  return { min, max, shared: (flags & 0x02) !== 0, is64 };
}

/** Skip a constant expression (core spec 3.3.10), through its final `end`. */
function skipConstExpr(c) {
  for (let guard = 0; guard < 1_000_000; guard++) {
    const op = c.byte();
    switch (op) {
      case 0x0b: return;
      case 0x41: c.s64(); break;                 // i32.const (s32 read as wider, same bytes)
      case 0x42: c.s64(); break;                 // i64.const
      case 0x43: c.skip(4); break;               // f32.const
      case 0x44: c.skip(8); break;               // f64.const
      case 0x23: c.u32(); break;                 // global.get
      case 0xd0: c.s33(); break;                 // ref.null heaptype
      case 0xd2: c.u32(); break;                 // ref.func
      case 0x6a: case 0x6b: case 0x6c: case 0x7c: case 0x7d: case 0x7e: break;  // extended-const add/sub/mul
      case 0xfd: { const sub = c.u32(); if (sub !== 12) c.fail(`unsupported SIMD opcode ${sub} in a constant expression`); c.skip(16); break; }
      case 0xfb: c.fail('GC instructions in constant expressions are not supported', c.pos - 1); break;
      default: c.fail(`unexpected opcode 0x${op.toString(16)} in a constant expression`, c.pos - 1);
    }
  }
  c.fail('constant expression too long');
}

/**
 * Parse a module.
 * @param {Uint8Array} bytes the .wasm file
 * @returns {WasmModule}
 */
export function parseModule(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new ModuleError(0, 'header', 'not a WebAssembly module (no \\0asm magic)');
  }
  if (bytes[4] !== 1 || bytes[5] !== 0 || bytes[6] !== 0 || bytes[7] !== 0) {
    throw new ModuleError(4, 'header', 'unsupported version (not a core module, version 1)');
  }
  const m = new WasmModule(bytes);
  const top = new Cursor(bytes, 8, bytes.length, 'header');
  let definedFuncTypes = [];
  while (top.pos < top.end) {
    const idAt = top.pos;
    const id = top.byte();
    top.section = SECTION_NAMES[id] ?? `unknown(${id})`;
    const size = top.u32();
    const start = top.pos;
    top.skip(size);
    const c = new Cursor(bytes, start, start + size, top.section);
    m.sections.push({ id, start: idAt, payloadStart: start, end: start + size });
    switch (id) {
      case 0: {
        const name = c.name();
        m.customSections.push({ name, payloadStart: c.pos, end: c.end });
        if (name === 'name') readNameSection(c, m);
        break;
      }
      case 1: {
        const n = c.count();
        for (let i = 0; i < n; i++) {
          const form = c.byte();
          if (form !== 0x60) c.fail(`type form 0x${form.toString(16)} is not supported (only function types)`, c.pos - 1);
          const np = c.count(); const params = [];
          for (let k = 0; k < np; k++) params.push(readValType(c));
          const nr = c.count(); const results = [];
          for (let k = 0; k < nr; k++) results.push(readValType(c));
          m.types.push({ params, results });
        }
        break;
      }
      case 2: {
        const n = c.count(3);
        for (let i = 0; i < n; i++) {
          const module = c.name(); const field = c.name(); const kind = c.byte();
          if (kind === 0) { m.funcTypeIndices.push(c.u32()); m.imports.push({ module, field, kind: 'func' }); m.importedFuncCount++; }
          else if (kind === 1) { readValType(c); readLimits(c); m.imports.push({ module, field, kind: 'table' }); }
          else if (kind === 2) { m.memories.push({ ...readLimits(c), imported: true }); m.imports.push({ module, field, kind: 'memory' }); }
          else if (kind === 3) { const type = readValType(c); const mutable = c.byte() === 1; m.globals.push({ type, mutable, imported: true }); m.imports.push({ module, field, kind: 'global' }); }
          else if (kind === 4) { c.byte(); c.u32(); m.imports.push({ module, field, kind: 'tag' }); }
          else c.fail(`unknown import kind ${kind}`, c.pos - 1);
        }
        break;
      }
      case 3: {
        const n = c.count();
        for (let i = 0; i < n; i++) definedFuncTypes.push(c.u32());
        break;
      }
      case 5: {
        const n = c.count();
        for (let i = 0; i < n; i++) m.memories.push({ ...readLimits(c), imported: false });
        break;
      }
      case 6: {
        const n = c.count(3);
        for (let i = 0; i < n; i++) {
          const type = readValType(c); const mutable = c.byte() === 1;
          skipConstExpr(c);
          m.globals.push({ type, mutable, imported: false });
        }
        break;
      }
      case 10: {
        m.codePayloadStart = start;
        const n = c.count();
        for (let i = 0; i < n; i++) {
          const sizeAt = c.pos;
          const bodySize = c.u32();
          const bodyStart = c.pos;                  // the byte after the body-size LEB128
          c.skip(bodySize);
          m.bodies.push({ sizeAt, bodyStart, end: bodyStart + bodySize });
        }
        break;
      }
      default:
        break;                                      // other sections are not needed for a capture
    }
  }
  if (definedFuncTypes.length !== m.bodies.length) {
    throw new ModuleError(m.codePayloadStart ?? bytes.length, 'code',
      `function section declares ${definedFuncTypes.length} functions but the code section has ${m.bodies.length} bodies`);
  }
  m.funcTypeIndices.push(...definedFuncTypes);
  return m;
}

/** `name` custom section (core spec 7.4.1): module name (0), function names (1), local names (2). */
function readNameSection(c, m) {
  // A broken name section must not make the module unreadable: V8 ignores it as well.
  try {
    while (c.pos < c.end) {
      const sub = c.byte(); const size = c.u32(); const end = c.pos + size;
      if (end > c.end) c.fail('name subsection runs past the section');
      const s = new Cursor(c.b, c.pos, end, 'name');
      if (sub === 0) m.moduleName = s.name();
      else if (sub === 1) {
        const n = s.count(2);
        for (let i = 0; i < n; i++) { const idx = s.u32(); m.functionNames.set(idx, s.name()); }
      }
      c.pos = end;
    }
  } catch (e) {
    if (!(e instanceof ModuleError)) throw e;
    m.nameSectionError = e.message;
  }
}

/** The parsed view of one module. */
export class WasmModule {
  constructor(bytes) {
    this.bytes = bytes;
    this.sections = [];
    this.customSections = [];
    this.types = [];
    this.imports = [];
    this.importedFuncCount = 0;
    /** type index of every function, imports first */
    this.funcTypeIndices = [];
    this.memories = [];
    this.globals = [];
    this.bodies = [];
    this.codePayloadStart = null;
    this.moduleName = null;
    this.functionNames = new Map();
    this.nameSectionError = null;
  }

  get functionCount() { return this.funcTypeIndices.length; }

  /** The body of function `funcIndex` (function index space, imports first), or null for an import. */
  body(funcIndex) {
    const i = funcIndex - this.importedFuncCount;
    return i >= 0 && i < this.bodies.length ? this.bodies[i] : null;
  }

  /**
   * The function whose body holds a file offset, by binary search over the bodies (they are
   * in file order). @returns {number|null} its function index
   */
  funcIndexAtFileOffset(fileOffset) {
    let lo = 0, hi = this.bodies.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1; const b = this.bodies[mid];
      if (fileOffset < b.bodyStart) hi = mid - 1;
      else if (fileOffset >= b.end) lo = mid + 1;
      else return mid + this.importedFuncCount;
    }
    return null;
  }

  /** File offset of an instruction -> {funcIndex, codeOffset, dwarfAddress}, or null outside every body. */
  locate(fileOffset) {
    const funcIndex = this.funcIndexAtFileOffset(fileOffset);
    if (funcIndex === null) return null;
    const body = this.body(funcIndex);
    return { funcIndex, codeOffset: fileOffset - body.bodyStart, dwarfAddress: fileOffset - this.codePayloadStart };
  }

  /**
   * The wasm types of a function's locals, parameters first then the declared locals
   * (core spec 5.5.13: vec(locals) of count + valtype, expanded). Bounded by the body size
   * and by 50,000 locals (the engines' limit).
   */
  localTypes(funcIndex) {
    const body = this.body(funcIndex);
    if (!body) return null;
    const type = this.types[this.funcTypeIndices[funcIndex]];
    const out = type ? [...type.params] : [];
    const c = new Cursor(this.bytes, body.bodyStart, body.end, 'code');
    const groups = c.count(2);
    for (let g = 0; g < groups; g++) {
      const at = c.pos;
      const n = c.u32();
      const t = readValType(c);
      if (out.length + n > 50000) c.fail(`more than 50000 locals in function ${funcIndex}`, at);
      for (let k = 0; k < n; k++) out.push(t);
    }
    return out;
  }

  /** The name-section name of a function, or null. */
  functionName(funcIndex) { return this.functionNames.get(funcIndex) ?? null; }
}
