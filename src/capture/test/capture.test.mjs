// The capture tool end to end: a module built byte by byte (so every offset is known) runs
// under the tool as a WASI command and from a JS entry; the dump must hold the exact frames,
// locals, operand stack, memory and globals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trapModule } from '../test-support/trap-module.mjs';
import { buildModule, op } from '../test-support/module-builder.mjs';
import { readCore, memoryImage } from '../test-support/read-core.mjs';

const TOOL = fileURLToPath(new URL('../wasmcore-capture.mjs', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'wasmcore-capture-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const built = trapModule();
const wasm = path.join(dir, 'trap.wasm');
writeFileSync(wasm, built.bytes);
const run = (...args) => spawnSync(process.execPath, [TOOL, ...args], { cwd: dir, encoding: 'utf8', timeout: 60000 });

// Frames youngest first: leaf (func 1) at `unreachable`, mid (func 2) at its call, _start (func 3) at its call.
function assertTrapFrames(core) {
  const frames = core.threads[0].frames;
  assert.equal(core.threads[0].name, 'main');
  assert.deepEqual(frames.map((f) => [f.funcIndex, f.codeOffset]),
    [[1, built.instrOffsets[0][6]], [2, built.instrOffsets[1][4]], [3, built.instrOffsets[2][0]]]);
  assert.deepEqual(frames[0].locals, [
    { type: 'i64', value: '-5' }, { type: 'f32', value: 1.5 }, { type: 'f64', value: -0.1 },
    { type: 'i32', value: -9 }, { type: 'i64', value: '-9223372036854775808' }]);
  assert.deepEqual(frames[1].locals, []);
  assert.deepEqual(frames[1].stack, [{ type: 'i32', value: 7 }], 'the i32 left under the call');
  assert.ok(frames.every((f) => f.instance === 0));
}

test('WASI module: frames, locals, stack, memory and globals', () => {
  const r = run('--out', 'trap.core', '--frames-json', 'frames.json', 'trap.wasm');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /RuntimeError: unreachable/);
  const core = readCore(readFileSync(path.join(dir, 'trap.core')));
  assert.equal(core.process, 'trap.wasm');
  assert.deepEqual(core.modules, ['trap.wasm']);
  assert.deepEqual(core.instances, [{ module: 0, memories: [0], globals: [0, 1, 2] }]);
  assertTrapFrames(core);
  // global 0 was set to 5 by leaf before the trap
  assert.deepEqual(core.globals.map((g) => [g.type, g.value]), [['i32', 5], ['i64', String(1n << 40n)], ['f64', 2.5]]);
  assert.ok(core.globals.every((g) => !g.mutable), 'globals are written as constants');
  assert.equal(core.memories[0].min, 2);
  const img = memoryImage(core);
  assert.equal(Buffer.from(img.subarray(100, 105)).toString(), 'core!');
  assert.deepEqual([...img.subarray(70000, 70006)], [1, 0, 0, 0, 0, 2]);
  assert.equal(img.reduce((n, b) => n + (b !== 0), 0), 7, 'nothing else is non-zero');
  const frames = JSON.parse(readFileSync(path.join(dir, 'frames.json'), 'utf8'));
  assert.equal(frames.trap, 'unreachable');
  assert.deepEqual(frames.frames.map((f) => f.name), ['leaf', 'mid', '_start']);
  assert.equal(frames.frames[0].dwarfAddress, built.bodyStarts[0] - built.codePayloadStart + built.instrOffsets[0][6]);
  assert.equal(frames.frames[0].fileOffset, built.bodyStarts[0] + built.instrOffsets[0][6]);
});

test('JS entry: an uncaught trap is dumped, and --save-modules writes the module', () => {
  const entry = path.join(dir, 'app.mjs');
  writeFileSync(entry, `import { readFileSync } from 'node:fs';
const bytes = readFileSync(new URL('./trap.wasm', import.meta.url));
const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: { proc_exit() {} } });
instance.exports._start();
`);
  const r = run('--out', 'app.core', '--save-modules', 'mods', 'app.mjs');
  assert.equal(r.status, 0, r.stderr);
  const core = readCore(readFileSync(path.join(dir, 'app.core')));
  assert.equal(core.process, 'app.mjs');
  assert.equal(core.modules.length, 1);
  assert.match(core.modules[0], /^wasm-[0-9a-f]{12}\.wasm$/, 'no file name and no name-section module name: named by hash');
  assertTrapFrames(core);
  assert.deepEqual(readFileSync(path.join(dir, 'mods', core.modules[0])), Buffer.from(built.bytes));
});

test('JS entry: a trap the program catches writes nothing unless --caught', () => {
  const entry = path.join(dir, 'caught.mjs');
  writeFileSync(entry, `import { readFileSync } from 'node:fs';
const bytes = readFileSync(new URL('./trap.wasm', import.meta.url));
const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: { proc_exit() {} } });
try { instance.exports._start(); } catch (e) { console.log('handled', e.message); }
`);
  const r = run('--out', 'caught.core', 'caught.mjs');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /handled unreachable/);
  assert.ok(!existsSync(path.join(dir, 'caught.core')));
  const r2 = run('--caught', '--out', 'caught2.core', 'caught.mjs');
  assert.equal(r2.status, 0, r2.stderr);
  assertTrapFrames(readCore(readFileSync(path.join(dir, 'caught2.core'))));
});

