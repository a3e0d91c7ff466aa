/**
 * End-to-end DAP sessions: the adapter is started exactly as the extension starts it (the launch configuration
 * resolved by the extension's own provider, the adapter chosen by its own planAdapter with the Java that findJava
 * picks) and driven with Microsoft's DAP client (@vscode/debugadapter-testsupport) on the project's C, C++ and Rust
 * samples: initialize, launch (stdio) / attach (TCP server), stopped, threads, stackTrace, scopes, variables,
 * evaluate (watch, hover, repl), exceptionInfo, disassemble, disconnect.
 */
import '../stub/register';
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { Readable, Writable } from 'node:stream';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { folder, resetStub, stub } from '../stub/vscode';
import { adapterCommandLine, planAdapter } from '../../src/adapter';
import { ResolvingConfigurationProvider } from '../../src/configuration';
import { findJava } from '../../src/java';
import { extensionRoot, loadSamples, repoRoot, Sample, shortName } from '../samples';

const TIMEOUT = 60_000;
const java = findJava({ env: process.env });
const samples = loadSamples();
const children: ChildProcess[] = [];

after(() => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

/** The configuration a user writes in launch.json (no program: the extension finds it next to the dump). */
async function resolvedConfiguration(sample: Sample, extra: Record<string, unknown> = {}) {
  resetStub();
  stub.workspaceFolders = [folder(repoRoot)];
  const provider = new ResolvingConfigurationProvider(async () => undefined);
  const config = await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined, {
    type: 'wasmcore', request: 'launch', name: sample.name, coreFile: sample.core, sourceMap: sample.sourceMap, ...extra,
  });
  assert.ok(config, `resolved: ${stub.errorMessages.join('; ')}`);
  // locally the extension finds the module next to the dump; a remote configuration names it (server paths)
  assert.equal(config.program, sample.module, extra.port ? 'the remote configuration names the module'
    : 'the module is found next to the dump');
  return config;
}

function stderrTail(lines: string[]): string {
  return lines.slice(-20).join('');
}

