/** Shared helpers of the unit tests: temp directories and tiny wasm core dumps built byte by byte. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempDir(prefix = 'wasmcore-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function write(file: string, content: string | Uint8Array = ''): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) {
      b |= 0x80;
    }
    out.push(b);
  } while (value > 0);
  return out;
}

export function name(text: string): number[] {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...uleb(bytes.length), ...bytes];
}

export function section(id: number, payload: number[]): number[] {
  return [id, ...uleb(payload.length), ...payload];
}

export function customSection(sectionName: string, contents: number[]): number[] {
  return section(0, [...name(sectionName), ...contents]);
}

/** A minimal core dump: `core` with the executable name, `coremodules` with the given names, a memory section. */
export function coreDump(executable: string | undefined, modules: string[]): Uint8Array {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (executable !== undefined) {
    bytes.push(...customSection('core', [0x00, ...name(executable)]));
  }
  bytes.push(...customSection('coremodules', [...uleb(modules.length), ...modules.flatMap((m) => [0x00, ...name(m)])]));
  // memory section: one memory, min 1 page, then a data-less tail
  bytes.push(...section(5, [0x01, 0x00, 0x01]));
  return Uint8Array.from(bytes);
}