test('a module that exits normally writes nothing; bad input exits 2', () => {
  const ok = path.join(dir, 'ok.wasm');
  // the trap module with leaf's `unreachable` (0x00) turned into `nop` (0x01)
  const b = Uint8Array.from(built.bytes); b[built.bodyStarts[0] + built.instrOffsets[0][6]] = 0x01;
  writeFileSync(ok, b);
  const r = run('--out', 'ok.core', 'ok.wasm');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /without a trap/);
  assert.ok(!existsSync(path.join(dir, 'ok.core')));
  writeFileSync(path.join(dir, 'junk.wasm'), 'not wasm');
  const j = run('junk.wasm');
  assert.equal(j.status, 2);
  assert.match(j.stderr, /not a WebAssembly module/);
  assert.equal(run().status, 2);
  assert.equal(run('--bogus', 'x.wasm').status, 2);
});

test('--deterministic gives the same bytes on every run', () => {
  const a = run('--deterministic', '--quiet', '--out', 'd1.core', 'trap.wasm');
  const b = run('--deterministic', '--quiet', '--out', 'd2.core', 'trap.wasm');
  assert.equal(a.status, 0, a.stderr); assert.equal(b.status, 0, b.stderr);
  assert.deepEqual(readFileSync(path.join(dir, 'd1.core')), readFileSync(path.join(dir, 'd2.core')));
});

test('JS entry: two modules, two instances, two memories in one dump', () => {
  // caller.wasm's run() calls its import, which is trap.wasm's _start: one wasm stack, two instances
  const caller = buildModule({ types: [{ params: [], results: [] }], imports: [{ module: 'env', field: 'f', type: 0 }],
    funcs: [{ type: 0, name: 'run', locals: [], code: [op.call(0)] }], memoryPages: 1,
    exports: [{ name: 'run', kind: 0, index: 1 }, { name: 'memory', kind: 2, index: 0 }] });
  writeFileSync(path.join(dir, 'caller.wasm'), caller.bytes);
  writeFileSync(path.join(dir, 'cross.mjs'), `import { readFileSync } from 'node:fs';
const b = await WebAssembly.instantiate(readFileSync(new URL('./trap.wasm', import.meta.url)), { wasi_snapshot_preview1: { proc_exit() {} } });
const a = await WebAssembly.instantiate(readFileSync(new URL('./caller.wasm', import.meta.url)), { env: { f: b.instance.exports._start } });
new Uint8Array(a.instance.exports.memory.buffer)[5] = 77;
a.instance.exports.run();
`);
  const r = run('--out', 'cross.core', 'cross.mjs');
  assert.equal(r.status, 0, r.stderr);
  const core = readCore(readFileSync(path.join(dir, 'cross.core')));
  assert.equal(core.modules.length, 2);
  assert.deepEqual(core.instances, [{ module: 0, memories: [0], globals: [0, 1, 2] }, { module: 1, memories: [1], globals: [] }]);
  assert.deepEqual(core.threads[0].frames.map((f) => [f.instance, f.funcIndex, f.codeOffset]),
    [[0, 1, built.instrOffsets[0][6]], [0, 2, built.instrOffsets[1][4]], [0, 3, built.instrOffsets[2][0]], [1, 1, caller.instrOffsets[0][0]]]);
  assert.equal(memoryImage(core, 1)[5], 77);
  assert.equal(core.memories[1].min, 1);
});
