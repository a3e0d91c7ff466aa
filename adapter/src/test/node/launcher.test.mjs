// Tests of the adapter/wasmcore launcher as users and editors start it: through a symlink, from another directory,
// with relative paths; its exit statuses; and the class-data archives it has made in the background after a build
// and then uses (the start-up figures of `wasmcore bench` depend on them).
//
// Environment: WASMCORE_LAUNCHER (default: adapter/wasmcore), WASMCORE_SAMPLES (default: src/out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const checkout = path.resolve(here, '../../../..');
const launcher = process.env.WASMCORE_LAUNCHER || path.join(checkout, 'adapter', 'wasmcore');
const samples = process.env.WASMCORE_SAMPLES || path.join(checkout, 'src', 'out');

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120000, ...options });
  assert.equal(r.error, undefined, String(r.error));
  return r;
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wasmcore-launcher-'));
}

test('runs through a symlink, from another directory, with paths relative to the caller', () => {
  const dir = tempDir();
  const link = path.join(dir, 'wc');
  fs.symlinkSync(launcher, link);
  // CDPATH makes a plain `cd` print the directory: nothing but the command's output may reach stdout
  const env = { ...process.env, CDPATH: `${dir}:/`, WASMCORE_CDS: '0' };
  const r = run(link, ['info', 'c_dw5_O0.core', '--module', 'c_dw5_O0.wasm'], { cwd: samples, env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^core: +c_dw5_O0\.core$/m);
  assert.match(r.stdout, /^producer: /m);
  assert.ok(r.stdout.startsWith('core:'), r.stdout.slice(0, 200));
});

test('exit status 2 for a usage error and 1 for a missing file, with the reason on stderr only', () => {
  const env = { ...process.env, WASMCORE_CDS: '0' };
  const usage = run(launcher, ['bt'], { env });
  assert.equal(usage.status, 2);
  assert.equal(usage.stdout, '');
  assert.match(usage.stderr, /missing CORE/);
  const missing = run(launcher, ['bt', '/nonexistent/dump.core', '--module', '/nonexistent/m.wasm'], { env });
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /\/nonexistent\/dump\.core: cannot read: no such file/);
});

test('runs under each POSIX shell, from a directory with spaces, with java from PATH', () => {
  // A copy of the launcher and the jar under a path with blanks; no archives (WASMCORE_CDS=0).
  const dir = path.join(tempDir(), 'with  space *');
  fs.mkdirSync(path.join(dir, 'adapter', 'target'), { recursive: true });
  fs.copyFileSync(launcher, path.join(dir, 'adapter', 'wasmcore'));
  fs.chmodSync(path.join(dir, 'adapter', 'wasmcore'), 0o755);
  fs.copyFileSync(path.join(path.dirname(launcher), 'target', 'wasmcore.jar'),
    path.join(dir, 'adapter', 'target', 'wasmcore.jar'));
  const javaDir = path.dirname(fs.realpathSync(run('sh', ['-c', 'command -v java']).stdout.trim()));
  const env = { ...process.env, WASMCORE_CDS: '0', PATH: `${javaDir}:/usr/bin:/bin`,
    WASMCORE_JAVA_OPTS: '-Dwasmcore.one=1   -Dwasmcore.glob=* -XshowSettings:properties' };
  delete env.JAVA_HOME;
  // With pathname expansion on, the pattern in WASMCORE_JAVA_OPTS would match this file of the caller's directory.
  const cwd = tempDir();
  fs.writeFileSync(path.join(cwd, '-Dwasmcore.glob=expanded'), '');
  const shells = ['sh', 'dash', 'bash'].filter((s) => run('sh', ['-c', `command -v ${s}`]).status === 0);
  assert.ok(shells.includes('sh'));
  for (const shell of shells) {
    const r = run(shell, [path.join(dir, 'adapter', 'wasmcore'), 'info', path.join(samples, 'c_dw5_O0.core'),
      '--module', path.join(samples, 'c_dw5_O0.wasm')], { cwd, env });
    assert.equal(r.status, 0, `${shell}: ${r.stderr}`);
    assert.match(r.stdout, /^core: +\/.*\/c_dw5_O0\.core$/m, shell);
    // the options arrive one by one and unexpanded: no file named like the pattern is substituted
    assert.match(r.stderr, /wasmcore\.one = 1$/m, shell);
    assert.match(r.stderr, /wasmcore\.glob = \*$/m, shell);
    assert.match(r.stderr, new RegExp(`java\\.class\\.path = ${dir.replace(/[*]/g, '\\*')}/adapter/target/wasmcore\\.jar$`, 'm'),
      shell);
  }
  const bare = run('sh', [path.join(dir, 'adapter', 'wasmcore')], { env: { ...env, WASMCORE_JAVA_OPTS: '' } });
  assert.equal(bare.status, 2, bare.stderr);
  assert.match(bare.stderr, /^usage: wasmcore COMMAND/m);
});

