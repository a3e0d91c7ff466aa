#!/usr/bin/env node
// wasmcore-capture: run WebAssembly under Node.js and write a core dump when it traps.
//
// Usage:
//   node wasmcore-capture.mjs [options] module.wasm [program arguments...]   a WASI command module
//   node wasmcore-capture.mjs [options] app.mjs|app.js|app.cjs [arguments...] your own JS entry
//
// Options:
//   --out FILE           where the core dump goes (default: ./NAME.core, NAME = the module or
//                        script file name without its extension)
//   --dir HOST[:GUEST]   WASI: preopen a host directory (repeatable; GUEST defaults to HOST)
//   --env NAME=VALUE     WASI: an environment variable (repeatable; default: none)
//   --deterministic      WASI: fixed random_get bytes, a fixed clock (2024-01-01T00:00:00Z, +1 ms
//                        per call) and fixed fd_fdstat_get answers for stdin/stdout/stderr, so
//                        the same module and arguments give the same core bytes on every run
//   --caught             also dump a trap that the program catches (the first one); by default
//                        only an uncaught trap is dumped
//   --save-modules DIR   write every module that has a frame in the dump to DIR under the name
//                        the dump records, so a debugger finds it (useful for a JS entry, where
//                        modules may be compiled from bytes that are not in a file)
//   --frames-json FILE   also write the captured frames as JSON (trap message, function names,
//                        file offsets, code offsets, DWARF addresses, locals, stack)
//   --quiet              no summary line on stderr
//
// Exit status: 0 the program trapped and the dump was written; 1 the program ended without an
// uncaught trap (nothing written); 2 bad usage, an unreadable module, or a failed capture.
//
// How it works. The tool opens an inspector session on its own thread (node:inspector
// Session, Chrome DevTools Protocol) and asks V8 to pause on every exception
// (Debugger.setPauseOnExceptions "all"). While paused, before any frame unwinds, it reads for
// every wasm frame, youngest first:
//   * the frame's module (Debugger.getScriptSource gives the bytes) and instance;
//   * the location: V8 reports Debugger.Location.columnNumber as a FILE offset. The tool
//     parses the module's code section and turns that into the function index (imports
//     counted) and the code offset relative to the body start (the byte after the
//     body-size LEB128), which is what Coredump.md frames store;
//   * the locals (scope "local") and the operand stack (scope "wasm-expression-stack") with
//     their wasm types. Values are read from V8's debug proxies directly (the session runs
//     in this isolate, so Runtime.callFunctionOn hands the proxy objects over without
//     serialising them): i32 and i64 exactly (i64 as BigInt), f32 and f64 exactly as the
//     engine holds them; reference-typed and v128 values are written as missing (0x01);
//   * the instance's memories (copied) and globals.
// The capture is kept per exception object. When the program then ends with that exception
// uncaught (WASI: _start throws it; JS entry: an uncaught exception or unhandled rejection,
// following `cause` chains), the dump is written.
//
// What the dump holds: `core` (the module or script file name), `coremodules` (each module's
// name: the file name for a WASI module, else its name-section name, else wasm-<hash>.wasm),
// `coreinstances`, one `corestack` (thread "main"), a memory section, a global section (all
// globals of every instance, as constants) and data segments covering the non-zero bytes.
//
// Limits: one thread (the main thread; workers are not captured); frames of JavaScript
// functions (imports) are left out of the stack; NaN floats keep no payload (V8 hands them
// over as JS numbers); under the inspector V8 runs wasm with its baseline compiler, so all
// locals are available even in -O2 code, and the trapping frame's operand stack may lack the
// operands of the trapping instruction. Needs Node.js 20 or later; no npm packages.
import inspector from 'node:inspector';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseModule, ModuleError } from './lib/wasm-module.mjs';
import { writeCoreDump } from './lib/coredump-writer.mjs';

const USAGE = 'usage: node wasmcore-capture.mjs [--out FILE] [--dir HOST[:GUEST]]... [--env NAME=VALUE]... ' +
  '[--deterministic] [--caught] [--save-modules DIR] [--frames-json FILE] [--quiet] (module.wasm | app.mjs) [args...]';

