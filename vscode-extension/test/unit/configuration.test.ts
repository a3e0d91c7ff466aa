import '../stub/register';
import { test, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { folder, resetStub, stub } from '../stub/vscode';
import { applyDefaults, DynamicConfigurationProvider, InitialConfigurationProvider, MAX_DUMPS,
  ResolvingConfigurationProvider, sessionDefaults, templateConfiguration } from '../../src/configuration';
import { coreDump, tempDir, write } from './helpers';

beforeEach(() => resetStub());

const never = async () => {
  throw new Error('must not ask');
};

test('settings give sourceMap and sourceSearchPaths defaults; the workspace folders when no search path is set', () => {
  stub.workspaceFolders = [folder('/ws/a'), folder('/ws/b', 1)];
  assert.deepEqual(sessionDefaults(), { sourceMap: {}, sourceSearchPaths: ['/ws/a', '/ws/b'] });
  stub.settings['wasmcore.sourceMap'] = { '/build': '/ws/a' };
  stub.settings['wasmcore.sourceSearchPaths'] = ['/src'];
  assert.deepEqual(sessionDefaults(), { sourceMap: { '/build': '/ws/a' }, sourceSearchPaths: ['/src'] });
});

test('applyDefaults fills only what the configuration leaves out', () => {
  const defaults = { sourceMap: { '/b': '/l' }, sourceSearchPaths: ['/s'] };
  assert.deepEqual(applyDefaults({ type: 'wasmcore', request: 'launch', name: 'n' }, defaults),
    { type: 'wasmcore', request: 'launch', name: 'n', sourceMap: { '/b': '/l' }, sourceSearchPaths: ['/s'] });
  const explicit = { type: 'wasmcore', request: 'launch', name: 'n', sourceMap: {}, sourceSearchPaths: [] };
  assert.deepEqual(applyDefaults(explicit, defaults), explicit);
  assert.deepEqual(applyDefaults({ type: 't', request: 'r', name: 'n' }, { sourceMap: {}, sourceSearchPaths: [] }),
    { type: 't', request: 'r', name: 'n' });
});

test('F5 without launch.json asks like the command; a configuration with a type is kept', async () => {
  let asked = 0;
  const provider = new ResolvingConfigurationProvider(async () => {
    asked++;
    return { type: 'wasmcore', request: 'launch', name: 'asked', coreFile: '/x.core' };
  });
  assert.equal((await provider.resolveDebugConfiguration(undefined, { type: '', request: '', name: '' }))?.name, 'asked');
  assert.equal(asked, 1);
  const given = { type: 'wasmcore', request: 'launch', name: 'given', coreFile: '${workspaceFolder}/a.core' };
  assert.deepEqual(await provider.resolveDebugConfiguration(undefined, given), given);
  assert.equal(asked, 1);
});

test('a missing coreFile or a dump that does not exist is reported and opens launch.json', async () => {
  const provider = new ResolvingConfigurationProvider(never);
  assert.equal(await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined,
    { type: 'wasmcore', request: 'launch', name: 'no core' }), null);
  assert.match(stub.errorMessages[0], /"no core" has no "coreFile"/);
  assert.equal(await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined,
    { type: 'wasmcore', request: 'launch', name: 'x', coreFile: '/does/not/exist.core' }), null);
  assert.match(stub.errorMessages[1], /\/does\/not\/exist\.core does not exist/);
});

test('the module is filled in from next to the dump, defaults applied, explicit program kept', async () => {
  const dir = tempDir();
  const core = write(path.join(dir, 'app.core'), coreDump(undefined, ['app.wasm']));
  const wasm = write(path.join(dir, 'app.wasm'), 'wasm');
  stub.workspaceFolders = [folder(dir)];
  const provider = new ResolvingConfigurationProvider(never);
  const resolved = await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined,
    { type: 'wasmcore', request: 'launch', name: 'x', coreFile: core });
  assert.deepEqual(resolved, { type: 'wasmcore', request: 'launch', name: 'x', coreFile: core, program: wasm,
    sourceSearchPaths: [dir] });
  const explicit = await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined,
    { type: 'wasmcore', request: 'launch', name: 'x', coreFile: core, program: '/other.wasm', sourceSearchPaths: [] });
  assert.equal(explicit?.program, '/other.wasm');
  assert.deepEqual(explicit?.sourceSearchPaths, []);
});

test('remote sessions are not checked against this machine\'s files', async () => {
  const provider = new ResolvingConfigurationProvider(never);
  const remote = { type: 'wasmcore', request: 'attach', name: 'r', port: 4711, coreFile: '/server/only.core' };
  assert.deepEqual(await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined, remote), remote);
  const dbg = { type: 'wasmcore', request: 'launch', name: 'd', debugServer: 4711, coreFile: '/server/only.core' };
  assert.deepEqual(await provider.resolveDebugConfigurationWithSubstitutedVariables(undefined, dbg), dbg);
  assert.deepEqual(stub.errorMessages, []);
});

test('the dynamic provider offers every dump of the workspace with its module', async () => {
  const dir = tempDir();
  const a = write(path.join(dir, 'a', 'one.core'), coreDump(undefined, ['one.wasm']));
  const one = write(path.join(dir, 'a', 'one.wasm'), 'wasm');
  const b = write(path.join(dir, 'b', 'two.coredump'), coreDump(undefined, []));
  stub.workspaceFolders = [folder(dir)];
  stub.files = [b, a];
  const configs = await new DynamicConfigurationProvider().provideDebugConfigurations(undefined);
  assert.deepEqual(configs, [
    { type: 'wasmcore', request: 'launch', name: `wasmcore: ${path.join('a', 'one.core')}`, coreFile: a, program: one },
    { type: 'wasmcore', request: 'launch', name: `wasmcore: ${path.join('b', 'two.coredump')}`, coreFile: b },
  ]);
  assert.equal(stub.findFilesCalls[0].include, '**/*.{core,coredump}');
  assert.equal(stub.findFilesCalls[0].exclude, '**/node_modules/**');
  assert.equal(stub.findFilesCalls[0].maxResults, MAX_DUMPS);
});

test('the initial provider writes dumps relative to ${workspaceFolder}, or the template when there is none', async () => {
  const dir = tempDir();
  const ws = folder(dir);
  stub.workspaceFolders = [ws];
  const provider = new InitialConfigurationProvider();
  assert.deepEqual(await provider.provideDebugConfigurations(ws as never), [templateConfiguration()]);
  const core = write(path.join(dir, 'dumps', 'x.core'), coreDump(undefined, ['x.wasm']));
  write(path.join(dir, 'dumps', 'x.wasm'), 'wasm');
  stub.files = [core];
  const configs = await provider.provideDebugConfigurations(ws as never);
  assert.equal(configs.length, 1);
  assert.equal(configs[0].coreFile, '${workspaceFolder}/dumps/x.core');
  assert.equal(configs[0].program, '${workspaceFolder}/dumps/x.wasm');
});
