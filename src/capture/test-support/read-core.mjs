// A reader for tool-conventions Coredump.md files, for tests and comparisons only: it decodes
// the custom sections core/coremodules/coreinstances/corestack, the memory, global and data
// sections, and rebuilds each memory image. Independent of the writer's code paths (it walks
// the bytes with its own LEB128 loops), so a round trip checks both.
export function readCore(bytes) {
  let p = 0;
  const err = (m) => { throw new Error(`${m} at offset ${p}`); };
  const byte = () => { if (p >= bytes.length) err('unexpected end'); return bytes[p++]; };
  const uleb = () => { let r = 0n, s = 0n, b; do { b = byte(); r |= BigInt(b & 0x7f) << s; s += 7n; } while (b & 0x80); return r; };
  const sleb = () => { let r = 0n, s = 0n, b; do { b = byte(); r |= BigInt(b & 0x7f) << s; s += 7n; } while (b & 0x80); if (b & 0x40) r -= 1n << s; return r; };
  const u32 = () => Number(uleb());
  const name = () => { const n = u32(); const s = new TextDecoder().decode(bytes.subarray(p, p + n)); p += n; return s; };
  const value = () => {
    const t = byte();
    if (t === 0x01) return { type: 'missing' };
    if (t === 0x7f) return { type: 'i32', value: Number(BigInt.asIntN(32, sleb())) };
    if (t === 0x7e) return { type: 'i64', value: String(BigInt.asIntN(64, sleb())) };
    const dv = new DataView(bytes.buffer, bytes.byteOffset + p);
    if (t === 0x7d) { p += 4; return { type: 'f32', value: dv.getFloat32(0, true) }; }
    if (t === 0x7c) { p += 8; return { type: 'f64', value: dv.getFloat64(0, true) }; }
    return err(`unknown value type 0x${t.toString(16)}`);
  };
  const expr = () => {
    const op = byte(); let v;
    if (op === 0x41) v = { type: 'i32', value: Number(BigInt.asIntN(32, sleb())) };
    else if (op === 0x42) v = { type: 'i64', value: String(sleb()) };
    else if (op === 0x43) { v = { type: 'f32', value: new DataView(bytes.buffer, bytes.byteOffset + p).getFloat32(0, true) }; p += 4; }
    else if (op === 0x44) { v = { type: 'f64', value: new DataView(bytes.buffer, bytes.byteOffset + p).getFloat64(0, true) }; p += 8; }
    else if (op === 0xd0) { byte(); v = { type: 'ref', value: null }; }
    else err(`unexpected opcode 0x${op.toString(16)} in a constant expression`);
    if (byte() !== 0x0b) err('constant expression without end');
    return v;
  };
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) err('not a wasm file');
  p = 8;
  const core = { process: null, modules: [], instances: [], threads: [], memories: [], globals: [], segments: [] };
  while (p < bytes.length) {
    const id = byte(); const size = u32(); const end = p + size;
    if (id === 0) {
      const n = name();
      if (n === 'core') { if (byte() !== 0) err('bad process-info'); core.process = name(); }
      else if (n === 'coremodules') { const c = u32(); for (let i = 0; i < c; i++) { if (byte() !== 0) err('bad module'); core.modules.push(name()); } }
      else if (n === 'coreinstances') {
        const c = u32();
        for (let i = 0; i < c; i++) {
          if (byte() !== 0) err('bad instance');
          const module = u32(); const memories = []; const globals = [];
          for (let k = u32(); k > 0; k--) memories.push(u32());
          for (let k = u32(); k > 0; k--) globals.push(u32());
          core.instances.push({ module, memories, globals });
        }
      } else if (n === 'corestack') {
        if (byte() !== 0) err('bad thread-info');
        const thread = { name: name(), frames: [] };
        for (let k = u32(); k > 0; k--) {
          if (byte() !== 0) err('bad frame');
          const f = { instance: u32(), funcIndex: u32(), codeOffset: u32(), locals: [], stack: [] };
          for (let j = u32(); j > 0; j--) f.locals.push(value());
          for (let j = u32(); j > 0; j--) f.stack.push(value());
          thread.frames.push(f);
        }
        core.threads.push(thread);
      }
    } else if (id === 5) {
      for (let k = u32(); k > 0; k--) { const flags = byte(); const min = u32(); const max = flags & 1 ? u32() : null; core.memories.push({ flags, min, max }); }
    } else if (id === 6) {
      for (let k = u32(); k > 0; k--) { const t = byte(); const mut = byte(); core.globals.push({ valtype: t, mutable: mut === 1, ...expr() }); }
    } else if (id === 11) {
      for (let k = u32(); k > 0; k--) {
        const flags = u32(); const mem = flags === 2 ? u32() : 0;
        if (flags !== 0 && flags !== 2) err(`passive or unknown data segment mode ${flags}`);
        const off = expr(); const n = u32();
        core.segments.push({ memory: mem, offset: Number(off.value) >>> 0, bytes: bytes.subarray(p, p + n) }); p += n;
      }
    }
    p = end;
  }
  return core;
}

/** The full image of memory `index` of a core read by readCore (zeros where no segment is). */
export function memoryImage(core, index = 0) {
  const img = new Uint8Array(core.memories[index].min * 65536);
  for (const s of core.segments) if (s.memory === index) img.set(s.bytes, s.offset);
  return img;
}