// The JS entry runner replaces process.exit (a program's own exit ends the capture); the tool
// itself always leaves through the real one.
const realExit = process.exit.bind(process);
function fail(message, code = 2) { process.stderr.write(`wasmcore-capture: ${message}\n`); realExit(code); }

// ---- command line
function parseArgs(argv) {
  const o = { out: null, dirs: [], env: {}, deterministic: false, caught: false, saveModules: null, framesJson: null, quiet: false };
  let i = 0;
  const value = (flag) => { if (i + 1 >= argv.length) fail(`${flag} needs a value\n${USAGE}`); return argv[++i]; };
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('--')) break;
    if (a === '--out') o.out = value(a);
    else if (a === '--dir') { const d = value(a); const k = d.indexOf(':'); o.dirs.push(k < 0 ? [d, d] : [d.slice(0, k), d.slice(k + 1)]); }
    else if (a === '--env') { const e = value(a); const k = e.indexOf('='); if (k <= 0) fail(`--env wants NAME=VALUE, got ${e}`); o.env[e.slice(0, k)] = e.slice(k + 1); }
    else if (a === '--deterministic') o.deterministic = true;
    else if (a === '--caught') o.caught = true;
    else if (a === '--save-modules') o.saveModules = value(a);
    else if (a === '--frames-json') o.framesJson = value(a);
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--help' || a === '-h') { process.stdout.write(USAGE + '\n'); process.exit(0); }
    else fail(`unknown option ${a}\n${USAGE}`);
  }
  if (i >= argv.length) fail(USAGE);
  o.target = argv[i];
  o.args = argv.slice(i + 1);
  o.isJs = /\.(mjs|cjs|js)$/.test(o.target);
  o.out ??= path.basename(o.target).replace(/\.[^.]+$/, '') + '.core';
  return o;
}

// ---- inspector: synchronous calls on this thread's session
const session = new inspector.Session();
session.connect();
function post(method, params = {}) {
  let error = null, result = null;
  session.post(method, params, (e, r) => { error = e; result = r; });   // same-thread sessions answer synchronously
  if (error) throw new Error(`${method}: ${error.message}`);
  return result;
}

// Runtime.callFunctionOn runs a function with `this` = the remote object; it puts the object
// into this slot, from where the tool takes the real JS object (no serialisation).
const HANDOFF = Symbol.for('wasmcore.capture.handoff');
function objectOf(remote) {
  globalThis[HANDOFF] = undefined;
  post('Runtime.callFunctionOn', { objectId: remote.objectId, functionDeclaration: `function () { globalThis[Symbol.for('wasmcore.capture.handoff')] = this; }`, silent: true });
  const obj = globalThis[HANDOFF];
  globalThis[HANDOFF] = undefined;
  return obj;
}

// ---- modules seen in frames, by script id
const scripts = new Map();          // scriptId -> {module: WasmModule, url, key}
function moduleOfScript(scriptId, url) {
  let s = scripts.get(scriptId);
  if (!s) {
    const src = post('Debugger.getScriptSource', { scriptId });
    if (!src.bytecode) throw new Error(`script ${scriptId} (${url}) has no wasm bytecode`);
    const bytes = new Uint8Array(Buffer.from(src.bytecode, 'base64'));
    const key = createHash('sha256').update(bytes).digest('hex');
    s = { module: parseModule(bytes), url, key };
    scripts.set(scriptId, s);
  }
  return s;
}

/** A wasm value from a V8 debug proxy ({type, value}) -> the writer's {type, value}. */
function readValue(v) {
  if (!v || typeof v !== 'object') return { type: 'missing' };
  switch (v.type) {
    case 'i32': return { type: 'i32', value: Number(v.value) | 0 };
    case 'i64': return { type: 'i64', value: BigInt.asIntN(64, BigInt(v.value)) };
    case 'f32': case 'f64': return { type: v.type, value: Number(v.value) };
    default: return { type: 'missing', engineType: String(v.type) };   // references, v128
  }
}

