/**
 * How a wasmcore debug session reaches its adapter, decided from the debug configuration alone.
 *
 * - `debugServer: N` (VS Code's generic attribute, launch or attach): a server already listening on
 *   127.0.0.1:N.
 * - `request: "attach"` with `port` (and optional `host`, default 127.0.0.1): a `wasmcore dap --port N` server
 *   running elsewhere; DAP goes over TCP and the dump paths are read by that server.
 * - Anything else: the bundled adapter jar, started over stdio as
 *   `java JVM_OPTIONS -jar <extension>/adapter/wasmcore.jar dap` (see {@link JVM_OPTIONS}).
 *
 * This module does not import `vscode`: the factory maps a plan to VS Code's descriptor classes, and the
 * end-to-end DAP test starts the adapter with {@link adapterCommandLine}, the very command line the factory uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Path of the adapter jar inside the extension, relative to its root (copied there by the build). */
export const ADAPTER_JAR = path.join('adapter', 'wasmcore.jar');

/** Default host of a remote server. */
export const DEFAULT_HOST = '127.0.0.1';

/** A process to start, speaking DAP on its stdin/stdout. */
export interface ExecutablePlan {
  readonly kind: 'executable';
  readonly command: string;
  readonly args: readonly string[];
}

/** A DAP server to connect to over TCP. */
export interface ServerPlan {
  readonly kind: 'server';
  readonly port: number;
  readonly host: string;
}

export type AdapterPlan = ExecutablePlan | ServerPlan;

/** Raised for a configuration that cannot name an adapter (bad port, host without port). */
export class AdapterConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdapterConfigError';
  }
}

/** The configuration attributes this module reads. */
export interface AdapterConfiguration {
  readonly request?: unknown;
  readonly debugServer?: unknown;
  readonly port?: unknown;
  readonly host?: unknown;
}

/**
 * JVM options of the bundled adapter, as `adapter/wasmcore dap` and the IntelliJ plugin start it (all valid from
 * Java 17 on):
 * - every JVM log message at warning level or above goes to stderr: stdout is the DAP channel, and by default the
 *   JVM prints its warnings (a class-data archive it cannot map, say) there;
 * - the serial collector: a small heap, less start-up time and memory than G1;
 * - core reflection through native accessors: from Java 18 on, the first reflective call (mapping a file makes one)
 *   otherwise spins method-handle classes. Measured with `wasmcore bench --parts editor`, spawn to the first stack
 *   on the 17.6 MB Rust module: 458 to 402 ms on Java 25, 402 to 385 ms on Java 17.
 */
export const JVM_OPTIONS: readonly string[] = ['-Xlog:disable', '-Xlog:all=warning:stderr', '-XX:+UseSerialGC',
  '-Djdk.reflect.useNativeAccessorOnly=true'];

/** The command line that runs the bundled adapter over stdio. */
export function adapterCommandLine(extensionRoot: string, javaPath: string): ExecutablePlan {
  return { kind: 'executable', command: javaPath,
    args: [...JVM_OPTIONS, '-jar', path.join(extensionRoot, ADAPTER_JAR), 'dap'] };
}

/** Checks that the bundled jar is there (a build that skipped copying it gives this message, not a Java error). */
export function requireAdapterJar(extensionRoot: string): string {
  const jar = path.join(extensionRoot, ADAPTER_JAR);
  if (!fs.existsSync(jar)) {
    throw new AdapterConfigError(`The wasmcore adapter jar is missing from the extension (${jar}). ` +
      'Reinstall the extension, or build it with "mvn -B verify" so the jar is bundled.');
  }
  return jar;
}

function checkPort(value: unknown, attribute: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new AdapterConfigError(`"${attribute}" must be a port number from 1 to 65535 (got ${JSON.stringify(value)}).`);
  }
  return value;
}

function checkHost(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return DEFAULT_HOST;
  }
  if (typeof value !== 'string') {
    throw new AdapterConfigError(`"host" must be a string (got ${JSON.stringify(value)}).`);
  }
  return value;
}

/**
 * Decides how to reach the adapter. `javaPath` is asked for only when the bundled adapter is needed, so a remote
 * session works on a machine without Java.
 */
export function planAdapter(config: AdapterConfiguration, extensionRoot: string, javaPath: () => string): AdapterPlan {
  if (config.debugServer !== undefined && config.debugServer !== null) {
    return { kind: 'server', port: checkPort(config.debugServer, 'debugServer'), host: DEFAULT_HOST };
  }
  if (config.request === 'attach') {
    if (config.port !== undefined && config.port !== null) {
      return { kind: 'server', port: checkPort(config.port, 'port'), host: checkHost(config.host) };
    }
    if (config.host !== undefined && config.host !== null && config.host !== '') {
      throw new AdapterConfigError(`"host" is set to ${JSON.stringify(config.host)} but "port" is missing: ` +
        'give the port that "wasmcore dap --port N" printed in "DAP server listening at: HOST:PORT".');
    }
  }
  requireAdapterJar(extensionRoot);
  return adapterCommandLine(extensionRoot, javaPath());
}
