// Builds small wasm modules byte by byte for the tests, so the expected offsets are known
// without any other tool. Only what the tests need.
import { encodeUnsigned as u, encodeSigned as s } from '../lib/leb128.mjs';

export const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
const name = (str) => { const b = [...new TextEncoder().encode(str)]; return [...u(b.length), ...b]; };
const vec = (items) => [...u(items.length), ...items.flat()];
const section = (id, payload) => [id, ...u(payload.length), ...payload];
export const f32 = (x) => { const d = new DataView(new ArrayBuffer(4)); d.setFloat32(0, x, true); return [...new Uint8Array(d.buffer)]; };
export const f64 = (x) => { const d = new DataView(new ArrayBuffer(8)); d.setFloat64(0, x, true); return [...new Uint8Array(d.buffer)]; };
export const op = {
  unreachable: [0x00], end: [0x0b], drop: [0x1a],
  call: (i) => [0x10, ...u(i)], localSet: (i) => [0x21, ...u(i)], globalSet: (i) => [0x24, ...u(i)],
  i32: (v) => [0x41, ...s(v)], i64: (v) => [0x42, ...s(v)], f32: (v) => [0x43, ...f32(v)], f64: (v) => [0x44, ...f64(v)],
};

/**
 * @param {object} m
 * @param {{params: number[], results: number[]}[]} m.types
 * @param {{module: string, field: string, type: number}[]} [m.imports] function imports
 * @param {{type: number, locals: [number, number][], code: number[][], name?: string}[]} m.funcs
 *        code: a list of instructions (each a byte array); `end` is appended
 * @param {{valtype: number, mutable: boolean, init: number[]}[]} [m.globals] init: the constant instructions, without end
 * @param {number} [m.memoryPages]
 * @param {{name: string, kind: number, index: number}[]} [m.exports]
 * @param {{offset: number, bytes: number[]}[]} [m.data]
 * @returns {{bytes: Uint8Array, codePayloadStart: number, bodyStarts: number[], instrOffsets: number[][]}}
 *          instrOffsets[f][k]: the code offset (from the body start) of instruction k of function f
 */
export function buildModule(m) {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  out.push(...section(1, vec(m.types.map((t) => [0x60, ...vec(t.params.map((x) => [x])), ...vec(t.results.map((x) => [x]))]))));
  const imports = m.imports ?? [];
  if (imports.length) out.push(...section(2, vec(imports.map((i) => [...name(i.module), ...name(i.field), 0x00, ...u(i.type)]))));
  out.push(...section(3, vec(m.funcs.map((f) => u(f.type)))));
  if (m.memoryPages !== undefined) out.push(...section(5, vec([[0x00, ...u(m.memoryPages)]])));
  if (m.globals?.length) out.push(...section(6, vec(m.globals.map((g) => [g.valtype, g.mutable ? 1 : 0, ...g.init, 0x0b]))));
  if (m.exports?.length) out.push(...section(7, vec(m.exports.map((e) => [...name(e.name), e.kind, ...u(e.index)]))));
  // code section: remember where each body starts (after its size LEB) and each instruction
  const bodies = m.funcs.map((f) => {
    const decl = vec(f.locals.map(([n, t]) => [...u(n), t]));
    const offsets = []; const code = [...decl];
    for (const ins of f.code) { offsets.push(code.length); code.push(...ins); }
    code.push(0x0b);
    return { code, offsets };
  });
  const payload = [...u(bodies.length)];
  const relStarts = [];
  for (const b of bodies) { payload.push(...u(b.code.length)); relStarts.push(payload.length); payload.push(...b.code); }
  const codeHeader = [10, ...u(payload.length)];
  const codePayloadStart = out.length + codeHeader.length;
  out.push(...codeHeader, ...payload);
  if (m.data?.length) out.push(...section(11, vec(m.data.map((d) => [0x00, 0x41, ...s(d.offset), 0x0b, ...u(d.bytes.length), ...d.bytes]))));
  const fnames = m.funcs.map((f, i) => [f.name, i + imports.length]).filter(([n]) => n);
  if (fnames.length) {
    const sub = vec(fnames.map(([n, i]) => [...u(i), ...name(n)]));
    out.push(...section(0, [...name('name'), 0x01, ...u(sub.length), ...sub]));
  }
  return { bytes: Uint8Array.from(out), codePayloadStart, bodyStarts: relStarts.map((r) => codePayloadStart + r), instrOffsets: bodies.map((b) => b.offsets) };
}