/** Indexed entries of a debug proxy (locals, stack): proxy[0..n-1], falling back to key order. */
function proxyEntries(proxy, n) {
  if (!proxy) return [];
  const out = [];
  if (n !== null) { for (let i = 0; i < n; i++) out.push(proxy[i]); return out; }
  for (let i = 0; i < 1_000_000; i++) { const v = proxy[i]; if (v === undefined) break; out.push(v); }
  return out;
}

// ---- captures, per exception object
const captures = new WeakMap();     // exception object -> capture
let firstCapture = null;
let captureError = null;

function captureFrames(callFrames) {
  const frames = [];
  const instances = [];             // {instance, scope, script}
  for (const cf of callFrames) {
    const scopes = {};
    for (const sc of cf.scopeChain) scopes[sc.type] = sc.object;
    if (!scopes['wasm-expression-stack']) continue;           // a JavaScript frame
    const script = moduleOfScript(cf.location.scriptId, cf.url);
    const m = script.module;
    const fileOffset = cf.location.columnNumber;             // V8: wasm locations are file offsets
    const where = m.locate(fileOffset);
    if (!where) throw new Error(`frame ${cf.functionName} at file offset ${fileOffset} is in no function body`);
    const moduleScope = objectOf(scopes.module);
    let instIndex = instances.findIndex((x) => x.instance === moduleScope.instance);
    if (instIndex < 0) { instances.push({ instance: moduleScope.instance, scope: moduleScope, script }); instIndex = instances.length - 1; }
    const types = m.localTypes(where.funcIndex);
    const locals = proxyEntries(objectOf(scopes.local), types ? types.length : null).map(readValue);
    if (types) locals.forEach((v, k) => { if (v.type !== 'missing' && v.type !== types[k]) throw new Error(`local ${k} of function ${where.funcIndex}: engine says ${v.type}, module says ${types[k]}`); });
    const stackScope = objectOf(scopes['wasm-expression-stack']);
    const stack = proxyEntries(stackScope.stack, null).map(readValue);
    frames.push({ instance: instIndex, funcIndex: where.funcIndex, codeOffset: where.codeOffset, fileOffset,
                  dwarfAddress: where.dwarfAddress, name: m.functionName(where.funcIndex) ?? cf.functionName, locals, stack });
  }
  if (!frames.length) return null;
  // memories and globals of every instance, read while nothing has changed yet
  for (const x of instances) {
    const mems = [];
    for (let k = 0; k < x.script.module.memories.length; k++) {
      const mem = x.scope.memories[k];
      mems.push({ object: mem, bytes: new Uint8Array(mem.buffer.slice(0)), decl: x.script.module.memories[k] });
    }
    const globals = [];
    for (let k = 0; k < x.script.module.globals.length; k++) globals.push(readGlobal(x.scope.globals[k], x.script.module.globals[k].type));
    x.memories = mems; x.globals = globals;
  }
  return { frames, instances };
}

function readGlobal(v, declType) {
  const r = readValue(v);
  if (r.type === 'missing') return { type: declType === 'externref' ? 'externref' : declType === 'v128' ? 'v128' : 'funcref', value: null };
  return r;
}

session.on('Debugger.paused', (msg) => {
  try {
    const { reason, data, callFrames } = msg.params;
    const top = callFrames.find((cf) => cf.scopeChain.some((s) => s.type === 'wasm-expression-stack'));
    if ((reason === 'exception' || reason === 'promiseRejection') && top && data && data.objectId) {
      const exception = objectOf(data);
      const already = exception && typeof exception === 'object' && captures.has(exception);
      if (!already && (!options.caught || !firstCapture)) {
        const cap = captureFrames(callFrames);
        if (cap) {
          cap.message = String(data.description ?? '').split('\n')[0];
          if (exception && typeof exception === 'object') captures.set(exception, cap);
          firstCapture ??= cap;
        }
      }
    }
  } catch (e) {
    captureError ??= e;
  } finally {
    post('Debugger.resume');
  }
});