test('makes the class-data archives in the background, then starts with them and prints the same', async () => {
  const dir = tempDir();
  const env = { ...process.env, WASMCORE_CDS_DIR: dir };
  const core = path.join(samples, 'rs_O2.core');
  const wasm = path.join(samples, 'rs_O2.wasm');
  const first = run(launcher, ['bt', '--json', core, '--module', wasm], { env });
  assert.equal(first.status, 0, first.stderr);
  const archive = (name) => fs.readdirSync(dir).find((f) => f.endsWith(`-${name}.jsa`) || f.endsWith(`-${name}.aot`));
  const deadline = Date.now() + 180000;
  while (!(archive('bt') && archive('cli') && archive('dap')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.ok(archive('bt') && archive('cli') && archive('dap'), `archives in ${dir}: ${fs.readdirSync(dir)}`);
  while (fs.readdirSync(dir).some((f) => f.startsWith('.making-')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200)); // the maker removes its lock when it ends
  }
  const flags = { ...env, WASMCORE_JAVA_OPTS: '-XX:+PrintCommandLineFlags' };
  const bt = run(launcher, ['bt', '--json', core, '--module', wasm], { env: flags });
  assert.equal(bt.status, 0, bt.stderr);
  const flagLine = bt.stdout.split('\n')[0];
  assert.ok(flagLine.includes(path.join(dir, archive('bt'))), flagLine);
  assert.equal(bt.stdout.slice(flagLine.length + 1), first.stdout);
  const info = run(launcher, ['info', core, '--module', wasm], { env: flags });
  assert.ok(info.stdout.split('\n')[0].includes(path.join(dir, archive('cli'))), info.stdout.split('\n')[0]);
  assert.ok(!fs.readdirSync(dir).some((f) => f.includes('.tmp')), `left over: ${fs.readdirSync(dir)}`);
});

test('a maker that failed marks it, and the launcher does not start another for the same jar', async () => {
  // A Java whose release file names a version but whose java fails: cds.sh gets as far as training and fails there.
  const fakeHome = tempDir();
  fs.mkdirSync(path.join(fakeHome, 'bin'));
  fs.writeFileSync(path.join(fakeHome, 'release'), 'JAVA_RUNTIME_VERSION="99.0.1+7"\n');
  fs.writeFileSync(path.join(fakeHome, 'bin', 'java'), '#!/bin/sh\necho "this java fails" >&2\nexit 1\n', { mode: 0o755 });
  const dir = tempDir();
  const cds = path.join(path.dirname(launcher), 'src', 'bench', 'cds.sh');
  const made = run(cds, [fakeHome], { env: { ...process.env, WASMCORE_CDS_DIR: dir } });
  assert.notEqual(made.status, 0);
  assert.ok(fs.existsSync(path.join(dir, 'cds-99.0.1_7.failed')), `${fs.readdirSync(dir)}`);

  // The launcher's own runtime, with a failure mark newer than the jar: it runs without archives, starts no maker.
  const marked = tempDir();
  const probe = run(launcher, ['--help'], { env: { ...process.env, WASMCORE_CDS_DIR: marked } });
  assert.equal(probe.status, 0, probe.stderr);
  const log = fs.readdirSync(marked).find((f) => f.startsWith('cds-') && f.endsWith('.log'));
  assert.ok(log, `the first run starts a maker: ${fs.readdirSync(marked)}`);
  const tag = log.slice('cds-'.length, -'.log'.length);
  const deadline = Date.now() + 180000;
  while (fs.readdirSync(marked).some((f) => f.startsWith('.making-')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const f of fs.readdirSync(marked)) {
    fs.rmSync(path.join(marked, f), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(marked, `cds-${tag}.failed`), '');
  const again = run(launcher, ['--help'], { env: { ...process.env, WASMCORE_CDS_DIR: marked } });
  assert.equal(again.status, 0, again.stderr);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(fs.readdirSync(marked), [`cds-${tag}.failed`]);
});
