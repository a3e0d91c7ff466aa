import '../stub/register';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CoreDumpFormatError, findModulesForDump, readCoreNames } from '../../src/coredump';
import { coreDump, customSection, tempDir, uleb, write } from './helpers';

test('readCoreNames reads the core and coremodules sections', () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'x.core'), coreDump('app.wasm', ['app.wasm', 'lib/side.wasm']));
  assert.deepEqual(readCoreNames(core), { executable: 'app.wasm', modules: ['app.wasm', 'lib/side.wasm'] });
});

test('a module with the dump base name is found next to it', () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'crash.core'), coreDump(undefined, ['<anonymous-module-0>']));
  assert.deepEqual(findModulesForDump(core), []);
  const wasm = write(path.join(dir, 'crash.wasm'), 'wasm');
  assert.deepEqual(findModulesForDump(core), [wasm]);
});

test('the module names recorded in coremodules are found next to the dump, by relative path or base name', () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'dumps', 'crash-1234.coredump'), coreDump('prog', ['/build/out/prog.wasm', 'side']));
  const prog = write(path.join(dir, 'dumps', 'prog.wasm'), 'wasm');
  assert.deepEqual(findModulesForDump(core), [prog]);
  const side = write(path.join(dir, 'dumps', 'side.wasm'), 'wasm');
  assert.deepEqual(findModulesForDump(core), [prog, side]);
});

test('an absolute module path recorded in the dump is used when it exists', () => {
  const dir = tempDir();
  const wasm = write(path.join(dir, 'elsewhere', 'real.wasm'), 'wasm');
  const core = write(path.join(dir, 'd', 'a.core'), coreDump(undefined, [wasm]));
  assert.deepEqual(findModulesForDump(core), [wasm]);
});

test('the executable name of the core section is the last resort', () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'a.core'), coreDump('server.wasm', ['<anonymous-module-0>']));
  const wasm = write(path.join(dir, 'server.wasm'), 'wasm');
  assert.deepEqual(findModulesForDump(core), [wasm]);
});

test('bad dumps give an error with the file and offset, and never a huge allocation', () => {
  const dir = tempDir();
  const text = write(path.join(dir, 'text.core'), 'this is not wasm');
  assert.throws(() => readCoreNames(text), (e: Error) => e instanceof CoreDumpFormatError
    && e.message.includes(text) && e.message.includes('offset 0'));
  const head = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const oversized = write(path.join(dir, 'big.core'), Uint8Array.from([...head, 0x00, ...uleb(1000), 0x01]));
  assert.throws(() => readCoreNames(oversized), /section 0 size 1000 exceeds the file at offset 8/);
  const hugeCount = write(path.join(dir, 'count.core'),
    Uint8Array.from([...head, ...customSection('coremodules', [...uleb(0xfffffff0)])]));
  assert.throws(() => readCoreNames(hugeCount), /coremodules count 4294967280 exceeds the section/);
  const longLeb = write(path.join(dir, 'leb.core'), Uint8Array.from([...head, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
  assert.throws(() => readCoreNames(longLeb), /LEB128/);
  // and finding the module of such a file falls back to the base name instead of failing
  const wasm = write(path.join(dir, 'text.wasm'), 'wasm');
  assert.deepEqual(findModulesForDump(text), [wasm]);
});

test('the project samples\' dumps name their modules, which lie next to them', () => {
  const out = path.resolve(__dirname, '..', '..', '..', '..', 'src', 'out');
  for (const name of ['c_dw5_O0', 'cpp_dw5_O0', 'rs_O0']) {
    const core = path.join(out, `${name}.core`);
    assert.deepEqual(readCoreNames(core).modules, [`${name}.wasm`]);
    assert.deepEqual(findModulesForDump(core), [path.join(out, `${name}.wasm`)]);
  }
});
