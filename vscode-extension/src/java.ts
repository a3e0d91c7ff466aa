/**
 * Finding the Java runtime that runs the bundled adapter jar.
 *
 * Order: the `wasmcore.javaHome` setting, then `JAVA_HOME`, then `java` on the `PATH`. The first runtime that
 * exists and reports version 17 or newer wins. An explicit `wasmcore.javaHome` that is wrong is an error of its
 * own (the user asked for that runtime, so silently taking another one would hide the mistake); `JAVA_HOME` and
 * `PATH` fall through to the next candidate and are listed in the error when none fits.
 *
 * This module does not import `vscode`, so the unit tests and the end-to-end DAP test run it as it is.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The Java feature release the adapter jar is compiled for. */
export const MIN_JAVA_VERSION = 17;

/** A Java runtime that can run the adapter. */
export interface JavaRuntime {
  /** Absolute path of the `java` executable. */
  readonly path: string;
  /** Feature release (17, 21, 25...). */
  readonly version: number;
  /** Where it was found: `wasmcore.javaHome`, `JAVA_HOME` or `PATH`. */
  readonly source: 'wasmcore.javaHome' | 'JAVA_HOME' | 'PATH';
}

/** Raised when no usable Java runtime is found; the message says what was tried and how to fix it. */
export class JavaNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JavaNotFoundError';
  }
}

/** Runs `java -version` and returns its output (stderr and stdout), or undefined when it cannot run. */
export type JavaProbe = (javaPath: string) => string | undefined;

/** What the search reads; tests pass their own. */
export interface JavaSearch {
  /** Value of the `wasmcore.javaHome` setting ('' or undefined when unset). */
  readonly javaHomeSetting?: string;
  /** Environment (JAVA_HOME, PATH, PATHEXT). */
  readonly env: NodeJS.ProcessEnv;
  /** `process.platform` (decides `java` vs `java.exe` and the PATH separator). */
  readonly platform?: NodeJS.Platform;
  /** Version probe; defaults to running `java -version`. */
  readonly probe?: JavaProbe;
}

/** Runs `java -version` with a time limit. */
export const defaultProbe: JavaProbe = (javaPath) => {
  const result = spawnSync(javaPath, ['-version'], { encoding: 'utf8', timeout: 15000, windowsHide: true });
  if (result.error || result.status !== 0) {
    return undefined;
  }
  return `${result.stderr ?? ''}${result.stdout ?? ''}`;
};

/**
 * Parses the feature release from `java -version` output: `openjdk version "17.0.12"` gives 17,
 * `java version "1.8.0_392"` gives 8, `openjdk version "25" 2025-09-16` gives 25.
 */
export function parseJavaVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function javaExecutableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Finds `java` in the directories of PATH. */
export function javaOnPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const pathValue = env.PATH ?? env.Path ?? '';
  const separator = platform === 'win32' ? ';' : ':';
  const name = javaExecutableName(platform);
  for (const dir of pathValue.split(separator)) {
    if (dir.trim() === '') {
      continue;
    }
    const candidate = path.join(dir.trim(), name);
    if (isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

type Check = { readonly ok: true; readonly version: number } | { readonly ok: false; readonly reason: string };

function check(javaPath: string, probe: JavaProbe): Check {
  if (!isFile(javaPath)) {
    return { ok: false, reason: `${javaPath} does not exist` };
  }
  const output = probe(javaPath);
  if (output === undefined) {
    return { ok: false, reason: `${javaPath} -version failed` };
  }
  const version = parseJavaVersion(output);
  if (version === undefined) {
    return { ok: false, reason: `${javaPath} -version printed no version` };
  }
  if (version < MIN_JAVA_VERSION) {
    return { ok: false, reason: `${javaPath} is Java ${version}` };
  }
  return { ok: true, version };
}

const FIX = `wasmcore needs Java ${MIN_JAVA_VERSION} or newer to run its debug adapter. ` +
  `Install a JDK ${MIN_JAVA_VERSION}+ and set "wasmcore.javaHome" (or JAVA_HOME) to its home directory.`;

/** Finds a Java runtime of version 17 or newer, or throws {@link JavaNotFoundError} saying what was tried. */
export function findJava(search: JavaSearch): JavaRuntime {
  const platform = search.platform ?? process.platform;
  const probe = search.probe ?? defaultProbe;
  const name = javaExecutableName(platform);

  const setting = (search.javaHomeSetting ?? '').trim();
  if (setting !== '') {
    const javaPath = path.join(setting, 'bin', name);
    const result = check(javaPath, probe);
    if (result.ok) {
      return { path: javaPath, version: result.version, source: 'wasmcore.javaHome' };
    }
    throw new JavaNotFoundError(`The "wasmcore.javaHome" setting (${setting}) does not give a usable Java: ` +
      `${result.reason}. ${FIX}`);
  }

  const tried: string[] = [];
  const javaHome = (search.env.JAVA_HOME ?? '').trim();
  if (javaHome !== '') {
    const javaPath = path.join(javaHome, 'bin', name);
    const result = check(javaPath, probe);
    if (result.ok) {
      return { path: javaPath, version: result.version, source: 'JAVA_HOME' };
    }
    tried.push(`JAVA_HOME: ${result.reason}`);
  } else {
    tried.push('JAVA_HOME: not set');
  }

  const onPath = javaOnPath(search.env, platform);
  if (onPath !== undefined) {
    const result = check(onPath, probe);
    if (result.ok) {
      return { path: onPath, version: result.version, source: 'PATH' };
    }
    tried.push(`PATH: ${result.reason}`);
  } else {
    tried.push(`PATH: no ${name}`);
  }
  throw new JavaNotFoundError(`No Java ${MIN_JAVA_VERSION}+ found (${tried.join('; ')}). ${FIX}`);
}