// ---- writing the dump
function writeDump(cap, executableName, wasiModuleName) {
  const modules = [];                // core module index -> {name, script}
  const moduleIndex = new Map();     // script key -> index
  const memories = [];               // core memory index -> {object, bytes, decl}
  const globals = [];
  const instances = cap.instances.map((x) => {
    let mi = moduleIndex.get(x.script.key);
    if (mi === undefined) {
      const m = x.script.module;
      const name = wasiModuleName ?? (m.moduleName ? (/\.wasm$/.test(m.moduleName) ? m.moduleName : m.moduleName + '.wasm') : `wasm-${x.script.key.slice(0, 12)}.wasm`);
      mi = modules.length; modules.push({ name, script: x.script }); moduleIndex.set(x.script.key, mi);
    }
    const memIdx = x.memories.map((mem) => {
      const same = memories.findIndex((y) => y.object === mem.object);   // a memory shared by instances is written once
      if (same >= 0) return same;
      memories.push(mem); return memories.length - 1;
    });
    const globIdx = x.globals.map((g) => { globals.push(g); return globals.length - 1; });
    return { module: mi, memories: memIdx, globals: globIdx };
  });
  const bytes = writeCoreDump({
    executableName,
    modules: modules.map((m) => m.name),
    instances,
    threads: [{ name: 'main', frames: cap.frames }],
    memories: memories.map((m) => ({ bytes: m.bytes, is64: m.decl.is64, shared: m.decl.shared, max: m.decl.shared ? m.decl.max : null })),
    globals,
  });
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  writeFileSync(options.out, bytes);
  if (options.saveModules) {
    mkdirSync(options.saveModules, { recursive: true });
    for (const m of modules) writeFileSync(path.join(options.saveModules, m.name), m.script.module.bytes);
  }
  if (options.framesJson) {
    const json = {
      trap: cap.message.replace(/^RuntimeError: /, ''), message: cap.message, modules: modules.map((m) => m.name),
      frames: cap.frames.map((f, index) => ({ index, instance: f.instance, funcIndex: f.funcIndex, name: f.name,
        fileOffset: f.fileOffset, codeOffset: f.codeOffset, dwarfAddress: f.dwarfAddress, locals: f.locals.map(jsonValue), stack: f.stack.map(jsonValue) })),
    };
    writeFileSync(options.framesJson, JSON.stringify(json, null, 1) + '\n');
  }
  if (!options.quiet) {
    const pages = memories.map((m) => m.bytes.length / 65536).join('+') || '0';
    process.stderr.write(`wasmcore-capture: ${cap.message}\nwasmcore-capture: core dumped to ${options.out} (${cap.frames.length} frames, ${pages} pages of memory, ${globals.length} globals)\n`);
  }
}

/** JSON form of a value, as the corpus's expected files write it. */
function jsonValue(v) {
  if (v.type === 'missing') return { type: 'missing' };
  if (v.type === 'i64') return { type: 'i64', value: String(v.value) };
  if ((v.type === 'f32' || v.type === 'f64') && !Number.isFinite(v.value)) return { type: v.type, value: String(v.value) };
  return { type: v.type, value: v.value };
}

/** The capture for an error that ended the program, following `cause` chains. */
function captureFor(err) {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 16; e = e.cause, depth++) {
    const c = captures.get(e);
    if (c) return c;
  }
  return options.caught ? firstCapture : null;
}

function finishWithError(err, executableName, wasiModuleName) {
  if (captureError) fail(`capture failed: ${captureError.stack ?? captureError}`);
  const cap = captureFor(err);
  if (!cap) {
    process.stderr.write(`wasmcore-capture: the program ended with an exception that is not a wasm trap; no dump written\n${err?.stack ?? err}\n`);
    realExit(1);
  }
  writeDump(cap, executableName, wasiModuleName);
  realExit(0);
}

function finishWithoutTrap(status) {
  if (captureError) fail(`capture failed: ${captureError.stack ?? captureError}`);
  if (options.caught && firstCapture) {
    writeDump(firstCapture, path.basename(options.target), options.isJs ? null : path.basename(options.target));
    realExit(0);
  }
  process.stderr.write(`wasmcore-capture: the program ended without a trap (exit status ${status}); no dump written\n`);
  realExit(1);
}

