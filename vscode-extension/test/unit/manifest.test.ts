/**
 * The package.json contributions: the launch/attach attribute schemas compile, and the initial configurations,
 * the configuration snippets (as VS Code expands them) and every attribute default validate against them.
 */
import '../stub/register';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { templateConfiguration } from '../../src/configuration';

const root = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const manifest: any = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const debuggerContribution = manifest.contributes.debuggers[0];
const attributes = debuggerContribution.configurationAttributes;

/** The schema VS Code builds for one request type of launch.json (its own attributes, plus type/request/name). */
function launchJsonSchema(request: 'launch' | 'attach'): object {
  const own = attributes[request];
  return {
    type: 'object',
    required: ['type', 'request', 'name', ...own.required],
    properties: {
      type: { const: 'wasmcore' },
      request: { const: request },
      name: { type: 'string', minLength: 1 },
      ...own.properties,
    },
    additionalProperties: false,
  };
}

/**
 * Expands a snippet body as VS Code inserts it: a string starting with `^` is inserted unquoted (so `^"..."` is a
 * JSON string), `\$` is a literal `$`, and a placeholder `${1:text}` becomes its text.
 */
function expandSnippet(value: unknown): unknown {
  if (typeof value === 'string') {
    let text = value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\\$/g, '$');
    if (text.startsWith('^')) {
      text = JSON.parse(text.slice(1));
    }
    return text;
  }
  if (Array.isArray(value)) {
    return value.map(expandSnippet);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandSnippet(v)]));
  }
  return value;
}

function validator(request: 'launch' | 'attach') {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(launchJsonSchema(request));
}

test('debugger type, label and both request schemas', () => {
  assert.equal(debuggerContribution.type, 'wasmcore');
  assert.ok(debuggerContribution.label.length > 0);
  for (const request of ['launch', 'attach'] as const) {
    validator(request); // compiles in strict mode
    const props = attributes[request].properties;
    for (const name of ['coreFile', 'program', 'debugInfoPaths', 'sourceMap', 'sourceSearchPaths']) {
      assert.ok(props[name], `${request}.${name} declared`);
      assert.ok(props[name].description.length > 20, `${request}.${name} has a description`);
      assert.ok('default' in props[name], `${request}.${name} has a default`);
    }
    assert.deepEqual(attributes[request].required, ['coreFile']);
  }
  assert.ok(attributes.attach.properties.host && attributes.attach.properties.port);
});

test('each attribute default validates against its own schema', () => {
  const ajv = new Ajv({ strict: true });
  for (const request of ['launch', 'attach']) {
    for (const [name, schema] of Object.entries<Record<string, unknown>>(attributes[request].properties)) {
      const check = ajv.compile(schema);
      const value = expandSnippet(schema.default);
      assert.ok(check(value), `${request}.${name} default ${JSON.stringify(value)}: ${ajv.errorsText(check.errors)}`);
    }
  }
});

test('initialConfigurations validate, and equal what the initial provider writes when no dump is found', () => {
  const initial = debuggerContribution.initialConfigurations;
  assert.ok(initial.length >= 1);
  for (const config of initial) {
    const check = validator(config.request);
    assert.ok(check(config), `${config.name}: ${JSON.stringify(check.errors)}`);
  }
  assert.deepEqual(initial[0], templateConfiguration());
});

test('configuration snippets "Open a wasm core dump" and "Connect to a remote wasmcore server" validate', () => {
  const snippets = debuggerContribution.configurationSnippets;
  const labels = snippets.map((s: { label: string }) => s.label);
  assert.ok(labels.some((l: string) => l.endsWith('Open a wasm core dump')), labels.join());
  assert.ok(labels.some((l: string) => l.endsWith('Connect to a remote wasmcore server')), labels.join());
  for (const snippet of snippets) {
    const body = expandSnippet(snippet.body) as { request: 'launch' | 'attach' };
    const check = validator(body.request);
    assert.ok(check(body), `${snippet.label}: ${JSON.stringify(check.errors)} in ${JSON.stringify(body)}`);
    assert.ok(snippet.description.length > 0);
  }
  const remote = expandSnippet(snippets.find((s: { label: string }) => s.label.endsWith('remote wasmcore server')).body);
  assert.equal((remote as { request: string }).request, 'attach');
  assert.equal(typeof (remote as { port: unknown }).port, 'number');
});

test('the schemas reject what the adapter would reject', () => {
  const check = validator('launch');
  assert.equal(check({ type: 'wasmcore', request: 'launch', name: 'n' }), false, 'coreFile is required');
  assert.equal(check({ type: 'wasmcore', request: 'launch', name: 'n', coreFile: 1 }), false);
  assert.equal(check({ type: 'wasmcore', request: 'launch', name: 'n', coreFile: 'a', sourceMap: { '/x': 3 } }), false);
  assert.equal(check({ type: 'wasmcore', request: 'launch', name: 'n', coreFile: 'a', program: ['a.wasm', 'b.wasm'] }),
    true);
  assert.equal(validator('attach')({ type: 'wasmcore', request: 'attach', name: 'n', coreFile: 'a', port: '80' }), false);
});

test('command, explorer menu, settings, activation and the @types/vscode pin', () => {
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'wasmcore.openCoreDump');
  assert.equal(`${command.category}: ${command.title}`, 'wasmcore: Open Core Dump...');
  const menu = manifest.contributes.menus['explorer/context'].find((m: { command: string }) =>
    m.command === 'wasmcore.openCoreDump');
  assert.match(menu.when, /resourceExtname == \.core/);
  assert.match(menu.when, /resourceExtname == \.coredump/);
  const settings = manifest.contributes.configuration.properties;
  assert.equal(settings['wasmcore.javaHome'].type, 'string');
  for (const event of ['onDebugResolve:wasmcore', 'onDebugDynamicConfigurations:wasmcore', 'onCommand:wasmcore.openCoreDump']) {
    assert.ok(manifest.activationEvents.includes(event), event);
  }
  // vsce refuses @types/vscode newer than the engines floor: keep them equal
  const floor = manifest.engines.vscode.replace(/^\^/, '');
  assert.equal(manifest.devDependencies['@types/vscode'], floor);
  assert.ok(fs.existsSync(path.join(root, manifest.main.replace(/^\.\//, ''))), `${manifest.main} is built`);
});
