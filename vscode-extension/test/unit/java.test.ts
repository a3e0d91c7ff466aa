import '../stub/register';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultProbe, findJava, JavaNotFoundError, MIN_JAVA_VERSION, parseJavaVersion } from '../../src/java';
import { tempDir, write } from './helpers';

/** A JDK home with a bin/java file whose version the fake probe reports. */
function fakeHome(root: string, version: string): string {
  const home = path.join(root, `jdk-${version}`);
  write(path.join(home, 'bin', 'java'), version);
  return home;
}

/** Probe that reads the version written into the fake java file. */
const fileProbe = (javaPath: string) => `openjdk version "${fs.readFileSync(javaPath, 'utf8')}" 2024-01-01`;

test('parseJavaVersion reads modern, legacy and bare version strings', () => {
  assert.equal(parseJavaVersion('openjdk version "17.0.12" 2024-07-16\nOpenJDK Runtime'), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_392"'), 8);
  assert.equal(parseJavaVersion('openjdk version "25" 2025-09-16'), 25);
  assert.equal(parseJavaVersion('openjdk version "21-ea" 2023-09-19'), 21);
  assert.equal(parseJavaVersion('no version here'), undefined);
});

test('the wasmcore.javaHome setting wins over JAVA_HOME and PATH', () => {
  const root = tempDir();
  const setting = fakeHome(root, '21.0.1');
  const javaHome = fakeHome(root, '17.0.2');
  const onPath = fakeHome(root, '25');
  const java = findJava({ javaHomeSetting: setting, env: { JAVA_HOME: javaHome, PATH: path.join(onPath, 'bin') },
    platform: 'linux', probe: fileProbe });
  assert.deepEqual(java, { path: path.join(setting, 'bin', 'java'), version: 21, source: 'wasmcore.javaHome' });
});

test('a wrong wasmcore.javaHome is an error naming the setting, not a silent fallback', () => {
  const root = tempDir();
  const onPath = fakeHome(root, '21');
  const missing = path.join(root, 'nowhere');
  assert.throws(() => findJava({ javaHomeSetting: missing, env: { PATH: path.join(onPath, 'bin') }, platform: 'linux',
    probe: fileProbe }), (e: Error) => e instanceof JavaNotFoundError && e.message.includes('"wasmcore.javaHome"')
    && e.message.includes(path.join(missing, 'bin', 'java')) && e.message.includes('does not exist'));
  const old = fakeHome(root, '11.0.2');
  assert.throws(() => findJava({ javaHomeSetting: old, env: { PATH: path.join(onPath, 'bin') }, platform: 'linux',
    probe: fileProbe }), /is Java 11.*needs Java 17 or newer/s);
});

test('JAVA_HOME is used when the setting is empty', () => {
  const root = tempDir();
  const javaHome = fakeHome(root, '17.0.9');
  const java = findJava({ javaHomeSetting: '  ', env: { JAVA_HOME: javaHome, PATH: '' }, platform: 'linux', probe: fileProbe });
  assert.equal(java.source, 'JAVA_HOME');
  assert.equal(java.version, 17);
  assert.equal(java.path, path.join(javaHome, 'bin', 'java'));
});

test('an old or missing JAVA_HOME falls through to java on PATH', () => {
  const root = tempDir();
  const old = fakeHome(root, '1.8.0_392');
  const onPath = fakeHome(root, '21.0.3');
  const emptyDir = path.join(root, 'empty');
  fs.mkdirSync(emptyDir);
  let java = findJava({ env: { JAVA_HOME: old, PATH: [emptyDir, path.join(onPath, 'bin')].join(':') }, platform: 'linux',
    probe: (p) => (p.includes('1.8.0') ? 'java version "1.8.0_392"' : fileProbe(p)) });
  assert.deepEqual(java, { path: path.join(onPath, 'bin', 'java'), version: 21, source: 'PATH' });
  java = findJava({ env: { JAVA_HOME: path.join(root, 'gone'), PATH: path.join(onPath, 'bin') }, platform: 'linux',
    probe: fileProbe });
  assert.equal(java.source, 'PATH');
});

test('no usable Java gives one message listing what was tried and how to fix it', () => {
  const root = tempDir();
  const old = fakeHome(root, '11.0.22');
  const oldOnPath = fakeHome(root, '1.8.0_1');
  assert.throws(() => findJava({ env: { JAVA_HOME: old, PATH: path.join(oldOnPath, 'bin') }, platform: 'linux',
    probe: (p) => (p.includes('1.8.0') ? 'java version "1.8.0_1"' : fileProbe(p)) }), (e: Error) => {
    assert.ok(e instanceof JavaNotFoundError);
    assert.match(e.message, /No Java 17\+ found/);
    assert.match(e.message, /JAVA_HOME: .*jdk-11\.0\.22.* is Java 11/);
    assert.match(e.message, /PATH: .* is Java 8/);
    assert.match(e.message, /set "wasmcore\.javaHome"/);
    return true;
  });
  assert.throws(() => findJava({ env: { PATH: path.join(root, 'none') }, platform: 'linux', probe: fileProbe }),
    /JAVA_HOME: not set; PATH: no java\)/);
});

test('a java that fails or prints no version is reported as such', () => {
  const root = tempDir();
  const home = fakeHome(root, 'x');
  assert.throws(() => findJava({ javaHomeSetting: home, env: {}, platform: 'linux', probe: () => undefined }),
    /-version failed/);
  assert.throws(() => findJava({ javaHomeSetting: home, env: {}, platform: 'linux', probe: () => 'garbage' }),
    /printed no version/);
});

test('on Windows java.exe is looked up and PATH is split on semicolons', () => {
  const root = tempDir();
  const dir = path.join(root, 'jdk', 'bin');
  write(path.join(dir, 'java.exe'), '17');
  const java = findJava({ env: { Path: `C:\\nothing;${dir}` }, platform: 'win32', probe: fileProbe });
  assert.equal(java.path, path.join(dir, 'java.exe'));
});

test('the default probe runs a real java -version (stderr) and a fake legacy one', () => {
  const root = tempDir();
  const script = write(path.join(root, 'legacy', 'bin', 'java'),
    '#!/bin/sh\necho \'java version "1.8.0_392"\' >&2\n');
  fs.chmodSync(script, 0o755);
  assert.equal(parseJavaVersion(defaultProbe(script) ?? ''), 8);
  assert.throws(() => findJava({ javaHomeSetting: path.join(root, 'legacy'), env: {}, platform: 'linux' }), /is Java 8/);
  // the machine's own Java (the build needs Java 17, so it is there)
  const real = findJava({ env: process.env });
  assert.ok(real.version >= MIN_JAVA_VERSION, `found ${JSON.stringify(real)}`);
});