// ---- WASI runner
function deterministicImports(imports, memoryOf) {
  const wasi = imports.wasi_snapshot_preview1;
  let seed = 0x2545f491, clock = 1704067200000000000n;
  wasi.random_get = (buf, len) => {
    const m = new Uint8Array(memoryOf().buffer, buf, len);
    for (let i = 0; i < len; i++) { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; m[i] = seed & 0xff; }   // xorshift32
    return 0;
  };
  wasi.clock_time_get = (id, precision, out) => {
    new DataView(memoryOf().buffer).setBigUint64(out, clock, true); clock += 1000000n; return 0;
  };
  const real = wasi.fd_fdstat_get;
  wasi.fd_fdstat_get = (fd, out) => {
    if (fd > 2) return real(fd, out);
    // fdstat (WASI preview1): filetype u8, pad u8, fs_flags u16, pad u32, rights_base u64,
    // rights_inheriting u64. Fixed: a character device that can be read, written and polled
    // but not seeked (what wasi-libc's isatty() looks for), whatever the real descriptor is.
    const rights = (1n << 1n) | (1n << 3n) | (1n << 6n) | (1n << 27n);   // fd_read, fd_fdstat_set_flags, fd_write, poll_fd_readwrite
    const dv = new DataView(memoryOf().buffer, out, 24);
    dv.setUint8(0, 2); dv.setUint8(1, 0); dv.setUint16(2, 0, true); dv.setUint32(4, 0, true);
    dv.setBigUint64(8, rights, true);
    dv.setBigUint64(16, rights, true);
    return 0;
  };
}

async function runWasi() {
  let bytes;
  try { bytes = readFileSync(options.target); } catch (e) { fail(`cannot read ${options.target}: ${e.message}`); }
  try { parseModule(bytes); } catch (e) { if (e instanceof ModuleError) fail(`${options.target}: ${e.message}`); throw e; }
  // node:wasi prints an ExperimentalWarning on construction; it is noise for this tool
  const emit = process.emitWarning;
  process.emitWarning = (w, ...rest) => { if (!String(w).includes('WASI')) emit.call(process, w, ...rest); };
  const { WASI } = await import('node:wasi');
  const preopens = Object.fromEntries(options.dirs.map(([host, guest]) => [guest, host]));
  const wasi = new WASI({ version: 'preview1', args: [path.basename(options.target), ...options.args], env: options.env, preopens, returnOnExit: true });
  process.emitWarning = emit;
  const imports = wasi.getImportObject();
  let instance = null;
  if (options.deterministic) deterministicImports(imports, () => instance.exports.memory);
  const name = path.basename(options.target);
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  } catch (err) {
    fail(`cannot instantiate ${options.target} as a WASI command: ${err.message}`);
  }
  if (!instance.exports._start) fail(`${options.target} exports no _start function (not a WASI command); use a JS entry to run it`);
  let status;
  try {
    status = wasi.start(instance);
  } catch (err) {
    finishWithError(err, name, name);
  }
  finishWithoutTrap(status ?? 0);
}

// ---- JS entry runner
async function runJs() {
  const entry = path.resolve(options.target);
  if (!existsSync(entry)) fail(`cannot read ${options.target}`);
  process.argv = [process.argv[0], entry, ...options.args];
  const name = path.basename(options.target);
  const onError = (err) => finishWithError(err, name, null);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  process.on('beforeExit', () => finishWithoutTrap(process.exitCode ?? 0));
  process.exit = (code) => finishWithoutTrap(code ?? process.exitCode ?? 0);
  try {
    await import(pathToFileURL(entry).href);
  } catch (err) {
    onError(err);
  }
}

const options = parseArgs(process.argv.slice(2));
post('Debugger.enable');
post('Debugger.setPauseOnExceptions', { state: 'all' });
if (options.isJs) await runJs(); else await runWasi();
