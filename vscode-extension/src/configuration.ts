/**
 * Debug configurations of type `wasmcore`: the initial and dynamic providers (dumps found in the workspace) and
 * the resolution that fills defaults before a session starts.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { findModulesForDump } from './coredump';

export const DEBUG_TYPE = 'wasmcore';

/** Glob of the core dumps offered by the dynamic provider. */
export const DUMP_GLOB = '**/*.{core,coredump}';
/** At most this many dumps are offered (the search stops there). */
export const MAX_DUMPS = 50;

/** User settings that give defaults to sessions (for example those started without launch.json). */
export interface SessionDefaults {
  readonly sourceMap: Record<string, string>;
  readonly sourceSearchPaths: readonly string[];
}

/** Reads the defaults from the `wasmcore.*` settings; an empty search path list means the workspace folders. */
export function sessionDefaults(): SessionDefaults {
  const settings = vscode.workspace.getConfiguration('wasmcore');
  const sourceMap = settings.get<Record<string, string>>('sourceMap') ?? {};
  let sourceSearchPaths = settings.get<string[]>('sourceSearchPaths') ?? [];
  if (sourceSearchPaths.length === 0) {
    sourceSearchPaths = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  }
  return { sourceMap, sourceSearchPaths };
}

/** Returns a copy of `config` with `sourceMap` and `sourceSearchPaths` taken from the defaults where unset. */
export function applyDefaults(config: vscode.DebugConfiguration, defaults: SessionDefaults): vscode.DebugConfiguration {
  const out: vscode.DebugConfiguration = { ...config };
  if (out.sourceMap === undefined && Object.keys(defaults.sourceMap).length > 0) {
    out.sourceMap = { ...defaults.sourceMap };
  }
  if (out.sourceSearchPaths === undefined && defaults.sourceSearchPaths.length > 0) {
    out.sourceSearchPaths = [...defaults.sourceSearchPaths];
  }
  return out;
}

/** True when the session talks to a server elsewhere: then paths are the server's and are not checked here. */
export function isRemote(config: vscode.DebugConfiguration): boolean {
  return config.debugServer !== undefined || (config.request === 'attach' && config.port !== undefined);
}

/** A launch configuration for one dump; `program` is a path or, for several modules, a list. */
export function dumpConfiguration(corePath: string, modules: readonly string[], label?: string): vscode.DebugConfiguration {
  const config: vscode.DebugConfiguration = {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `wasmcore: ${label ?? path.basename(corePath)}`,
    coreFile: corePath,
  };
  if (modules.length === 1) {
    config.program = modules[0];
  } else if (modules.length > 1) {
    config.program = [...modules];
  }
  return config;
}

/** The dumps in the workspace (bounded), as launch configurations with the modules found next to them. */
export async function workspaceDumpConfigurations(folder?: vscode.WorkspaceFolder): Promise<vscode.DebugConfiguration[]> {
  const include = folder ? new vscode.RelativePattern(folder, DUMP_GLOB) : DUMP_GLOB;
  const uris = await vscode.workspace.findFiles(include, '**/node_modules/**', MAX_DUMPS);
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  return uris
    .map((u) => u.fsPath)
    .sort()
    .map((core) => {
      const root = roots.find((r) => core.startsWith(r + path.sep));
      return dumpConfiguration(core, findModulesForDump(core), root ? path.relative(root, core) : undefined);
    });
}

/** The configuration written into a new launch.json (VS Code's "create a launch.json file"). */
export function templateConfiguration(): vscode.DebugConfiguration {
  return {
    type: DEBUG_TYPE,
    request: 'launch',
    name: 'Open wasm core dump',
    coreFile: '${workspaceFolder}/program.core',
    program: '${workspaceFolder}/program.wasm',
    sourceMap: {},
  };
}

/**
 * Initial configurations (launch.json creation): one per dump found in the folder, or the template when there
 * is none. Paths are written relative to `${workspaceFolder}` so launch.json stays portable.
 */
export class InitialConfigurationProvider implements vscode.DebugConfigurationProvider {
  async provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    const found = await workspaceDumpConfigurations(folder);
    if (found.length === 0) {
      return [templateConfiguration()];
    }
    const root = folder?.uri.fsPath;
    const portable = (p: string) => (root && p.startsWith(root + path.sep)
      ? '${workspaceFolder}/' + path.relative(root, p).split(path.sep).join('/') : p);
    return found.slice(0, 10).map((c) => ({
      ...c,
      coreFile: portable(c.coreFile),
      ...(typeof c.program === 'string' ? { program: portable(c.program) } : {}),
      ...(Array.isArray(c.program) ? { program: c.program.map(portable) } : {}),
    }));
  }
}

/** Dynamic configurations: the Run and Debug view lists every dump of the workspace under "wasmcore". */
export class DynamicConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    return workspaceDumpConfigurations(folder);
  }
}

/** Builds a configuration interactively (the "Open Core Dump..." command's questions); undefined when cancelled. */
export type InteractiveConfiguration = () => Promise<vscode.DebugConfiguration | undefined>;

/**
 * Resolution of every wasmcore session: F5 without launch.json asks for a dump; before the start, a missing
 * `coreFile` or a dump that does not exist is reported with the fix, a missing `program` is looked up next to the
 * dump, and the `wasmcore.sourceMap` / `wasmcore.sourceSearchPaths` settings fill what the configuration leaves out.
 */
export class ResolvingConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly interactive: InteractiveConfiguration) {}

  async resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | null | undefined> {
    if (!config.type && !config.request && !config.name) {
      // F5 with no launch.json: same questions as the command
      return this.interactive();
    }
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | null | undefined> {
    if (typeof config.coreFile !== 'string' || config.coreFile.trim() === '') {
      await vscode.window.showErrorMessage(
        `wasmcore: the configuration "${config.name ?? ''}" has no "coreFile": set it to the path of the wasm core dump.`);
      return null; // opens launch.json
    }
    let out = applyDefaults(config, sessionDefaults());
    if (!isRemote(out)) {
      if (!fs.existsSync(out.coreFile)) {
        await vscode.window.showErrorMessage(`wasmcore: the core dump ${out.coreFile} does not exist (check "coreFile").`);
        return null;
      }
      if (out.program === undefined) {
        const modules = findModulesForDump(out.coreFile);
        if (modules.length > 0) {
          out = { ...out, program: modules.length === 1 ? modules[0] : modules };
        }
        // none found: the adapter reports which module it needs and how to give it
      }
    }
    return out;
  }
}
