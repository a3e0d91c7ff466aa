// End-to-end tests of the wasmcore DAP server through Microsoft's DAP test client
// (@vscode/debugadapter-testsupport), over stdio (a new adapter process per session) and over TCP
// (one `wasmcore dap --port 0` server, one connection per session), on the project's own samples.
//
// Environment: WASMCORE_LAUNCHER (default: adapter/wasmcore), WASMCORE_SAMPLES (default: src/out).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import testsupport from '@vscode/debugadapter-testsupport';

const { DebugClient } = testsupport;
const here = path.dirname(fileURLToPath(import.meta.url));
const checkout = path.resolve(here, '../../../..');
const launcher = process.env.WASMCORE_LAUNCHER || path.join(checkout, 'adapter', 'wasmcore');
const samples = process.env.WASMCORE_SAMPLES || path.join(checkout, 'src', 'out');
const SAMPLES = ['c_dw5_O0', 'cpp_dw5_O2', 'rs_O0'];
const TIMEOUT = 30000;

function expected(name) {
  return JSON.parse(fs.readFileSync(path.join(samples, 'expected', `${name}.json`), 'utf8'));
}

function launchArgs(name) {
  return {
    name, type: 'wasmcore', request: 'launch',
    coreFile: path.join(samples, `${name}.core`),
    program: path.join(samples, `${name}.wasm`),
    sourceMap: { '/wasmcore/src': path.join(checkout, 'src') },
  };
}

/**
 * "ns::f(int) const" -> "ns::f"; Rust legacy names as rustfilt shows them (hash dropped, `$u7b$`-style escapes and
 * `..` decoded): the part of a symbolizer name a frame must show.
 */
