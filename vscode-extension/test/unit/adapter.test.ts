import '../stub/register';
import { test, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resetStub, stub } from '../stub/vscode';
import { ADAPTER_JAR, AdapterConfigError, JVM_OPTIONS, adapterCommandLine, planAdapter } from '../../src/adapter';
import { WasmcoreDescriptorFactory } from '../../src/descriptorFactory';
import { JavaNotFoundError, JavaSearch } from '../../src/java';
import { tempDir, write } from './helpers';

function extensionRoot(): string {
  const root = tempDir('wasmcore-ext-');
  write(path.join(root, ADAPTER_JAR), 'PK');
  return root;
}

const noJava = () => {
  throw new Error('Java must not be looked up for a server session');
};

beforeEach(() => resetStub());

test('launch runs the bundled jar over stdio: java OPTIONS -jar <ext>/adapter/wasmcore.jar dap', () => {
  const root = extensionRoot();
  const plan = planAdapter({ request: 'launch' }, root, () => '/opt/jdk/bin/java');
  assert.deepEqual(plan, { kind: 'executable', command: '/opt/jdk/bin/java',
    args: ['-Xlog:disable', '-Xlog:all=warning:stderr', '-XX:+UseSerialGC', '-Djdk.reflect.useNativeAccessorOnly=true',
      '-jar', path.join(root, 'adapter', 'wasmcore.jar'), 'dap'] });
  assert.deepEqual(plan, adapterCommandLine(root, '/opt/jdk/bin/java'));
});

test('attach without a port also starts the bundled adapter (the server serves attach like launch)', () => {
  const root = extensionRoot();
  assert.equal(planAdapter({ request: 'attach' }, root, () => 'java').kind, 'executable');
});

test('debugServer connects to localhost in launch and attach, and wins over port', () => {
  const root = extensionRoot();
  assert.deepEqual(planAdapter({ request: 'launch', debugServer: 4711 }, root, noJava),
    { kind: 'server', port: 4711, host: '127.0.0.1' });
  assert.deepEqual(planAdapter({ request: 'attach', debugServer: 5000, port: 6000, host: 'example' }, root, noJava),
    { kind: 'server', port: 5000, host: '127.0.0.1' });
});

test('attach with port (and host) connects to the remote server; host defaults to 127.0.0.1', () => {
  const root = extensionRoot();
  assert.deepEqual(planAdapter({ request: 'attach', port: 9229, host: 'debug-box' }, root, noJava),
    { kind: 'server', port: 9229, host: 'debug-box' });
  assert.deepEqual(planAdapter({ request: 'attach', port: 9229 }, root, noJava),
    { kind: 'server', port: 9229, host: '127.0.0.1' });
  assert.deepEqual(planAdapter({ request: 'attach', port: 9229, host: '' }, root, noJava),
    { kind: 'server', port: 9229, host: '127.0.0.1' });
});

test('a port on launch is not a server (only attach and debugServer are)', () => {
  const root = extensionRoot();
  assert.equal(planAdapter({ request: 'launch', port: 4711 }, root, () => 'java').kind, 'executable');
});

test('bad ports, a host without a port, and a missing jar are clear errors', () => {
  const root = extensionRoot();
  for (const port of [0, 65536, -1, 1.5, '4711', true]) {
    assert.throws(() => planAdapter({ request: 'attach', port }, root, noJava),
      (e: Error) => e instanceof AdapterConfigError && e.message.includes('"port" must be a port number'));
  }
  assert.throws(() => planAdapter({ debugServer: 'x' }, root, noJava), /"debugServer" must be a port number/);
  assert.throws(() => planAdapter({ request: 'attach', host: 'box' }, root, noJava), /"port" is missing/);
  assert.throws(() => planAdapter({ request: 'attach', port: 1, host: 7 }, root, noJava), /"host" must be a string/);
  assert.throws(() => planAdapter({ request: 'launch' }, tempDir(), () => 'java'), /adapter jar is missing/);
});

test('the factory maps plans to DebugAdapterExecutable and DebugAdapterServer', () => {
  const root = extensionRoot();
  const searches: JavaSearch[] = [];
  const factory = new WasmcoreDescriptorFactory(root, (l) => stub.output.push(l), (search) => {
    searches.push(search);
    return { path: '/jdk17/bin/java', version: 17, source: 'JAVA_HOME' };
  });
  stub.settings['wasmcore.javaHome'] = '/custom/jdk';
  const session = (configuration: object) => ({ name: 's', configuration }) as unknown as vscode.DebugSession;

  const exe = factory.createDebugAdapterDescriptor(session({ type: 'wasmcore', request: 'launch', coreFile: '/a.core' }));
  assert.ok(exe instanceof vscode.DebugAdapterExecutable);
  assert.equal(exe.command, '/jdk17/bin/java');
  assert.deepEqual(exe.args, [...JVM_OPTIONS, '-jar', path.join(root, 'adapter', 'wasmcore.jar'), 'dap']);
  assert.equal(searches.length, 1);
  assert.equal(searches[0].javaHomeSetting, '/custom/jdk');

  // a second session with the same settings does not probe Java again
  factory.createDebugAdapterDescriptor(session({ request: 'launch', coreFile: '/b.core' }));
  assert.equal(searches.length, 1);
  // a changed setting does
  stub.settings['wasmcore.javaHome'] = '/other/jdk';
  factory.createDebugAdapterDescriptor(session({ request: 'launch', coreFile: '/b.core' }));
  assert.equal(searches.length, 2);

  const server = factory.createDebugAdapterDescriptor(session({ request: 'attach', port: 4711, host: '10.0.0.2' }));
  assert.ok(server instanceof vscode.DebugAdapterServer);
  assert.equal(server.port, 4711);
  assert.equal(server.host, '10.0.0.2');
  const dbg = factory.createDebugAdapterDescriptor(session({ request: 'launch', debugServer: 4712 }));
  assert.ok(dbg instanceof vscode.DebugAdapterServer);
  assert.equal(dbg.port, 4712);
  assert.equal(dbg.host, '127.0.0.1');
  assert.equal(searches.length, 2, 'server sessions never look for Java');
  assert.ok(stub.output.some((l) => l.includes('127.0.0.1:4712')));
});

test('the factory passes the Java error through with its message', () => {
  const root = extensionRoot();
  const factory = new WasmcoreDescriptorFactory(root, undefined, () => {
    throw new JavaNotFoundError('No Java 17+ found (JAVA_HOME: not set; PATH: no java). wasmcore needs Java 17');
  });
  assert.throws(() => factory.createDebugAdapterDescriptor({ name: 's', configuration: { request: 'launch' } } as
    unknown as vscode.DebugSession), /No Java 17\+ found/);
  // a remote session still works without Java
  const server = factory.createDebugAdapterDescriptor({ name: 's', configuration: { request: 'attach', port: 7 } } as
    unknown as vscode.DebugSession);
  assert.ok(server instanceof vscode.DebugAdapterServer);
});
