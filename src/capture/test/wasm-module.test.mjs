// The module reader: function index space, body ranges, local types, names, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseModule, ModuleError } from '../lib/wasm-module.mjs';
import { buildModule, op, I32 } from '../test-support/module-builder.mjs';
import { trapModule } from '../test-support/trap-module.mjs';

test('function index space counts imports; bodies start after their size LEB', () => {
  const built = trapModule();
  const m = parseModule(built.bytes);
  assert.equal(m.importedFuncCount, 1);
  assert.equal(m.functionCount, 4);
  assert.equal(m.codePayloadStart, built.codePayloadStart);
  assert.deepEqual(m.bodies.map((b) => b.bodyStart), built.bodyStarts);
  assert.equal(m.body(0), null);                          // the import has no body
  assert.equal(m.body(1).bodyStart, built.bodyStarts[0]);
  assert.equal(m.functionName(1), 'leaf');
  assert.equal(m.functionName(3), '_start');
  assert.deepEqual(m.globals.map((g) => [g.type, g.mutable]), [['i32', true], ['i64', false], ['f64', true]]);
  assert.equal(m.memories.length, 1);
  assert.equal(m.memories[0].min, 2n);
});

test('file offsets become function index, code offset and DWARF address', () => {
  const built = trapModule();
  const m = parseModule(built.bytes);
  const unreachableAt = built.bodyStarts[0] + built.instrOffsets[0][6];
  assert.deepEqual(m.locate(unreachableAt), { funcIndex: 1, codeOffset: built.instrOffsets[0][6], dwarfAddress: unreachableAt - built.codePayloadStart });
  // the first byte of a body (its local declarations) is offset 0; the byte before it is the size LEB
  assert.equal(m.locate(built.bodyStarts[1]).codeOffset, 0);
  assert.equal(m.locate(built.bodyStarts[1]).funcIndex, 2);
  assert.equal(m.locate(built.bodyStarts[1] - 1), null);      // the size LEB of body 2 belongs to no body
  assert.equal(m.locate(built.bodyStarts[1] - 2).funcIndex, 1); // the `end` of body 1
  assert.equal(m.locate(built.codePayloadStart), null);     // the function count is in no body
  assert.equal(m.locate(built.bytes.length + 10), null);
});

test('local types: parameters first, then the declared groups expanded', () => {
  const m = parseModule(trapModule().bytes);
  assert.deepEqual(m.localTypes(1), ['i64', 'f32', 'f64', 'i32', 'i64']);
  assert.deepEqual(m.localTypes(2), []);
  assert.equal(m.localTypes(0), null);
});

test('a body whose size LEB takes several bytes', () => {
  const code = []; for (let i = 0; i < 80; i++) code.push(op.i32(1), op.drop);   // > 127 bytes
  const built = buildModule({ types: [{ params: [], results: [] }], funcs: [{ type: 0, locals: [[200, I32]], code }] });
  const m = parseModule(built.bytes);
  assert.equal(m.bodies[0].bodyStart - m.bodies[0].sizeAt, 2);
  assert.equal(m.bodies[0].bodyStart, built.bodyStarts[0]);
  assert.equal(m.localTypes(0).length, 200);
});

test('bad input: magic, version, truncation, huge counts, bad LEB', () => {
  assert.throws(() => parseModule(Uint8Array.from([1, 2, 3])), (e) => e instanceof ModuleError && e.offset === 0);
  assert.throws(() => parseModule(Uint8Array.from([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0])), /unsupported version/);
  const good = trapModule().bytes;
  assert.throws(() => parseModule(good.subarray(0, good.length - 3)), ModuleError);
  // type section claiming 2^31 types in 5 bytes
  const huge = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 0x80, 0x80, 0x80, 0x80, 0x08]);
  assert.throws(() => parseModule(huge), (e) => e instanceof ModuleError && /count 2147483648 larger than the bytes left/.test(e.message) && e.section === 'type');
  // a section size LEB that never ends
  const endless = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80]);
  assert.throws(() => parseModule(endless), (e) => e instanceof ModuleError && e.offset === 9);
  // function and code sections that disagree
  const built = buildModule({ types: [{ params: [], results: [] }], funcs: [{ type: 0, locals: [], code: [] }] });
  const noCode = built.bytes.subarray(0, built.codePayloadStart - 2);
  assert.throws(() => parseModule(noCode), /declares 1 functions but the code section has 0 bodies/);
});

// The committed samples: the reader's function index for each frame (from the code section)
// must name the same function that LLVM's symbolizer found for the frame's DWARF address
// (from .debug_info): two independent routes to the same answer.
const out = fileURLToPath(new URL('../../out/', import.meta.url));
test('sample frames: name section and DWARF agree on the function', { skip: !existsSync(out + 'expected/c_dw5_O0.json') && 'no samples built' }, () => {
  for (const name of ['c_dw5_O0', 'c_dw5_O2', 'c_dw4_O0', 'cpp_dw5_O0']) {
    const exp = JSON.parse(readFileSync(`${out}expected/${name}.json`, 'utf8'));
    const m = parseModule(readFileSync(`${out}${name}.wasm`));
    for (const f of exp.frames) {
      const body = m.body(f.funcIndex);
      assert.ok(body, `${name} frame ${f.index}: function ${f.funcIndex} has a body`);
      assert.equal(body.bodyStart - m.codePayloadStart + f.codeOffset, f.dwarfAddress);
      const dwarfName = f.symbolized[f.symbolized.length - 1].FunctionName;
      if (!dwarfName || /^(main|__main_argc_argv)$/.test(dwarfName)) continue;   // no DWARF; C main is __main_argc_argv in DWARF, main in the name section
      assert.equal(m.functionName(f.funcIndex).replace(/\(.*$/, ''), dwarfName.replace(/\(.*$/, ''), `${name} frame ${f.index}`);
    }
  }
});
