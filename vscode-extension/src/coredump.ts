/**
 * Just enough of a WebAssembly core dump (tool-conventions Coredump.md) to find the module that belongs to it:
 * the names in its `core` and `coremodules` custom sections. The debugger proper is the adapter; this only lets
 * "wasmcore: Open Core Dump..." avoid asking for a module that lies next to the dump.
 *
 * Layout read here (all integers LEB128 u32):
 * ```
 * module       ::= magic(00 61 73 6D) version(01 00 00 00) section*
 * section      ::= id:byte size:u32 payload[size]
 * customsec    ::= id 0, payload = name:(len:u32 bytes[len]) contents
 * core         ::= customsec "core"        contents = 0x00 executable-name:name
 * coremodules  ::= customsec "coremodules" contents = count:u32 (0x00 module-name:name)*count
 * ```
 * The file is read with bounded positioned reads (a dump holds the whole linear memory, possibly GiBs): section
 * headers and the two small custom sections only. Every count and length is checked against what is left.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
/** No real dump has more sections than this; the loop is bounded by it and by the file size. */
const MAX_SECTIONS = 1_000_000;
/** Custom section payloads larger than this are not the ones we read. */
const MAX_NAME_SECTION = 1 << 20;

/** Names recorded in a dump. */
export interface CoreNames {
  /** `core` section: the executable (process) name, when present. */
  readonly executable?: string;
  /** `coremodules` section: module names, in module index order. */
  readonly modules: readonly string[];
}

/** The dump is not a wasm file or is cut short; the message names the file and offset. */
export class CoreDumpFormatError extends Error {
  constructor(file: string, offset: number, reason: string) {
    super(`${file}: ${reason} at offset ${offset}`);
    this.name = 'CoreDumpFormatError';
  }
}

class Cursor {
  pos = 0;
  constructor(private readonly bytes: Uint8Array, private readonly file: string, private readonly base: number) {}

  fail(reason: string): never {
    throw new CoreDumpFormatError(this.file, this.base + this.pos, reason);
  }

  byte(): number {
    if (this.pos >= this.bytes.length) {
      this.fail('unexpected end of data');
    }
    return this.bytes[this.pos++];
  }

  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (result > 0xffffffff) {
          this.fail('LEB128 u32 out of range');
        }
        return result;
      }
    }
    return this.fail('LEB128 u32 longer than 5 bytes');
  }

  name(): string {
    const length = this.u32();
    if (length > this.bytes.length - this.pos) {
      this.fail(`name length ${length} exceeds the ${this.bytes.length - this.pos} bytes left`);
    }
    const text = Buffer.from(this.bytes.subarray(this.pos, this.pos + length)).toString('utf8');
    this.pos += length;
    return text;
  }
}

function readAt(fd: number, offset: number, length: number): Uint8Array {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, offset);
  return buffer.subarray(0, read);
}

/** Reads the executable and module names of a core dump. */
export function readCoreNames(file: string): CoreNames {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const header = readAt(fd, 0, 8);
    if (header.length < 8 || MAGIC.some((b, i) => header[i] !== b)) {
      throw new CoreDumpFormatError(file, 0, 'not a WebAssembly file (no \\0asm magic)');
    }
    let executable: string | undefined;
    const modules: string[] = [];
    let offset = 8;
    for (let count = 0; offset < size && count < MAX_SECTIONS; count++) {
      // id (1 byte) + size (at most 5 bytes)
      const head = new Cursor(readAt(fd, offset, 6), file, offset);
      const id = head.byte();
      const payloadSize = head.u32();
      const payloadStart = offset + head.pos;
      if (payloadSize > size - payloadStart) {
        throw new CoreDumpFormatError(file, offset, `section ${id} size ${payloadSize} exceeds the file`);
      }
      if (id === 0 && payloadSize <= MAX_NAME_SECTION) {
        const payload = new Cursor(readAt(fd, payloadStart, payloadSize), file, payloadStart);
        const sectionName = payload.name();
        if (sectionName === 'core') {
          if (payload.byte() !== 0x00) {
            payload.fail('unknown process-info kind');
          }
          executable = payload.name();
        } else if (sectionName === 'coremodules') {
          const n = payload.u32();
          // each entry is at least 2 bytes (kind + empty name): the count cannot exceed what is left
          if (n > (payloadSize - payload.pos) / 2) {
            payload.fail(`coremodules count ${n} exceeds the section`);
          }
          for (let i = 0; i < n; i++) {
            if (payload.byte() !== 0x00) {
              payload.fail('unknown coremodule kind');
            }
            modules.push(payload.name());
          }
        }
      }
      offset = payloadStart + payloadSize;
    }
    return { executable, modules };
  } finally {
    fs.closeSync(fd);
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Candidate module paths for one recorded name, most specific first. */
function candidatesFor(name: string, dir: string): string[] {
  if (name.trim() === '' || name.startsWith('<')) {
    return []; // wasmtime writes <anonymous-module-N> for unnamed modules
  }
  const out: string[] = [];
  const add = (p: string) => {
    out.push(p);
    if (path.extname(p) === '') {
      out.push(`${p}.wasm`);
    }
  };
  if (path.isAbsolute(name)) {
    add(name);
  }
  add(path.join(dir, name));
  add(path.join(dir, path.basename(name)));
  return out;
}

/**
 * Finds the module(s) of a dump next to it: the dump's base name with `.wasm` (`app.core` -> `app.wasm`), then the
 * names the dump records (`coremodules`, then `core`), as given, relative to the dump's folder, and by base name
 * in that folder. Returns the paths found (one per module), or an empty list when none is found. A dump that cannot
 * be read yields the base-name candidate only; the adapter reports its format errors properly.
 */
export function findModulesForDump(corePath: string): string[] {
  const dir = path.dirname(corePath);
  const base = path.basename(corePath, path.extname(corePath));
  let names: CoreNames = { modules: [] };
  try {
    names = readCoreNames(corePath);
  } catch {
    // fall through with no recorded names
  }
  const found: string[] = [];
  for (const name of names.modules) {
    const hit = candidatesFor(name, dir).find(isFile);
    if (hit !== undefined && !found.includes(hit)) {
      found.push(hit);
    }
  }
  if (found.length > 0) {
    return found;
  }
  const sameBase = path.join(dir, `${base}.wasm`);
  if (isFile(sameBase)) {
    return [sameBase];
  }
  if (names.executable !== undefined) {
    const hit = candidatesFor(names.executable, dir).find(isFile);
    if (hit !== undefined) {
      return [hit];
    }
  }
  return [];
}