function shortName(fn) {
  const rust = /::h[0-9a-f]{16}$/.test(fn);
  let s = fn.replace(/::h[0-9a-f]{16}$/, '');
  if (rust) {
    const esc = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
    s = s.replace(/(^|::)_\$/g, '$1$')
      .replace(/\$(SP|BP|RF|LT|GT|LP|RP|C)\$/g, (_, k) => esc[k])
      .replace(/\$u([0-9a-f]{1,6})\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replaceAll('..', '::');
    return s;
  }
  return s.replace(/\(.*$/, '');
}

/** Runs one whole session on a started client and checks what a person would look at. */
const step = (s) => { if (process.env.E2E_TRACE) console.error(`  ${s}`); };

async function session(dc, name) {
  const exp = expected(name);
  // the initialized event follows the initialize response at once: listen before asking
  const initialized = dc.waitForEvent('initialized', TIMEOUT);
  const init = await dc.initializeRequest({ adapterID: 'wasmcore', linesStartAt1: true, columnsStartAt1: true,
    pathFormat: 'path', supportsVariableType: true, supportsVariablePaging: true, supportsMemoryReferences: true });
  assert.equal(init.body.supportsReadMemoryRequest, true);
  const stopped = dc.waitForEvent('stopped', TIMEOUT);
  await dc.launchRequest(launchArgs(name));
  await initialized;
  await dc.configurationDoneRequest();
  const ev = await stopped;
  assert.equal(ev.body.reason, 'exception');

  step('threads');
  const threads = (await dc.threadsRequest()).body.threads;
  assert.ok(threads.length >= 1);
  const threadId = ev.body.threadId ?? threads[0].id;
  const frames = (await dc.stackTraceRequest({ threadId, startFrame: 0, levels: 0 })).body.stackFrames;
  const want = exp.frames.flatMap((f) => f.symbolized);
  assert.equal(frames.length, want.length, `frames of ${name}`);
  for (let i = 0; i < want.length; i++) {
    if (!want[i].FunctionName) continue;
    assert.ok(frames[i].name.includes(shortName(want[i].FunctionName)), `frame ${i}: ${frames[i].name} vs ${want[i].FunctionName}`);
    if (want[i].Line > 0) assert.equal(frames[i].line, want[i].Line, `line of frame ${i}`);
    if (want[i].FileName) assert.ok(frames[i].source && frames[i].source.path.endsWith(path.basename(want[i].FileName)));
    assert.ok(frames[i].instructionPointerReference);
  }

  step('top');
  const top = frames.find((f) => f.source);
  const scopes = (await dc.scopesRequest({ frameId: top.id })).body.scopes;
  assert.ok(scopes.length >= 1);
  let memoryReference = null;
  let shown = 0;
  for (const scope of scopes.filter((s) => !s.expensive)) {
    const vars = (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
    for (const v of vars) {
      assert.equal(typeof v.value, 'string');
      shown++;
      memoryReference = memoryReference || v.memoryReference;
    }
  }
  assert.ok(shown > 0, 'the top source frame shows variables');

  step('fact');
  const fact = (exp.sourceValues || []).find((f) => f.frame === 0) || (exp.sourceValues || [])[0];
  if (fact) {
    // the DAP frames of the fact's physical frame (one per inlined level): the value is in one of them
    const first = exp.frames.slice(0, fact.frame).reduce((n, f) => n + f.symbolized.length, 0);
    const errors = [];
    let r = null;
    for (let i = first; i < first + exp.frames[fact.frame].symbolized.length && !r; i++) {
      r = await dc.evaluateRequest({ expression: fact.expression, frameId: frames[i].id, context: 'watch' })
        .catch((e) => { errors.push(e.message); return null; });
    }
    assert.ok(r, `evaluate '${fact.expression}': ${errors.join('; ')}`);
    assert.equal(typeof r.body.result, 'string');
    memoryReference = memoryReference || r.body.memoryReference;
  }
  step('repl');
  const repl = await dc.evaluateRequest({ expression: 'bt', frameId: top.id, context: 'repl' });
  assert.ok(repl.body.result.length > 0);

  step('info');
  const info = await dc.exceptionInfoRequest({ threadId });
  assert.ok([info.body.exceptionId, info.body.description].join(' ').toLowerCase().includes(exp.trap.toLowerCase()));

  step('dis');
  const dis = await dc.send('disassemble', { memoryReference: frames[0].instructionPointerReference,
    instructionOffset: -4, instructionCount: 16, resolveSymbols: true });
  assert.equal(dis.body.instructions.length, 16);

  step('(memoryReference)');
  if (memoryReference) {
    const mem = await dc.send('readMemory', { memoryReference, count: 16 });
    assert.ok(Buffer.from(mem.body.data || '', 'base64').length <= 16);
  }
  step('assert.rejects');
  await assert.rejects(dc.continueRequest({ threadId }), /cannot resume/);
  step('dc.disconnectRequest');
  // the adapter process exits with 0 (stdio), or the server ends the connection (TCP)
  const proc = dc._adapterProcess;
  const sock = dc._socket;
  const over = proc
    ? new Promise((resolve) => proc.once('exit', (code) => resolve(code)))
    : new Promise((resolve) => sock.once('close', () => resolve(0)));
  await dc.disconnectRequest({ restart: false });
  const code = await Promise.race([over, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
  assert.equal(code, 0, 'the session ends after disconnect');
}

/** Ends a client whose session failed half-way (a finished session has disconnected already). */
async function abandon(dc) {
  if (dc._adapterProcess && dc._adapterProcess.exitCode === null) dc._adapterProcess.kill();
  if (dc._socket) dc._socket.destroy();
}

for (const name of SAMPLES) {
  test(`stdio: ${name}`, { timeout: 120000 }, async () => {
    const dc = new DebugClient(launcher, 'dap', 'wasmcore', { cwd: checkout }, true);
    dc.defaultTimeout = TIMEOUT;
    await dc.start();
    try {
      await session(dc, name);
    } finally {
      await abandon(dc);
    }
  });
}

let server = null;
let port = 0;

before(async () => {
  server = spawn(launcher, ['dap', '--port', '0'], { cwd: checkout, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the TCP server printed no ready line')), 120000);
    let text = '';
    const scan = (chunk) => {
      text += chunk;
      const m = /DAP server listening at: (\S+):(\d+)/.exec(text);
      if (m) { clearTimeout(timer); resolve(Number(m[2])); }
    };
    server.stdout.on('data', scan);
    server.stderr.on('data', scan);
    server.on('exit', (code) => reject(new Error(`the TCP server exited with ${code}: ${text}`)));
  });
});

after(() => {
  if (server && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

for (const name of SAMPLES) {
  test(`tcp: ${name}`, { timeout: 120000 }, async () => {
    const dc = new DebugClient(launcher, 'dap', 'wasmcore');
    await dc.start(port);
    try {
      await session(dc, name);
    } finally {
      await abandon(dc);
    }
  });
}
