// Copies the adapter jar built by the Maven adapter module into the extension (adapter/wasmcore.jar), where the
// descriptor factory runs it and where `vsce package` picks it up. The copy is a build product, never committed.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.env.WASMCORE_ADAPTER_JAR || join(root, '..', 'adapter', 'target', 'wasmcore.jar');
const target = join(root, 'adapter', 'wasmcore.jar');

if (!existsSync(source)) {
  console.error(`copy-adapter: ${source} does not exist. Build the adapter first: ` +
    `(cd ${join(root, '..')} && mvn -B -pl adapter package -DskipTests)`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.error(`copy-adapter: ${source} -> ${target} (${statSync(target).size} bytes)`);