/** Starts the adapter over stdio with the factory's command line. */
function startStdio(config: Record<string, unknown>): { client: StreamClient; child: ChildProcess; stderr: string[] } {
  const plan = planAdapter(config, extensionRoot, () => java.path);
  assert.equal(plan.kind, 'executable');
  if (plan.kind !== 'executable') {
    throw new Error('unreachable');
  }
  assert.deepEqual(plan, adapterCommandLine(extensionRoot, java.path));
  const child = spawn(plan.command, [...plan.args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const client = new StreamClient();
  client.connectStreams(child.stdout!, child.stdin!);
  return { client, child, stderr };
}

/** Microsoft's client, connected to streams of a process or socket that the test started itself. */
class StreamClient extends DebugClient {
  constructor() {
    super('unused', 'unused', 'wasmcore');
    this.defaultTimeout = TIMEOUT;
  }
  connectStreams(readable: Readable, writable: Writable): void {
    this.connect(readable, writable);
  }
}

const INITIALIZE: DebugProtocol.InitializeRequestArguments = {
  clientID: 'vscode', clientName: 'Visual Studio Code', adapterID: 'wasmcore', pathFormat: 'path',
  linesStartAt1: true, columnsStartAt1: true, supportsVariableType: true, supportsVariablePaging: true,
  supportsRunInTerminalRequest: true, locale: 'en', supportsProgressReporting: true, supportsInvalidatedEvent: true,
  supportsMemoryReferences: true, supportsArgsCanBeInterpretedByShell: true, supportsMemoryEvent: true,
  supportsStartDebuggingRequest: true,
};

/** The whole round of requests VS Code makes when it shows a stopped session, with the sample's answers. */
async function checkSession(client: DebugClient, sample: Sample, request: 'launch' | 'attach',
  config: Record<string, unknown>): Promise<void> {
  const initialized = client.waitForEvent('initialized', TIMEOUT);
  initialized.catch(() => undefined); // awaited below; a failure of initialize must not be reported twice
  const init = await client.initializeRequest(INITIALIZE);
  const caps = init.body ?? {};
  for (const cap of ['supportsConfigurationDoneRequest', 'supportsEvaluateForHovers', 'supportsReadMemoryRequest',
    'supportsDisassembleRequest', 'supportsExceptionInfoRequest'] as const) {
    assert.equal(caps[cap], true, `initialize declares ${cap}`);
  }
  await initialized;
  const stopped = client.waitForEvent('stopped', TIMEOUT);
  stopped.catch(() => undefined);
  const args = { ...config, __sessionId: 'e2e' } as DebugProtocol.LaunchRequestArguments;
  if (request === 'launch') {
    await client.launchRequest(args);
  } else {
    await client.attachRequest(args as DebugProtocol.AttachRequestArguments);
  }
  await client.configurationDoneRequest();
  const stop = (await stopped) as DebugProtocol.StoppedEvent;
  assert.equal(stop.body.reason, 'exception');

  const threads = await client.threadsRequest();
  assert.ok(threads.body.threads.length >= 1);
  const threadId = stop.body.threadId ?? threads.body.threads[0].id;

  const trace = await client.stackTraceRequest({ threadId, startFrame: 0, levels: 200 });
  const frames = trace.body.stackFrames;
  const table = frames.map((f, i) => `  #${i} ${f.name} ${f.source?.path ?? '-'}:${f.line}`
    + `${f.source?.presentationHint ? ` [${f.source.presentationHint}]` : ''}`).join('\n');
  // the expected frames appear in order, with file and line
  let at = 0;
  for (const want of sample.expectedFrames) {
    const found = frames.findIndex((f, i) => i >= at && shortName(f.name).endsWith(want.name));
    assert.ok(found >= 0, `${sample.name}: frame ${want.name} ${want.file}:${want.line} missing from\n${table}`);
    const got = frames[found];
    assert.equal(path.basename(got.source?.path ?? ''), want.file, `${want.name} file\n${table}`);
    assert.equal(got.line, want.line, `${want.name} line\n${table}`);
    at = found + 1;
  }
  for (const f of frames) {
    assert.ok(f.instructionPointerReference, `frame ${f.name} has an instructionPointerReference`);
  }
  // VS Code focuses the first frame whose source is available and not deemphasized: it must be the user's frame
  const focus = frames.find((f) => f.source && f.source.presentationHint !== 'deemphasize');
  assert.ok(focus, `a frame with source\n${table}`);
  assert.ok(shortName(focus.name).endsWith(sample.expectedFrames[0].name),
    `VS Code would focus ${focus.name}, expected ${sample.expectedFrames[0].name}\n${table}`);

  const info = await client.send('exceptionInfo', { threadId }) as DebugProtocol.ExceptionInfoResponse;
  assert.match(`${info.body.exceptionId} ${info.body.description ?? ''}`, new RegExp(sample.trap));

  const scopes = (await client.scopesRequest({ frameId: focus.id })).body.scopes;
  assert.ok(scopes.length >= 2, JSON.stringify(scopes));
  let parameter: DebugProtocol.Variable | undefined;
  for (const scope of scopes.filter((s) => !s.expensive)) {
    const vars = (await client.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
    parameter ??= vars.find((v) => v.name === sample.parameter.name);
  }
  assert.ok(parameter, `${sample.parameter.name} in ${scopes.map((s) => s.name).join(', ')}`);
  assert.ok(parameter.value.includes(sample.parameter.value), `${parameter.name} = ${parameter.value}`);

  const evaluate = async (expression: string, context: string) =>
    (await client.evaluateRequest({ expression, frameId: focus.id, context })).body.result;
  assert.ok((await evaluate(sample.watch.expression, 'watch')).includes(sample.watch.value));
  assert.ok((await evaluate(sample.hover.name, 'hover')).includes(sample.hover.value));
  const printed = await evaluate(`p ${sample.print.expression}`, 'repl');
  assert.ok(printed.includes(sample.print.value), `p ${sample.print.expression}: ${printed}`);
  const bt = await evaluate('bt', 'repl');
  for (const want of sample.expectedFrames) {
    assert.ok(bt.includes(want.name), `bt shows ${want.name}:\n${bt}`);
  }

  const disassembly = await client.send('disassemble', { memoryReference: focus.instructionPointerReference,
    instructionOffset: -4, instructionCount: 16, resolveSymbols: true }) as DebugProtocol.DisassembleResponse;
  const instructions = disassembly.body?.instructions ?? [];
  assert.equal(instructions.length, 16);
  assert.ok(instructions.some((i) => i.address === focus.instructionPointerReference), 'the trap instruction');
  assert.ok(instructions.some((i) => /^(i32|i64|f32|f64|local|global|call|br|unreachable|end|block|if|loop)/
    .test(i.instruction)), instructions.map((i) => i.instruction).join('\n'));
}

/**
 * Runs the session checks, failing at once when the adapter process exits under them, and after `ms` at the
 * latest (a timer that keeps the event loop alive, so a silent adapter is a clear failure, not a cancelled test).
 */
async function guarded<T>(child: ChildProcess, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onExit: ((code: number | null) => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    onExit = (code) => reject(new Error(`the adapter exited with code ${code} in the middle of the session`));
    child.once('exit', onExit);
  });
  try {
    return await Promise.race([work, failure]);
  } finally {
    clearTimeout(timer);
    if (onExit) {
      child.off('exit', onExit);
    }
  }
}

function exited(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) {
      resolve(child.exitCode);
      return;
    }
    const timer = setTimeout(() => reject(new Error(`adapter still running ${ms} ms after disconnect`)), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('stdio: the bundled jar, as the extension starts it', () => {
  for (const sample of samples) {
    test(`${sample.language} sample ${sample.name}`, { timeout: 3 * TIMEOUT }, async () => {
      const config = await resolvedConfiguration(sample);
      const { client, child, stderr } = startStdio(config);
      try {
        await guarded(child, 2 * TIMEOUT, checkSession(client, sample, 'launch', config));
        await client.disconnectRequest({ terminateDebuggee: true });
        child.stdin?.end();
        assert.equal(await exited(child, 5000), 0);
      } catch (e) {
        throw new Error(`${(e as Error).message}\nadapter stderr:\n${stderrTail(stderr)}`, { cause: e });
      } finally {
        if (child.exitCode === null) {
          child.kill('SIGKILL');
        }
      }
    });
  }
});

describe('TCP: a wasmcore dap --port server, reached as the extension reaches it for attach with host/port', () => {
  test('attach to a server and open the C sample', { timeout: 3 * TIMEOUT }, async () => {
    const sample = samples[0];
    const command = adapterCommandLine(extensionRoot, java.path);
    const server = spawn(command.command, [...command.args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(server);
    const stderr: string[] = [];
    const address = await new Promise<{ host: string; port: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line:\n${stderrTail(stderr)}`)), TIMEOUT);
      const onData = (d: Buffer) => {
        stderr.push(d.toString());
        const m = /DAP server listening at: (\S+):(\d+)/.exec(stderr.join(''));
        if (m) {
          clearTimeout(timer);
          resolve({ host: m[1], port: Number(m[2]) });
        }
      };
      server.stderr?.on('data', onData);
      server.stdout?.on('data', onData);
      server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${stderrTail(stderr)}`)));
    });
    assert.equal(address.host, '127.0.0.1', 'binds loopback by default');
    const config = await resolvedConfiguration(sample, { request: 'attach', host: address.host, port: address.port,
      program: sample.module });
    const plan = planAdapter(config, extensionRoot, () => {
      throw new Error('no Java lookup for a server session');
    });
    assert.deepEqual(plan, { kind: 'server', host: '127.0.0.1', port: address.port });
    const socket = net.createConnection(plan.port, plan.host);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new StreamClient();
    client.connectStreams(socket, socket);
    try {
      await guarded(server, 2 * TIMEOUT, checkSession(client, sample, 'attach', config));
      await client.disconnectRequest({});
    } catch (e) {
      throw new Error(`${(e as Error).message}\nserver stderr:\n${stderrTail(stderr)}`, { cause: e });
    } finally {
      socket.destroy();
      server.kill('SIGTERM');
    }
    await exited(server, 10000).catch(() => server.kill('SIGKILL'));
  });
});
