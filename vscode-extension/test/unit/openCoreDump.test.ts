import '../stub/register';
import { test, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { folder, resetStub, stub } from '../stub/vscode';
import { openCoreDump, OPEN_CORE_DUMP_COMMAND } from '../../src/openCoreDump';
import { activate } from '../../src/extension';
import { TraceFactory } from '../../src/tracker';
import { coreDump, tempDir, write } from './helpers';

beforeEach(() => resetStub());

test('from the explorer: a dump with its module next to it starts a session without questions', async () => {
  const dir = tempDir();
  stub.workspaceFolders = [folder(dir)];
  const core = write(path.join(dir, 'crash.core'), coreDump(undefined, ['crash.wasm']));
  const wasm = write(path.join(dir, 'crash.wasm'), 'wasm');
  assert.equal(await openCoreDump(vscode.Uri.file(core)), true);
  assert.equal(stub.openDialogCalls.length, 0);
  assert.equal(stub.startedSessions.length, 1);
  assert.equal(stub.startedSessions[0].folder, stub.workspaceFolders[0]);
  assert.deepEqual(stub.startedSessions[0].config,
    { type: 'wasmcore', request: 'launch', name: 'wasmcore: crash.core', coreFile: core, program: wasm });
});

test('from the palette: asks for the dump, then for the module when it is not next to the dump', async () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'dumps', 'crash.core'), coreDump(undefined, ['<anonymous-module-0>']));
  const wasm = write(path.join(dir, 'build', 'prog.wasm'), 'wasm');
  stub.openDialogAnswers = [[vscode.Uri.file(core)], [vscode.Uri.file(wasm)]];
  assert.equal(await openCoreDump(), true);
  assert.equal(stub.openDialogCalls.length, 2);
  assert.deepEqual(stub.openDialogCalls[0].filters['WebAssembly core dumps'], ['core', 'coredump']);
  assert.match(stub.openDialogCalls[1].title, /Select the wasm module of crash\.core/);
  assert.equal(stub.openDialogCalls[1].defaultUri.fsPath, path.join(dir, 'dumps'));
  assert.deepEqual(stub.startedSessions[0].config,
    { type: 'wasmcore', request: 'launch', name: 'wasmcore: crash.core', coreFile: core, program: wasm });
});

test('several selected modules become a program list', async () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'multi.core'), coreDump(undefined, []));
  const a = write(path.join(dir, 'm', 'a.wasm'), 'wasm');
  const b = write(path.join(dir, 'm', 'b.wasm'), 'wasm');
  stub.openDialogAnswers = [[vscode.Uri.file(a), vscode.Uri.file(b)]];
  assert.equal(await openCoreDump(vscode.Uri.file(core)), true);
  assert.deepEqual(stub.startedSessions[0].config.program, [a, b]);
});

test('cancelling either question starts nothing', async () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'lonely.core'), coreDump(undefined, []));
  stub.openDialogAnswers = [undefined];
  assert.equal(await openCoreDump(), false);
  stub.openDialogAnswers = [[vscode.Uri.file(core)], undefined];
  assert.equal(await openCoreDump(), false);
  stub.openDialogAnswers = [[]];
  assert.equal(await openCoreDump(vscode.Uri.file(core)), false);
  assert.equal(stub.startedSessions.length, 0);
});

test('activate registers the factory, the tracker, the three providers and the command', () => {
  const subscriptions: { dispose(): unknown }[] = [];
  activate({ extensionPath: '/ext', subscriptions } as unknown as vscode.ExtensionContext);
  const kinds = stub.registered.map((r) => r.kind);
  assert.deepEqual(kinds.sort(), ['command', 'factory', 'provider', 'provider', 'provider', 'tracker']);
  assert.ok(stub.registered.filter((r) => r.kind !== 'command').every((r) => r.args[0] === 'wasmcore'));
  const triggers = stub.registered.filter((r) => r.kind === 'provider').map((r) => r.args[2]);
  assert.deepEqual(triggers.sort(), [1, 2, undefined].sort());
  assert.equal(stub.registered.find((r) => r.kind === 'command')?.args[0], OPEN_CORE_DUMP_COMMAND);
  assert.equal(subscriptions.length, 7);
});

test('the DAP trace is off by default and logs both directions when wasmcore.trace is on', () => {
  const lines: string[] = [];
  const factory = new TraceFactory((l) => lines.push(l));
  const session = { name: 's' } as vscode.DebugSession;
  assert.equal(factory.createDebugAdapterTracker(session), undefined);
  stub.settings['wasmcore.trace'] = true;
  const tracker = factory.createDebugAdapterTracker(session) as vscode.DebugAdapterTracker;
  tracker.onWillReceiveMessage?.({ seq: 1, type: 'request', command: 'initialize' });
  tracker.onDidSendMessage?.({ seq: 1, type: 'response', command: 'initialize', body: { x: 'y'.repeat(5000) } });
  tracker.onExit?.(0, undefined);
  assert.match(lines[1], /ms\] -> \{"seq":1,"type":"request","command":"initialize"\}/);
  assert.match(lines[2], /ms\] <- \{"seq":1,"type":"response".*\.\.\. \(50\d\d chars\)$/);
  assert.match(lines[3], /adapter exited \(0\)/);
});
