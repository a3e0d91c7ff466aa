/**
 * A stand-in for the `vscode` module in unit tests: the classes and functions the extension uses, recording what
 * the extension asks for and answering from {@link stub}, which each test sets up. It mirrors the signatures of
 * @types/vscode 1.85 for the members used; nothing else is provided, so a new use shows up as a test failure.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as path from 'node:path';

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(p: string): Uri {
    return new Uri('file', path.resolve(p));
  }
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
}

export class DebugAdapterExecutable {
  constructor(readonly command: string, readonly args?: string[], readonly options?: unknown) {}
}

export class DebugAdapterServer {
  constructor(readonly port: number, readonly host?: string) {}
}

export class RelativePattern {
  constructor(readonly base: { uri: Uri } | Uri | string, readonly pattern: string) {}
}

export enum DebugConfigurationProviderTriggerKind {
  Initial = 1,
  Dynamic = 2,
}

export interface StubFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

/** What the stub answers and what it recorded. Reset with {@link resetStub}. */
export const stub = {
  settings: {} as Record<string, unknown>,
  workspaceFolders: undefined as StubFolder[] | undefined,
  /** Answers to successive showOpenDialog calls (undefined = cancelled). */
  openDialogAnswers: [] as (Uri[] | undefined)[],
  openDialogCalls: [] as any[],
  errorMessages: [] as string[],
  startedSessions: [] as { folder: unknown; config: any }[],
  findFilesCalls: [] as any[],
  /** Files findFiles returns (absolute paths). */
  files: [] as string[],
  registered: [] as { kind: string; args: any[] }[],
  output: [] as string[],
};

export function resetStub(): void {
  stub.settings = {};
  stub.workspaceFolders = undefined;
  stub.openDialogAnswers = [];
  stub.openDialogCalls = [];
  stub.errorMessages = [];
  stub.startedSessions = [];
  stub.findFilesCalls = [];
  stub.files = [];
  stub.registered = [];
  stub.output = [];
}

export function folder(p: string, index = 0): StubFolder {
  return { uri: Uri.file(p), name: path.basename(p), index };
}

export const workspace = {
  getConfiguration(section?: string) {
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        const full = section ? `${section}.${key}` : key;
        return (full in stub.settings ? stub.settings[full] : defaultValue) as T | undefined;
      },
    };
  },
  get workspaceFolders() {
    return stub.workspaceFolders;
  },
  getWorkspaceFolder(uri: Uri) {
    return stub.workspaceFolders?.find((f) => uri.fsPath.startsWith(f.uri.fsPath + path.sep));
  },
  async findFiles(include: unknown, exclude?: unknown, maxResults?: number) {
    stub.findFilesCalls.push({ include, exclude, maxResults });
    let files = stub.files;
    if (include instanceof RelativePattern) {
      const base = include.base as { uri: Uri };
      files = files.filter((f) => f.startsWith(base.uri.fsPath + path.sep));
    }
    return files.slice(0, maxResults ?? files.length).map((f) => Uri.file(f));
  },
};

export const window = {
  async showOpenDialog(options: unknown) {
    stub.openDialogCalls.push(options);
    return stub.openDialogAnswers.shift();
  },
  async showErrorMessage(message: string) {
    stub.errorMessages.push(message);
    return undefined;
  },
  createOutputChannel(name: string) {
    return { name, appendLine: (line: string) => stub.output.push(line), dispose: () => undefined };
  },
};

export const debug = {
  async startDebugging(folder: unknown, config: any) {
    stub.startedSessions.push({ folder, config });
    return true;
  },
  registerDebugAdapterDescriptorFactory(...args: any[]) {
    stub.registered.push({ kind: 'factory', args });
    return { dispose: () => undefined };
  },
  registerDebugAdapterTrackerFactory(...args: any[]) {
    stub.registered.push({ kind: 'tracker', args });
    return { dispose: () => undefined };
  },
  registerDebugConfigurationProvider(...args: any[]) {
    stub.registered.push({ kind: 'provider', args });
    return { dispose: () => undefined };
  },
};

export const commands = {
  registerCommand(...args: any[]) {
    stub.registered.push({ kind: 'command', args });
    return { dispose: () => undefined };
  },
};
