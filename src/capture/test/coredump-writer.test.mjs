// The core dump writer: exact bytes for a small dump (worked out by hand from Coredump.md),
// value encodings, and the non-zero runs that become data segments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeCoreDump, encodeValue, nonZeroRuns } from '../lib/coredump-writer.mjs';
import { readCore, memoryImage } from '../test-support/read-core.mjs';

const hex = (u8) => Buffer.from(u8).toString('hex');

test('a minimal dump, byte for byte', () => {
  const mem = new Uint8Array(65536); mem[16] = 0xab; mem[17] = 0xcd;
  const bytes = writeCoreDump({
    executableName: 'a.wasm', modules: ['a.wasm'], instances: [{ module: 0, memories: [0], globals: [0] }],
    threads: [{ name: 'main', frames: [{ instance: 0, funcIndex: 3, codeOffset: 200, locals: [{ type: 'i32', value: -1 }], stack: [{ type: 'missing' }] }] }],
    memories: [{ bytes: mem }], globals: [{ type: 'i32', value: 70000 }],
  });
  const expected = [
    '0061736d01000000',
    '00' + '0d' + '04636f7265' + '00' + '06612e7761736d',                                  // custom "core": 0x00 name
    '00' + '15' + '0b636f72656d6f64756c6573' + '01' + '00' + '06612e7761736d',          // coremodules: 1 x (0x00 name)
    '00' + '15' + '0d636f7265696e7374616e636573' + '01' + '00' + '00' + '0100' + '0100', // coreinstances: module 0, [0], [0]
    '00' + '1b' + '09636f7265737461636b' + '00' + '046d61696e' + '01'                     // corestack: thread "main", 1 frame
      + '00' + '00' + '03' + 'c801' + '01' + '7f7f' + '01' + '01',                         // instance 0, func 3, offset 200, [i32 -1], [missing]
    '05' + '03' + '01' + '00' + '01',                                                      // memory: 1 x limits {min 1}
    '06' + '08' + '01' + '7f00' + '41f0a204' + '0b',                                       // global: i32 const 70000
    '0b' + '08' + '01' + '00' + '4110' + '0b' + '02' + 'abcd',                             // data: memory 0 at 16: ab cd
  ].join('');
  assert.equal(hex(bytes), expected);
});

test('values: exact integers and floats, missing for everything else', () => {
  assert.deepEqual(encodeValue({ type: 'i32', value: 0xffffffff }), [0x7f, 0x7f]);      // taken modulo 2^32
  assert.deepEqual(encodeValue({ type: 'i32', value: -2147483648 }), [0x7f, 0x80, 0x80, 0x80, 0x80, 0x78]);
  assert.deepEqual(encodeValue({ type: 'i64', value: '-9223372036854775808' }), [0x7e, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]);
  assert.deepEqual(encodeValue({ type: 'i64', value: 2n ** 64n - 1n }), [0x7e, 0x7f]);
  assert.deepEqual(encodeValue({ type: 'f32', value: 1.5 }), [0x7d, 0x00, 0x00, 0xc0, 0x3f]);
  assert.deepEqual(encodeValue({ type: 'f32', value: -0 }), [0x7d, 0x00, 0x00, 0x00, 0x80]);
  assert.deepEqual(encodeValue({ type: 'f64', value: -0.1 }), [0x7c, 0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0xbf]);
  assert.deepEqual(encodeValue({ type: 'f64', value: 'Infinity' }), [0x7c, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f]);
  assert.deepEqual(encodeValue({ type: 'f32', bits: 0x7fa00001n }), [0x7d, 0x01, 0x00, 0xa0, 0x7f]);   // NaN payload kept when bits are given
  assert.deepEqual(encodeValue({ type: 'missing' }), [0x01]);
  assert.deepEqual(encodeValue({ type: 'externref', value: null }), [0x01]);
  assert.deepEqual(encodeValue({ type: 'v128' }), [0x01]);
});

test('non-zero runs: zero gaps shorter than the threshold stay inside one segment', () => {
  const m = new Uint8Array(4096);
  m[5] = 1; m[20] = 2;                     // gap of 14 zero bytes: one run
  m[100] = 3;                              // gap of 79: a new run
  m[4095] = 4;                             // the last byte
  assert.deepEqual(nonZeroRuns(m, 32), [{ offset: 5, length: 16 }, { offset: 100, length: 1 }, { offset: 4095, length: 1 }]);
  assert.deepEqual(nonZeroRuns(new Uint8Array(65536)), []);
  const full = new Uint8Array(64).fill(7);
  assert.deepEqual(nonZeroRuns(full), [{ offset: 0, length: 64 }]);
});

test('round trip: several memories, 64-bit limits, globals of every number type', () => {
  const a = new Uint8Array(2 * 65536); a[0] = 1; a[70000] = 2; a[131071] = 3;
  const b = new Uint8Array(65536); b[300] = 9;
  const bytes = writeCoreDump({
    executableName: 'x', modules: ['m0.wasm', 'm1.wasm'],
    instances: [{ module: 0, memories: [0], globals: [0, 1] }, { module: 1, memories: [1], globals: [2, 3] }],
    threads: [{ name: 'main', frames: [
      { instance: 1, funcIndex: 0, codeOffset: 1, locals: [], stack: [] },
      { instance: 0, funcIndex: 7, codeOffset: 99, locals: [{ type: 'i64', value: -5n }, { type: 'f64', value: 0.1 }], stack: [{ type: 'i32', value: 7 }] },
    ] }],
    memories: [{ bytes: a }, { bytes: b }],
    globals: [{ type: 'i32', value: -3 }, { type: 'i64', value: 1n << 40n }, { type: 'f32', value: 0.5 }, { type: 'f64', value: -2.25 }],
  });
  const core = readCore(bytes);
  assert.equal(core.process, 'x');
  assert.deepEqual(core.modules, ['m0.wasm', 'm1.wasm']);
  assert.deepEqual(core.instances, [{ module: 0, memories: [0], globals: [0, 1] }, { module: 1, memories: [1], globals: [2, 3] }]);
  assert.deepEqual(core.threads[0].frames[1], { instance: 0, funcIndex: 7, codeOffset: 99,
    locals: [{ type: 'i64', value: '-5' }, { type: 'f64', value: 0.1 }], stack: [{ type: 'i32', value: 7 }] });
  assert.deepEqual(core.globals.map((g) => g.value), [-3, String(1n << 40n), 0.5, -2.25]);
  assert.deepEqual(memoryImage(core, 0), a);
  assert.deepEqual(memoryImage(core, 1), b);
  assert.ok(core.segments.some((s) => s.memory === 1), 'memory 1 is written with an explicit memory index');
});
