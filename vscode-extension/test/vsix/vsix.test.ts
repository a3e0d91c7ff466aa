/**
 * Checks the packaged extension (wasmcore.vsix, built by `npm run package`): a valid VSIX manifest that agrees
 * with package.json, the compiled entry point, and the adapter jar (byte-identical to the one built, runnable).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

const root = path.resolve(__dirname, '..', '..', '..');
const vsixPath = path.join(root, 'wasmcore.vsix');

function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(err ?? new Error('no zip'));
        return;
      }
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) {
            reject(e ?? new Error(`cannot read ${entry.fileName}`));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test('the .vsix holds a valid manifest, the compiled extension and the adapter jar', async () => {
  assert.ok(fs.existsSync(vsixPath), `${vsixPath} is missing: run "npm run package" (mvn package does)`);
  const entries = await readZip(fs.readFileSync(vsixPath));
  const names = [...entries.keys()].sort();

  // VSIX container parts
  assert.ok(entries.has('[Content_Types].xml'), names.join('\n'));
  const vsixManifest = entries.get('extension.vsixmanifest')?.toString('utf8') ?? '';
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.match(vsixManifest, new RegExp(`<Identity [^>]*Id="${manifest.name}"`));
  assert.match(vsixManifest, new RegExp(`<Identity [^>]*Version="${manifest.version.replace(/\./g, '\\.')}"`));
  assert.match(vsixManifest, new RegExp(`<Identity [^>]*Publisher="${manifest.publisher}"`));
  assert.match(vsixManifest, /Id="Microsoft.VisualStudio.Code.Engine" Value="\^1\.85\.0"/);
  assert.match(vsixManifest, /<DisplayName>wasmcore/);

  // the packaged package.json is the extension's and its entry point is inside
  const packaged = JSON.parse(entries.get('extension/package.json')?.toString('utf8') ?? '{}');
  assert.equal(packaged.name, manifest.name);
  assert.deepEqual(packaged.contributes.debuggers[0].configurationAttributes,
    manifest.contributes.debuggers[0].configurationAttributes);
  const main = `extension/${packaged.main.replace(/^\.\//, '')}`;
  assert.ok(entries.has(main), `${main} in ${names.join(', ')}`);
  for (const file of ['adapter.js', 'configuration.js', 'coredump.js', 'descriptorFactory.js', 'java.js', 'openCoreDump.js']) {
    assert.ok(entries.has(`extension/out/src/${file}`), file);
  }
  assert.ok(entries.has('extension/readme.md') || entries.has('extension/README.md'));

  // nothing that does not belong: no tests, no sources, no node_modules
  for (const name of names) {
    assert.doesNotMatch(name, /node_modules|\/test\/|\.ts$|\.map$|\.vsix$/, name);
  }

  // the adapter jar: same bytes as the one built, a real jar with the CLI main class
  const jar = entries.get('extension/adapter/wasmcore.jar');
  assert.ok(jar, 'extension/adapter/wasmcore.jar in the vsix');
  const built = fs.readFileSync(path.join(root, 'adapter', 'wasmcore.jar'));
  assert.ok(jar.equals(built), 'the bundled jar is the one copied from adapter/target');
  const jarEntries = await readZip(jar);
  const jarManifest = jarEntries.get('META-INF/MANIFEST.MF')?.toString('utf8') ?? '';
  assert.match(jarManifest, /Main-Class: dev\.wasmcore\.cli\.Main/);
  assert.ok(jarEntries.has('dev/wasmcore/cli/Main.class'));
});
