#!/usr/bin/env node
// check-v8-trace.mjs: run a WASI module under plain Node (no inspector) and check that V8's own
// stack trace text names the same frames as a capture: for every wasm frame, the function index
// and the file offset ("wasm-function[8]:0x2c1") must equal the capture's funcIndex and
// fileOffset, in the same order.
//
// usage: node check-v8-trace.mjs MODULE.wasm FRAMES.json [program arguments...]
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [file, framesFile, ...args] = process.argv.slice(2);
const frames = JSON.parse(readFileSync(framesFile, 'utf8')).frames;
process.emitWarning = () => {};                        // node:wasi's ExperimentalWarning
const { WASI } = await import('node:wasi');
Error.stackTraceLimit = 1000;
const wasi = new WASI({ version: 'preview1', args: [path.basename(file), ...args], env: {}, returnOnExit: true });
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), wasi.getImportObject());
let stack = null;
try { wasi.start(instance); } catch (e) { stack = e.stack; }
if (!stack) { console.error(`${file}: no trap`); process.exit(1); }
const v8 = [...stack.matchAll(/wasm-function\[(\d+)\]:0x([0-9a-f]+)/g)].map((m) => ({ funcIndex: Number(m[1]), fileOffset: parseInt(m[2], 16) }));
const ours = frames.map((f) => ({ funcIndex: f.funcIndex, fileOffset: f.fileOffset }));
if (JSON.stringify(v8) !== JSON.stringify(ours)) {
  console.error(`${file}: V8's stack trace and the capture disagree\nV8:      ${JSON.stringify(v8)}\ncapture: ${JSON.stringify(ours)}`);
  process.exit(1);
}
console.log(`${path.basename(file)}: ${ours.length} frames agree with V8's stack trace`);
